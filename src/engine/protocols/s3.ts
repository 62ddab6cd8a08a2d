// S3's own request and response rules, kept apart from the generic rest-xml protocol:
// list operations ask for URL-encoded keys (so any byte survives XML) and decode them back,
// and GetBucketLocation's answer is the root element's text.
import { createHash } from 'node:crypto';
import type { OperationModel, ServiceModel } from '../models/types.js';
import type { HttpResponse, SerializedRequest } from '../http/types.js';
import type { ParseOptions } from './types.js';
import { unquotePlus } from './encoding.js';
import { parseXml } from './xml.js';

export const isS3 = (model: ServiceModel) => model.metadata.serviceId === 'S3';

/** Which fields each list operation URL-decodes: top-level names and [list, field] pairs. */
const URL_DECODED_FIELDS: Record<string, { top: string[]; nested: Array<[string, string]> }> = {
  ListObjects: { top: ['Delimiter', 'Marker', 'NextMarker'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectsV2: { top: ['Delimiter', 'Prefix', 'StartAfter'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectVersions: {
    top: ['KeyMarker', 'NextKeyMarker', 'Prefix', 'Delimiter'],
    nested: [['Versions', 'Key'], ['DeleteMarkers', 'Key'], ['CommonPrefixes', 'Prefix']],
  },
};

/** The operations whose SSE-C keys botocore (as in the CLI v2) encodes: prefix → operations. */
const SSE_C_KEY_OPERATIONS: Array<[string, string[]]> = [
  ['SSECustomer', ['HeadObject', 'GetObject', 'PutObject', 'CopyObject', 'CreateMultipartUpload', 'UploadPart', 'UploadPartCopy']],
  ['CopySourceSSECustomer', ['CopyObject', 'UploadPartCopy']],
];

/**
 * S3 wants an SSE-C key base64-encoded, with the base64 MD5 of its bytes beside it. As botocore,
 * only when the caller gave no MD5 of their own; text keys are their UTF-8 bytes.
 */
function withEncodedSseCKeys(opName: string, params: Record<string, unknown>): Record<string, unknown> {
  let out = params;
  for (const [prefix, operations] of SSE_C_KEY_OPERATIONS) {
    const key = params[`${prefix}Key`];
    if (!operations.includes(opName) || key === undefined || key === null || `${prefix}KeyMD5` in params) continue;
    const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key as Uint8Array);
    out = { ...out, [`${prefix}Key`]: bytes.toString('base64'), [`${prefix}KeyMD5`]: createHash('md5').update(bytes).digest('base64') };
  }
  return out;
}

/** Uploads botocore gives a Content-MD5 beside the operations whose model requires a checksum. */
const MD5_UPLOADS = new Set(['PutObject', 'UploadPart']);

/**
 * Content-MD5 as botocore adds it (conditionally_calculate_md5): on PutObject and UploadPart and
 * on operations that require a checksum, unless the caller chose a flexible checksum or sent one.
 */
export function withContentMd5(op: OperationModel, params: Record<string, unknown>, request: SerializedRequest): SerializedRequest {
  const required = op.httpChecksumRequired === true || (op.httpChecksum as { requestChecksumRequired?: boolean } | undefined)?.requestChecksumRequired === true;
  if (!(required || MD5_UPLOADS.has(op.name ?? '')) || params.ChecksumAlgorithm !== undefined) return request;
  if (Object.keys(request.headers).some((name) => /^(content-md5|x-amz-checksum-.+)$/i.test(name))) return request;
  const md5 = createHash('md5').update(request.body ?? '').digest('base64');
  return { ...request, headers: { ...request.headers, 'Content-MD5': md5 } };
}

/** ListObjects* send `encoding-type=url` unless the caller chose an EncodingType; SSE-C keys are encoded. */
export function customizeS3Request(op: OperationModel, params: Record<string, unknown>): Record<string, unknown> {
  if (!op.name) return params;
  if (op.name in URL_DECODED_FIELDS && params.EncodingType === undefined) return { ...params, EncodingType: 'url' };
  return withEncodedSseCKeys(op.name, params);
}

/**
 * Undo the automatic URL encoding. Only when we asked for it: a caller who set EncodingType gets
 * the raw values (pass the request params in `opts.requestParams` so this can tell).
 */
export function customizeS3Response(op: OperationModel, res: HttpResponse, parsed: Record<string, unknown>, opts?: ParseOptions): Record<string, unknown> {
  if (op.name === 'GetBucketLocation') return withBucketLocation(res, parsed);
  const fields = op.name ? URL_DECODED_FIELDS[op.name] : undefined;
  const autoSet = opts?.requestParams?.EncodingType === undefined;
  if (!fields || !autoSet || parsed.EncodingType !== 'url') return parsed;
  for (const key of fields.top) if (typeof parsed[key] === 'string') parsed[key] = unquotePlus(parsed[key] as string);
  for (const [list, key] of fields.nested) {
    for (const item of (parsed[list] as Array<Record<string, unknown>> | undefined) ?? []) {
      if (typeof item[key] === 'string') item[key] = unquotePlus(item[key] as string);
    }
  }
  return parsed;
}

/** `<LocationConstraint>eu-west-1</LocationConstraint>`; an empty element (us-east-1) is null. */
function withBucketLocation(res: HttpResponse, parsed: Record<string, unknown>): Record<string, unknown> {
  if (res.body.length === 0) return parsed;
  const root = parseXml(res.body);
  return { ...parsed, LocationConstraint: root.text === '' ? null : root.text };
}
