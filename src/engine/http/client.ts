// The request pipeline, as named steps: endpoint → serialize → sign → send → retry → parse.
// One client per (service, region, credentials); the CLI, the dashboard and the SSO/credential
// code all call AWS through it.
import { randomUUID } from 'node:crypto';
import { loadService } from '../models/loader.js';
import type { OperationModel, ServiceModel } from '../models/types.js';
import { protocolFor } from '../protocols/index.js';
import { resolveShape } from '../models/shapes.js';
import { eventStreamMember } from '../eventstream/events.js';
import { resolveAccelerateAddressing, resolveS3Addressing, type AddressingStyle } from '../protocols/s3-addressing.js';
import { withContentMd5 } from '../protocols/s3.js';
import { checkResponseChecksum, withRequestChecksum } from '../protocols/checksums.js';
import { s3SignsPayload, type S3EndpointOptions } from './s3-signing.js';
import type { ParseOptions } from '../protocols/types.js';
import { partitionOf, resolveEndpoint, type ResolvedEndpoint } from './endpoints.js';
import { ConfigurationError, ParamValidationError, ServiceError, TransportError } from './errors.js';
import { PageIterator, buildFullResult, type PagingOptions } from './paginate.js';
import { AdaptiveRateLimiter, RetryQuota, backoffMs, classifyFailure, type RetryMode } from './retry.js';
import { signRequest, hostHeader, type SignableRequest } from './signer.js';
import { send, type TransportOptions } from './transport.js';
import { networkFromEnv, type NetworkSettings } from './proxy.js';
import { redactHeaders, redactBody, redactValues } from './redact.js';
import type { CallOptions, Credentials, HttpResponse, ResponseMetadata, SerializedRequest } from './types.js';
import { decodeIamPolicyDocuments } from './iam-policy-documents.js';
import { clockOffsetMs, isSkewError, learnServerClock } from './clock-skew.js';

/** A provider that can be told its credentials were refused as expired (the credential chain's providers). */
export interface RefreshableCredentialSource {
  get(): Promise<Credentials>;
  invalidate(rejected?: Credentials): void;
}

export type CredentialSource = Credentials | (() => Promise<Credentials>) | RefreshableCredentialSource;

/** What AWS answers a request signed with expired temporary credentials. */
const EXPIRED_TOKEN_CODES = new Set(['ExpiredToken', 'ExpiredTokenException']);

export interface ClientOptions {
  /** The CLI's service name (`ec2`, `s3api`, `sts`, …). */
  service: string;
  region?: string;
  credentials?: CredentialSource;
  /** Send requests unsigned (`--no-sign-request`, or SSO/OIDC operations). */
  unsigned?: boolean;
  endpointUrl?: string;
  s3AddressingStyle?: AddressingStyle;
  /** The `s3` section's use_accelerate_endpoint, use_dualstack_endpoint and payload_signing_enabled. */
  s3Endpoint?: S3EndpointOptions;
  maxAttempts?: number;
  retryMode?: RetryMode;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  verifySsl?: boolean;
  caBundle?: string;
  /** Proxies and proxy settings (ResolvedSettings.network); by default this process's environment's proxies. */
  network?: NetworkSettings;
  timestampFormat?: ParseOptions['timestampFormat'];
  /** Receives pipeline trace lines for `--debug`; secrets are redacted before they get here. */
  debug?: (line: string) => void;
  userAgent?: string;
  /** Override the clock used for signing (tests of skew handling). */
  now?: () => Date;
  /** S3 bucket → region learned from redirects, shared by the regional clients a redirect creates. */
  bucketRegions?: Map<string, string>;
}

export type OperationResult = Record<string, unknown> & { ResponseMetadata?: ResponseMetadata };

export interface AwsClient {
  readonly model: ServiceModel;
  readonly region: string;
  readonly endpoint: ResolvedEndpoint;
  operation(name: string): OperationModel;
  call(operation: string, params?: Record<string, unknown>, options?: CallOptions): Promise<OperationResult>;
  paginator(operation: string, params: Record<string, unknown>, paging?: PagingOptions): PageIterator | undefined;
  /** All pages merged as the CLI merges them (build_full_result), or a single call if not paginated. */
  callAll(operation: string, params?: Record<string, unknown>, paging?: PagingOptions): Promise<OperationResult>;
}

