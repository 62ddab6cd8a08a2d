// Routes one request to a service and operation, checks who signed it, runs the handler and
// encodes the answer (or the error) in the called service's wire protocol.
import { loadService, serviceIndex } from '../engine/models/loader.js';
import type { ServiceModel } from '../engine/models/types.js';
import type { SandboxState } from './state.js';
import type { CallContext, IncomingCall, Principal, Reply } from './types.js';
import { AuthError, authFault, isStreamingPayload, parseAuthorization, verifySigV4 } from './auth.js';
import { checkRequired, serverCodecs, type Identified, type ServerCodec } from './codecs/index.js';
import { matchRoute } from './codecs/rest.js';
import { fault, ServiceFault } from './fault.js';
import { denyWrite, isWriteOperation } from './access.js';
import { serviceHandlers } from './services/index.js';
import { newRequestId } from './wire.js';
import { decodeAwsChunked } from './services/s3-chunked.js';
import { injectedError } from './fault-replies.js';
import type { FaultRecord } from './fault-plan.js';

const ANONYMOUS: Principal = { kind: 'user', accountId: '', arn: '', userId: '', readOnly: true, mfaAuthenticated: false };

// SSO-OIDC and the SSO portal are unsigned (bearer tokens or client secrets instead).
const UNSIGNED_SERVICES = ['sso-oidc', 'sso'];

let signingNameMap: Map<string, string> | undefined;

/** CLI service name for a SigV4 signing name; implemented services win where names collide. */
function serviceForSigningName(signingName: string): string | undefined {
  if (!signingNameMap) {
    signingNameMap = new Map();
    for (const [name, entry] of Object.entries(serviceIndex())) {
      if (!signingNameMap.has(entry.signingName) || serviceHandlers[name]) signingNameMap.set(entry.signingName, name);
    }
  }
  return signingNameMap.get(signingName);
}

/** For an unsigned request: which service it was probably meant for, so the error is in its format. */
function guessService(call: IncomingCall): string {
  const target = call.headers['x-amz-target'];
  if (target?.startsWith('Logs_')) return 'logs';
  if (target) return 'logs';
  if (call.rawPath.startsWith('/2015-03-31/')) return 'lambda';
  const text = call.body.toString('utf8', 0, Math.min(call.body.length, 4096)) + '&' + call.query.map(([k, v]) => `${k}=${v}`).join('&');
  const version = /(?:^|&)Version=([\d-]+)/.exec(text)?.[1];
  if (version === '2016-11-15') return 'ec2';
  if (version === '2010-05-08') return 'iam';
  if (version === '2010-05-15') return 'cloudformation';
  if (version || /(?:^|&)Action=/.test(text)) return 'sts';
  return 's3api';
}

export async function dispatch(state: SandboxState, call: IncomingCall): Promise<Reply> {
  const requestId = newRequestId();
  const auth = parseAuthorization(call);
  let serviceName: string | undefined = auth ? serviceForSigningName(auth.service) : undefined;
  let unsignedRoute = false;
  if (!serviceName || UNSIGNED_SERVICES.includes(serviceName)) {
    serviceName = UNSIGNED_SERVICES.find((name) => matchRoute(loadService(name), call.method, call.rawPath, call.query, call.headers));
    unsignedRoute = serviceName !== undefined;
  }
  serviceName ??= guessService(call);
  const model = loadService(serviceName);
  const codec = serverCodecs[model.metadata.protocol];
  const region = auth?.region ?? 'us-east-1';
  const seen = state.faults.arrive({ service: serviceName, region, operation: state.faults.active ? operationOf(codec, model, call) : '' });
  // A skewed server clock judges the request's signing time and dates its answer.
  const offset = state.faults.active ? state.faults.clockOffsetMs(seen) : 0;
  const now = new Date(Date.now() + offset);
  const ctx: CallContext = { state, principal: ANONYMOUS, region, service: serviceName, operation: '', requestId, call, now };
  const delay = state.faults.active ? state.faults.delayMs(seen) : 0;
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const reply = await answer(ctx, model, codec, unsignedRoute, auth, seen);
  if (offset) reply.headers.date = now.toUTCString();
  seen.status = reply.transport ? undefined : reply.status;
  seen.doneAt = Date.now();
  return reply;
}

function operationOf(codec: ServerCodec, model: ServiceModel, call: IncomingCall): string {
  try {
    return codec.identify(model, call).operation;
  } catch {
    return '';
  }
}

async function answer(ctx: CallContext, model: ServiceModel, codec: ServerCodec, unsignedRoute: boolean, auth: ReturnType<typeof parseAuthorization>, seen: FaultRecord): Promise<Reply> {
  const { state, call, now, requestId } = ctx;
  const serviceName = ctx.service;
  try {
    if (!unsignedRoute) {
      if (!auth) throw authFault(model, new AuthError(call.headers.authorization ? 'malformed' : 'missing', 'Authorization header is malformed'), now);
      try {
        const key = await verifySigV4(state, call, auth, now);
        ctx.principal = key.principal;
        if (key.sessionToken !== undefined && state.faults.expires(seen, key.accessKeyId)) {
          key.expiresAt = now.getTime();
          throw new AuthError('expired-token', 'token expired (fault mode)');
        }
      } catch (err) {
        if (err instanceof AuthError) throw authFault(model, err, now);
        throw err;
      }
    }
    const injected = state.faults.take(seen);
    if (injected?.kind === 'hang') return { status: 0, headers: {}, transport: 'hang' };
    if (injected?.kind === 'error') throw injectedError(model, injected);
    if (serviceName === 's3api' && isStreamingPayload(call)) {
      call.body = decodeAwsChunked(call.body);
    }
    const id: Identified = codec.identify(model, call);
    ctx.operation = id.operation;
    const handlers = serviceHandlers[serviceName];
    const handler = handlers?.[id.operation];
    if (!handler) throw notImplemented(model, id.operation);
    const input = codec.decode(model, id, call);
    checkRequired(model, id.operation, input);
    if (ctx.principal.readOnly && !unsignedRoute && isWriteOperation(serviceName, id.operation)) throw denyWrite(model, ctx, input);
    const output = ((await handler(input, ctx)) ?? {}) as Record<string, unknown>;
    const reply = codec.encode(model, id.operation, output, requestId, call);
    if (injected?.kind === 'reset') reply.transport = 'reset';
    return reply;
  } catch (err) {
    if (err instanceof ServiceFault) return codec.encodeError(model, err, requestId, call);
    // Never a stack trace on the wire: an AWS-style InternalError, details only in our log.
    process.env.AWSDECK_SANDBOX_DEBUG && console.error(err);
    return codec.encodeError(model, fault(model.metadata.protocol === 'rest-xml' ? 'InternalError' : 'InternalFailure', 'We encountered an internal error. Please try again.', { status: 500, type: 'Receiver' }), requestId, call);
  }
}

function notImplemented(model: ServiceModel, operation: string): ServiceFault {
  const message = `The sandbox does not implement ${model.metadata.serviceId} ${operation}.`;
  switch (model.metadata.protocol) {
    case 'rest-xml': return fault('NotImplemented', message, { status: 501 });
    case 'query': case 'ec2': return fault('InvalidAction', message, { status: 400 });
    default: return fault('UnknownOperationException', message, { status: 400 });
  }
}
