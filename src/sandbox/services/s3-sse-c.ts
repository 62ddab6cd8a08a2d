// SSE-C as S3 enforces it: a customer key must be a base64 256-bit key with the base64 MD5 of its
// bytes, an object stored with one is read only with the same key, and parts of a multipart
// upload repeat the key the upload was started with. Only the key's MD5 is kept, never the key.
import { createHash } from 'node:crypto';
import { fault } from '../fault.js';

export interface SseC {
  algorithm: string;
  keyMd5: string;
}

const invalid = (message: string, argument: string) => fault('InvalidArgument', message, { extra: { ArgumentName: argument } });

/** The SSE-C parameters of a request (`SSECustomer…` or `CopySourceSSECustomer…`), checked. */
export function requestSseC(input: Record<string, any>, prefix: 'SSECustomer' | 'CopySourceSSECustomer' = 'SSECustomer'): SseC | undefined {
  const algorithm = input[`${prefix}Algorithm`];
  const key = input[`${prefix}Key`];
  const md5 = input[`${prefix}KeyMD5`];
  if (algorithm === undefined && key === undefined && md5 === undefined) return undefined;
  const header = prefix === 'SSECustomer' ? 'x-amz-server-side-encryption' : 'x-amz-copy-source-server-side-encryption';
  if (algorithm !== 'AES256') {
    throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.', `${header}-customer-algorithm`);
  }
  if (!key) throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.', `${header}-customer-key`);
  if (!md5) throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.', `${header}-customer-key-MD5`);
  const bytes = Buffer.from(String(key), 'base64');
  if (bytes.length !== 32) throw invalid('The secret key was invalid for the specified algorithm.', `${header}-customer-key`);
  if (createHash('md5').update(bytes).digest('base64') !== md5) {
    throw invalid('The calculated MD5 hash of the key did not match the hash that was provided.', `${header}-customer-key`);
  }
  return { algorithm, keyMd5: String(md5) };
}

/** A read of a stored object (GET, HEAD, a copy's source) must bring the key it was written with. */
export function checkReadKey(stored: SseC | undefined, given: SseC | undefined): void {
  if (stored && !given) {
    throw fault('InvalidRequest', 'The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.');
  }
  if (!stored && given) throw fault('InvalidRequest', 'The encryption parameters are not applicable to this object.');
  if (stored && given && stored.keyMd5 !== given.keyMd5) throw fault('AccessDenied', 'Access Denied', { status: 403 });
}

/** Each part of an upload started with a key repeats that key. */
export function checkPartKey(upload: SseC | undefined, given: SseC | undefined): void {
  if (upload && !given) {
    throw fault('InvalidRequest', 'The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.');
  }
  if (!upload && given) {
    throw fault('InvalidRequest', 'The multipart upload initiate did not request encryption. Subsequent part requests must not include encryption parameters.');
  }
  if (upload && given && upload.keyMd5 !== given.keyMd5) {
    throw fault('InvalidArgument', 'The provided encryption parameters did not match the ones used originally.');
  }
}

/** What S3 echoes back about the key on writes and reads. */
export function sseCHeaders(sseC: SseC | undefined): { SSECustomerAlgorithm?: string; SSECustomerKeyMD5?: string } {
  return sseC ? { SSECustomerAlgorithm: sseC.algorithm, SSECustomerKeyMD5: sseC.keyMd5 } : {};
}