const USER_AGENT = 'awsdeck/0.1.0';

export function createClient(opts: ClientOptions): AwsClient {
  const model = loadService(opts.service);
  const region = opts.region ?? '';
  const regionless = !region && !opts.endpointUrl;
  if (regionless && !isRegionOptional(model)) throw new ConfigurationError('You must specify a region. You can also configure your region by running "aws configure".', 'NoRegion');
  const endpoint = resolveEndpoint(model, region || 'us-east-1', opts.endpointUrl);
  const protocol = protocolFor(model);
  const quota = new RetryQuota();
  const limiter = opts.retryMode === 'adaptive' ? new AdaptiveRateLimiter() : undefined;
  const maxAttempts = opts.maxAttempts ?? 3;
  const transport: TransportOptions = {
    connectTimeoutMs: opts.connectTimeoutMs ?? 60_000,
    readTimeoutMs: opts.readTimeoutMs ?? 60_000,
    verifySsl: opts.verifySsl ?? true,
    caBundle: opts.caBundle,
    network: opts.network ?? networkFromEnv(process.env),
    trace: opts.debug,
  };
  const trace = opts.debug ?? (() => {});

  function operation(name: string): OperationModel {
    const op = model.operations[name];
    if (!op) throw new ParamValidationError(`${model.name} has no operation ${name}`);
    return op;
  }

  async function credentialsFor(op: OperationModel): Promise<Credentials | undefined> {
    if (opts.unsigned || isUnsignedOperation(op)) return undefined;
    const source = opts.credentials;
    if (!source) throw new ConfigurationError('Unable to locate credentials. You can configure credentials by running "aws configure".', 'NoCredentials');
    if (typeof source === 'function') return source();
    return 'get' in source ? source.get() : source;
  }

  /**
   * After an ExpiredToken: tell a refreshable provider, and true if it now gives other keys (the
   * request is then sent again with them). Static keys, or a refresh that gives the same keys,
   * leave the error as the service gave it.
   */
  async function refreshedAfterExpiry(used: Credentials): Promise<boolean> {
    const source = opts.credentials;
    if (!source || typeof source === 'function' || !('get' in source)) return false;
    source.invalidate(used);
    const fresh = await source.get();
    return fresh.accessKeyId !== used.accessKeyId;
  }

  /** Step: serialize params and place the request on the endpoint (host prefix, S3 addressing). */
  function buildRequest(op: OperationModel, params: Record<string, unknown>): SignableRequest {
    const plain: SerializedRequest = protocol.serialize(model, op, params);
    // A pipeline step in botocore too (a before-call handler), not part of serializing.
    const checksummed = withRequestChecksum(op, params, plain);
    const serialized = model.name === 's3api' ? withContentMd5(op, params, checksummed) : checksummed;
    const url = endpoint.url;
    let hostname = url.hostname;
    let path = joinPaths(url.pathname, serialized.path);
    const s3 = model.name === 's3api' ? opts.s3Endpoint : undefined;
    // Dual-stack means nothing next to an endpoint the user gave (botocore turns it off there).
    if (s3?.dualstack && !endpoint.custom) hostname = hostname.replace(/^s3\./, 's3.dualstack.');
    if (s3?.accelerate && typeof params.Bucket === 'string') {
      const placed = resolveAccelerateAddressing({
        path: serialized.path, bucket: params.Bucket, operation: op.name ?? '', customEndpoint: endpoint.custom,
        partitionId: partitionOf(region || 'us-east-1').id, dualstack: s3.dualstack,
      });
      hostname = placed.hostname;
      path = placed.path;
    } else if (model.metadata.protocol === 'rest-xml' && model.name === 's3api' && typeof params.Bucket === 'string') {
      const placed = resolveS3Addressing({
        path: serialized.path,
        bucket: params.Bucket,
        hostname,
        customEndpoint: endpoint.custom,
        style: opts.s3AddressingStyle ?? 'auto',
        secure: url.protocol === 'https:',
      });
      hostname = placed.hostname;
      path = joinPaths(url.pathname, placed.path);
    }
    if (serialized.hostPrefix && !endpoint.custom) hostname = serialized.hostPrefix + hostname;
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of serialized.query) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? USER_AGENT };
    for (const [k, v] of Object.entries(serialized.headers)) headers[k.toLowerCase()] = v;
    // As botocore: an empty body is no body, and only methods that carry one say Content-Length: 0.
    const body = serialized.body !== undefined && Buffer.byteLength(serialized.body) > 0 ? serialized.body : undefined;
    if (headers['content-length'] === undefined) {
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      else if (!['GET', 'HEAD', 'OPTIONS'].includes(serialized.method)) headers['content-length'] = '0';
    }
    return {
      method: serialized.method,
      protocol: url.protocol,
      hostname,
      port: url.port ? Number(url.port) : undefined,
      path,
      query,
      headers,
      body,
    };
  }

  /** Step: one attempt on the wire (sign with the given credentials and date, send, read). */
  async function attempt(
    op: OperationModel, request: SignableRequest, attemptNo: number, invocationId: string, creds: Credentials | undefined, date: Date,
    options: CallOptions, onSent?: (bytes: number) => void,
  ): Promise<HttpResponse> {
    const headers = { ...request.headers, 'amz-sdk-invocation-id': invocationId, 'amz-sdk-request': attemptNo === 1 ? 'attempt=1' : `attempt=${attemptNo}; max=${maxAttempts}` };
    let toSend: SignableRequest = { ...request, headers };
    if (creds) {
      // S3 sends UNSIGNED-PAYLOAD in place of the body's SHA-256 where botocore would.
      if (model.name === 's3api' && !s3SignsPayload(model, op, toSend, opts.s3Endpoint)) toSend.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      toSend = await signRequest(toSend, {
        service: endpoint.signingName,
        region: endpoint.signingRegion,
        credentials: creds,
        s3: model.name === 's3api',
        date,
      });
    }
    const url = new URL(`${toSend.protocol}//${hostHeader(toSend)}${toSend.path}`);
    url.search = encodeQuery(toSend.query);
    const secrets = [creds?.secretAccessKey, creds?.sessionToken];
    if (opts.debug) {
      trace(redactValues(`send ${toSend.method} ${url.href} attempt=${attemptNo}`, secrets));
      trace(`request headers ${redactValues(JSON.stringify(redactHeaders(toSend.headers)), secrets)}`);
      if (toSend.body !== undefined) trace(`request body ${redactValues(redactBody(toSend.body), secrets)}`);
    }
    await limiter?.acquire();
    const started = Date.now();
    const res = await send({
      method: toSend.method, url, headers: toSend.headers, body: toSend.body, rawPath: model.name === 's3api' ? `${toSend.path}${url.search}` : undefined,
      streamBody: options.streamResponse || hasEventStreamOutput(model, op), bodySource: options.payload?.open, onBodySent: onSent,
    }, transport);
    // Trace strings are built only under --debug: redacting a large body is not free.
    if (opts.debug) {
      trace(`response ${res.statusCode} in ${Date.now() - started} ms, ${res.body.length} bytes`);
      trace(`response headers ${redactValues(JSON.stringify(redactHeaders(res.headers)), secrets)}`);
      if (res.body.length) trace(`response body ${redactValues(redactBody(res.body), secrets)}`);
    }
    return res;
  }

  const bucketRegions = opts.bucketRegions ?? new Map<string, string>();
  const regionalClients = new Map<string, AwsClient>();
  const regionalClient = (other: string): AwsClient => {
    let client = regionalClients.get(other);
    if (!client) regionalClients.set(other, (client = createClient({ ...opts, region: other, bucketRegions })));
    return client;
  };

  /** S3 answers a bucket in another region with a redirect: retry once there, and remember it. */
  async function call(opName: string, params: Record<string, unknown> = {}, options: CallOptions = {}): Promise<OperationResult> {
    const bucket = model.name === 's3api' && typeof params.Bucket === 'string' && !params.Bucket.startsWith('arn:') ? params.Bucket : undefined;
    const known = bucket !== undefined ? bucketRegions.get(bucket) : undefined;
    if (known && known !== region) return regionalClient(known).call(opName, params, options);
    try {
      return await callOnce(opName, params, options);
    } catch (err) {
      const target = bucket !== undefined && err instanceof ServiceError ? s3RedirectRegion(err, opName) : undefined;
      if (!target || target === region || known === region) throw err;
      bucketRegions.set(bucket!, target);
      trace(`S3 bucket ${bucket} is in ${target}: redirecting ${opName}`);
      return regionalClient(target).call(opName, params, options);
    }
  }

  async function callOnce(opName: string, params: Record<string, unknown>, options: CallOptions): Promise<OperationResult> {
    const op = operation(opName);
    trace(`call ${model.name}.${opName} region=${region || '(none)'} endpoint=${endpoint.url.origin}`);
    const request = buildRequest(op, params);
    if (options.payload) {
      // The signer takes a preset payload hash as given, so the bytes need not be in memory.
      request.headers['content-length'] = String(options.payload.length);
      request.headers['x-amz-content-sha256'] = options.payload.sha256;
      // A Content-MD5 added while serializing hashed the empty Body parameter: the payload's own replaces it.
      const md5Header = Object.keys(request.headers).find((name) => name.toLowerCase() === 'content-md5');
      if (md5Header && options.payload.md5) request.headers[md5Header] = options.payload.md5;
      else if (md5Header) delete request.headers[md5Header];
      request.body = undefined;
    }
    const invocationId = randomUUID();
    // A send again with refreshed credentials is not a retry of a failure: it does not count.
    let refreshedCredentials = false;
    for (let attemptNo = 1, sends = 1; ; attemptNo++, sends++) {
      let failure: unknown;
      let res: HttpResponse | undefined;
      const creds = await credentialsFor(op);
      const offset = clockOffsetMs(clockKey);
      let sent = 0;
      const onSent = options.onBodySent && ((bytes: number) => { sent += bytes; options.onBodySent!(bytes); });
      try {
        res = await attempt(op, request, sends, invocationId, creds, new Date((opts.now?.() ?? new Date()).getTime() + offset), options, onSent);
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        failure = err;
      }
      if (res) learnServerClock(clockKey, res.headers, Date.now());
      if (res && res.statusCode < 300) {
        limiter?.update(false);
        quota.release(attemptNo > 1 ? retryCost : undefined);
        const parsed = parseSuccess(op, res, sends - 1, params);
        if (res.bodyStream && options.streamResponse) {
          const payload = op.output ? resolveShape(model, op.output).payload : undefined;
          if (typeof payload === 'string') parsed[payload] = res.bodyStream;
        }
        return parsed;
      }
      if (res) failure = parseFailure(op, res);
      if (failure instanceof ServiceError && creds && EXPIRED_TOKEN_CODES.has(failure.code) && !refreshedCredentials) {
        refreshedCredentials = true;
        if (await refreshedAfterExpiry(creds)) {
          trace(`credentials ${creds.accessKeyId.slice(0, 4)}… expired: sending again with refreshed credentials`);
          if (sent) options.onBodySent!(-sent);
          attemptNo--;
          continue;
        }
      }
      if (failure instanceof ServiceError && isSkewError(failure) && res) {
        learnServerClock(clockKey, {}, Date.now(), typeof failure.info.ServerTime === 'string' ? failure.info.ServerTime : undefined);
      }
      // Refused for its date, and the server's clock is now known to differ: corrected, so retried.
      const skewCorrected = failure instanceof ServiceError && isSkewError(failure) && clockOffsetMs(clockKey) !== offset;
      const kind = skewCorrected ? 'transient' : classifyFailure(failure, model.name);
      limiter?.update(kind === 'throttling');
      const cost = kind !== 'none' && attemptNo < maxAttempts ? quota.acquire(kind) : undefined;
      if (kind === 'none' || attemptNo >= maxAttempts || cost === undefined) {
        if (failure instanceof ServiceError && kind !== 'none') {
          failure.retries = attemptNo - 1;
          failure.maxRetriesReached = attemptNo > 1;
        }
        throw failure;
      }
      retryCost = cost;
      // What this attempt sent is sent again by the next one: progress goes back.
      if (sent) options.onBodySent!(-sent);
      const wait = skewCorrected ? 0 : backoffMs(attemptNo);
      trace(skewCorrected
        ? `retry ${attemptNo}/${maxAttempts - 1} now: the server's clock differs from ours by ${Math.round(clockOffsetMs(clockKey) / 1000)} s, signing with its time`
        : `retry ${attemptNo}/${maxAttempts - 1} after ${Math.round(wait)} ms (${kind})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  const clockKey = endpoint.url.host;
  let retryCost: number | undefined;

  function parseSuccess(op: OperationModel, res: HttpResponse, retries: number, params: Record<string, unknown>): OperationResult {
    checkResponseChecksum(op, params, res);
    const parsed = protocol.parse(model, op, res, { timestampFormat: opts.timestampFormat ?? 'iso8601', requestParams: params }) as OperationResult;
    decodeIamPolicyDocuments(model, op, parsed);
    parsed.ResponseMetadata = {
      RequestId: res.headers['x-amzn-requestid'] ?? res.headers['x-amz-request-id'] ?? (parsed.ResponseMetadata as ResponseMetadata | undefined)?.RequestId,
      HTTPStatusCode: res.statusCode,
      HTTPHeaders: res.headers,
      RetryAttempts: retries,
    };
    return parsed;
  }

  function parseFailure(op: OperationModel, res: HttpResponse): ServiceError {
    const { error, requestId } = protocol.parseError(model, op, res);
    const err = new ServiceError(op.name ?? '', res.statusCode, error, requestId ?? res.headers['x-amzn-requestid'] ?? res.headers['x-amz-request-id']);
    err.headers = res.headers;
    return err;
  }

  function paginator(opName: string, params: Record<string, unknown>, paging: PagingOptions = {}): PageIterator | undefined {
    const config = model.paginators[opName];
    if (!config) return undefined;
    return new PageIterator(config, (p) => call(opName, p), params, paging);
  }

  async function callAll(opName: string, params: Record<string, unknown> = {}, paging: PagingOptions = {}): Promise<OperationResult> {
    const pages = paginator(opName, params, paging);
    return pages ? buildFullResult(pages) : call(opName, params);
  }

  return { model, region, endpoint, operation, call, paginator, callAll };
}

const eventStreamOutputs = new WeakMap<OperationModel, boolean>();

function hasEventStreamOutput(model: ServiceModel, op: OperationModel): boolean {
  let found = eventStreamOutputs.get(op);
  if (found === undefined) {
    found = op.output !== undefined && eventStreamMember(model, resolveShape(model, op.output)) !== undefined;
    eventStreamOutputs.set(op, found);
  }
  return found;
}

/**
 * The region an S3 error redirects to, as botocore's S3RegionRedirector decides: a
 * PermanentRedirect, a 301/302/307, an AuthorizationHeaderMalformed naming a region, or a
 * HeadObject/HeadBucket 301/400; the region from x-amz-bucket-region, else the error's Region.
 */
export function s3RedirectRegion(err: ServiceError, operation: string): string | undefined {
  const fromError = typeof err.info.Region === 'string' ? err.info.Region : undefined;
  const redirect = err.code === 'PermanentRedirect'
    || [301, 302, 307].includes(err.statusCode)
    || (err.code === 'AuthorizationHeaderMalformed' && fromError !== undefined)
    || ((operation === 'HeadObject' || operation === 'HeadBucket') && ['301', '400'].includes(err.code))
    || (err.code === 'IllegalLocationConstraintException' && operation !== 'CreateBucket');
  if (!redirect) return undefined;
  return err.headers?.['x-amz-bucket-region'] ?? fromError;
}

/** Operations AWS serves without SigV4 (SSO portal, SSO-OIDC, AssumeRoleWithWebIdentity, …). */
export function isUnsignedOperation(op: OperationModel): boolean {
  if (op.authtype === 'none') return true;
  return Array.isArray(op.auth) && op.auth.length > 0 && op.auth.every((a) => a === 'smithy.api#noAuth');
}

function isRegionOptional(model: ServiceModel): boolean {
  return model.metadata.globalEndpoint !== undefined;
}

/** botocore's _urljoin: an endpoint URL's path is kept as given, and an operation path of `/` adds nothing to it. */
function joinPaths(base: string, path: string): string {
  if (!path || path === '/') return base || '/';
  if (base.endsWith('/') && path.startsWith('/')) return base.slice(0, -1) + path;
  return base + path;
}

/** RFC 3986 query encoding (what SigV4 canonicalises), keeping the serializer's order. */
function encodeQuery(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const value of Array.isArray(v) ? v : [v]) parts.push(`${rfc3986(k)}=${rfc3986(value)}`);
  }
  return parts.join('&');
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
