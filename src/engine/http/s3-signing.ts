// When S3 requests carry the body's SHA-256 and when `UNSIGNED-PAYLOAD`, as botocore's S3 signer
// (S3SigV4Auth) decides in the CLI v2: a configured payload_signing_enabled wins; otherwise the
// payload is signed over plain http and whenever no checksum header (Content-MD5, x-amz-checksum-*)
// protects it; over https with a checksum, streaming uploads (PutObject, UploadPart) go unsigned.
import type { OperationModel, ServiceModel } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';

export interface S3EndpointOptions {
  accelerate: boolean;
  dualstack: boolean;
  payloadSigning?: boolean;
}

interface RequestForSigning {
  protocol: string;
  headers: Record<string, string>;
}

export function s3SignsPayload(model: ServiceModel, op: OperationModel, request: RequestForSigning, s3?: S3EndpointOptions): boolean {
  if (s3?.payloadSigning !== undefined) return s3.payloadSigning;
  const checksummed = Object.keys(request.headers).some((name) => /^(content-md5|x-amz-checksum-.+)$/i.test(name));
  if (request.protocol !== 'https:' || !checksummed) return true;
  if (hasStreamingInput(model, op)) return false;
  return op.authtype !== 'v4-unsigned-body';
}

function hasStreamingInput(model: ServiceModel, op: OperationModel): boolean {
  if (!op.input) return false;
  const input = resolveShape(model, op.input);
  const payload = typeof input.payload === 'string' ? input.members?.[input.payload] : undefined;
  return payload !== undefined && resolveShape(model, payload).streaming === true;
}
