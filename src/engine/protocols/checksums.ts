// Flexible checksums, as botocore applies them (httpchecksum.py): `--checksum-algorithm` on an
// operation with a `requestAlgorithmMember` sends `x-amz-checksum-<algorithm>` computed over the
// body, and `--checksum-mode ENABLED` on one with a `requestValidationModeMember` checks the
// response body against the first of crc32c, crc32, sha1, sha256 the response carries.
//
// botocore sends the checksum of a streaming upload (PutObject, UploadPart) over HTTPS as an
// aws-chunked trailer instead; awsdeck holds these bodies whole, so it always sends the header,
// which S3 checks the same way.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { OperationModel } from '../models/types.js';
import type { HttpResponse, SerializedRequest } from '../http/types.js';
import { FlexibleChecksumError } from '../http/errors.js';

export type ChecksumAlgorithm = 'crc32c' | 'crc32' | 'sha1' | 'sha256';

/** The order botocore tries a response's checksums in. */
const RESPONSE_PRIORITY: readonly ChecksumAlgorithm[] = ['crc32c', 'crc32', 'sha1', 'sha256'];

// CRC-32 is zlib's (as the event-stream reader uses it); Node has no CRC-32C, so that one is a
// table over the reflected Castagnoli polynomial.
let crc32cTable: Uint32Array | undefined;

function crc32c(bytes: Uint8Array): number {
  if (!crc32cTable) {
    crc32cTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
      crc32cTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crc32cTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function crcDigest(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

/** The checksum as S3 writes it: the big-endian digest in base64. */
export function checksumBase64(algorithm: ChecksumAlgorithm, body: Uint8Array | string): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const digest = algorithm === 'crc32' ? crcDigest(crc32(bytes)) : algorithm === 'crc32c' ? crcDigest(crc32c(bytes)) : createHash(algorithm).update(bytes).digest();
  return digest.toString('base64');
}

const isAlgorithm = (name: string): name is ChecksumAlgorithm => (RESPONSE_PRIORITY as readonly string[]).includes(name);

/** The checksum header for a chosen algorithm, unless the caller sent that header already. */
export function withRequestChecksum(op: OperationModel, params: Record<string, unknown>, request: SerializedRequest): SerializedRequest {
  const member = op.httpChecksum?.requestAlgorithmMember;
  if (typeof member !== 'string' || params[member] === undefined || params[member] === null) return request;
  const algorithm = String(params[member]).toLowerCase();
  if (!isAlgorithm(algorithm)) throw new FlexibleChecksumError(`Unsupported checksum algorithm: ${algorithm}`);
  const header = `x-amz-checksum-${algorithm}`;
  if (Object.keys(request.headers).some((name) => name.toLowerCase() === header)) return request;
  return { ...request, headers: { ...request.headers, [header]: checksumBase64(algorithm, request.body ?? '') } };
}

/** With the validation mode asked for, a body that does not match the response's checksum fails. */
export function checkResponseChecksum(op: OperationModel, params: Record<string, unknown>, response: HttpResponse): void {
  const modeMember = op.httpChecksum?.requestValidationModeMember;
  if (typeof modeMember !== 'string' || params[modeMember] === undefined || params[modeMember] === null) return;
  const offered = new Set(((op.httpChecksum?.responseAlgorithms ?? []) as string[]).map((a) => a.toLowerCase()));
  for (const algorithm of RESPONSE_PRIORITY) {
    const expected = offered.has(algorithm) ? response.headers[`x-amz-checksum-${algorithm}`] : undefined;
    // `…-3` is a checksum of the parts' checksums (a multipart object): not of these bytes.
    if (expected === undefined || expected.includes('-')) continue;
    const actual = checksumBase64(algorithm, response.body);
    if (!Buffer.from(actual, 'base64').equals(Buffer.from(expected, 'base64'))) {
      throw new FlexibleChecksumError(`Expected checksum ${expected} did not match calculated checksum: ${actual}`);
    }
    return;
  }
}
