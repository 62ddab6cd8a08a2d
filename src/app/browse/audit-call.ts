// Writes a mutating call to the audit log, whatever its outcome: row actions record their one call;
// S3 tasks wrap their client so each object's write or delete is recorded as it is sent.
import type { S3Caller } from '../../engine/s3transfer/index.js';
import type { Dashboard } from '../dashboard-model.js';
import type { ServiceCaller } from '../engine-port.js';

export interface AuditTarget {
  profile: string;
  region: string;
  /** `ec2:StopInstances`. */
  operation: string;
  resources: string[];
}

const requestIdOf = (response: Record<string, unknown>) => {
  const id = (response.ResponseMetadata as Record<string, unknown> | undefined)?.RequestId;
  return typeof id === 'string' && id ? id : undefined;
};

export function recordCall(dashboard: Dashboard, target: AuditTarget, result: { response: Record<string, unknown> } | { error: unknown }): void {
  const base = {
    time: new Date().toISOString(), profile: target.profile, account: dashboard.profiles.get().identities[target.profile]?.identity?.account,
    region: target.region, operation: target.operation, resources: target.resources,
  };
  if ('response' in result) {
    dashboard.engine.recordAudit({ ...base, requestId: requestIdOf(result.response), outcome: 'ok' });
    return;
  }
  const e = result.error as { code?: string; message?: string; requestId?: string };
  const error = [e.code, e.message].filter(Boolean).join(': ');
  dashboard.engine.recordAudit({ ...base, requestId: e.requestId, outcome: 'error', ...(error ? { error } : {}) });
}

/**
 * The S3 calls that change something. A multipart upload's parts (UploadPart) are left out: the
 * upload is recorded by its CreateMultipartUpload and CompleteMultipartUpload (or Abort).
 */
const S3_WRITES = new Set(['PutObject', 'CreateMultipartUpload', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'DeleteObject', 'DeleteObjects', 'CreateBucket', 'CopyObject']);

/** An S3 client whose writes are each written to the audit log (`bucket/key` as the resource). */
export function auditedS3Caller(dashboard: Dashboard, profile: string, region: string, caller: ServiceCaller): S3Caller {
  return {
    async call(operation, params = {}, options) {
      if (!S3_WRITES.has(operation)) return caller.call(operation, params, options);
      const resource = params.Key === undefined ? String(params.Bucket) : `${String(params.Bucket)}/${String(params.Key)}`;
      const target = { profile, region, operation: `s3:${operation}`, resources: [resource] };
      try {
        const response = await caller.call(operation, params, options);
        recordCall(dashboard, target, { response });
        return response;
      } catch (error) {
        recordCall(dashboard, target, { error });
        throw error;
      }
    },
  };
}
