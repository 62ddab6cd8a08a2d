// Read-only sessions: which operations count as writes, and the AccessDenied / EC2
// UnauthorizedOperation reply with an encoded message that STS DecodeAuthorizationMessage explains.
import { randomToken } from './wire.js';
import type { ServiceModel } from '../engine/models/types.js';
import type { CallContext, Principal } from './types.js';
import { fault, type ServiceFault } from './fault.js';

const READ_PREFIXES = /^(Describe|List|Get|Head|Lookup|Search|Filter|Decode|Select|Test|Validate|Estimate|Check|Preview|Simulate)/;

// Identity calls a read-only session must still be able to make.
const ALWAYS_ALLOWED: Record<string, boolean> = { sts: true, sso: true, 'sso-oidc': true };

export function isWriteOperation(service: string, operation: string): boolean {
  if (ALWAYS_ALLOWED[service]) return false;
  return !READ_PREFIXES.test(operation);
}

/** IAM action prefix for a service (`s3api` calls are `s3:` actions). */
export function actionPrefix(model: ServiceModel): string {
  return model.metadata.signingName ?? model.metadata.endpointPrefix;
}

function resourceFor(ctx: CallContext, input: Record<string, unknown>): string {
  const { principal, region } = ctx;
  if (ctx.service === 'ec2') {
    const ids = input.InstanceIds as string[] | undefined;
    return ids?.length ? `arn:aws:ec2:${region}:${principal.accountId}:instance/${ids[0]}` : '*';
  }
  if (ctx.service === 's3api') {
    const bucket = input.Bucket as string | undefined;
    const key = input.Key as string | undefined;
    return bucket ? `arn:aws:s3:::${bucket}${key ? `/${key}` : ''}` : '*';
  }
  return '*';
}

function s3ActionName(operation: string): string {
  // S3's IAM actions differ from some operation names; these are the ones the sandbox serves.
  const map: Record<string, string> = { DeleteObjects: 'DeleteObject', CreateMultipartUpload: 'PutObject', UploadPart: 'PutObject', UploadPartCopy: 'PutObject', CompleteMultipartUpload: 'PutObject', HeadObject: 'GetObject' };
  return map[operation] ?? operation;
}

export function denyWrite(model: ServiceModel, ctx: CallContext, input: Record<string, unknown>): ServiceFault {
  const prefix = actionPrefix(model);
  const action = `${prefix}:${ctx.service === 's3api' ? s3ActionName(ctx.operation) : ctx.operation}`;
  const resource = resourceFor(ctx, input);
  const encoded = encodeAuthorizationFailure(ctx, ctx.principal, action, resource);
  if (ctx.service === 'ec2') {
    return fault('UnauthorizedOperation', `You are not authorized to perform this operation. User: ${ctx.principal.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action. Encoded authorization failure message: ${encoded}`, { status: 403 });
  }
  return fault('AccessDenied', `User: ${ctx.principal.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action. Encoded authorization failure message: ${encoded}`, { status: 403 });
}

/** Records the explanation and returns the opaque string AWS would put in the message. */
export function encodeAuthorizationFailure(ctx: CallContext, principal: Principal, action: string, resource: string): string {
  const decoded = {
    allowed: false,
    explicitDeny: false,
    matchedStatements: { items: [] },
    failures: { items: [] },
    context: {
      principal: { id: principal.userId, arn: principal.arn },
      action,
      resource,
      conditions: {
        items: [
          { key: 'aws:Region', values: { items: [{ value: ctx.region }] } },
          { key: 'aws:username', values: { items: [{ value: principal.sessionName ?? principal.userName ?? '' }] } },
          { key: 'aws:MultiFactorAuthPresent', values: { items: [{ value: String(principal.mfaAuthenticated) }] } },
        ],
      },
    },
  };
  const encoded = randomToken(180);
  ctx.state.authMessages.set(encoded, JSON.stringify(decoded));
  return encoded;
}
