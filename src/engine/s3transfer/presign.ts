// Presigned GetObject URLs (SigV4 in the query string), laid out as botocore lays them out:
// the X-Amz-* parameters in its order and the signature last.
import { createHash, createHmac } from 'node:crypto';
import type { Credentials } from '../http/types.js';
import { encodeS3Key, resolveAccelerateAddressing, resolveS3Addressing, type AddressingStyle } from '../protocols/s3-addressing.js';
import { partitionOf } from '../http/endpoints.js';
import { percentEncode } from '../protocols/encoding.js';

export interface PresignInput {
  bucket: string;
  key: string;
  endpoint: URL;
  /** True for a user-given endpoint (path style unless `virtual` is asked for). */
  customEndpoint: boolean;
  addressingStyle: AddressingStyle;
  region: string;
  credentials: Credentials;
  expiresIn: number;
  now?: Date;
  /** use_accelerate_endpoint (and whether dual-stack): `bucket.s3-accelerate.amazonaws.com`. */
  accelerate?: { dualstack: boolean };
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function presignGetObject(input: PresignInput): string {
  const now = input.now ?? new Date();
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const fullPath = `/${percentEncode(input.bucket)}${input.key ? `/${encodeS3Key(input.key)}` : '/'}`;
  const placed = input.accelerate ? resolveAccelerateAddressing({
    path: fullPath, bucket: input.bucket, operation: 'GetObject', customEndpoint: input.customEndpoint,
    partitionId: partitionOf(input.region).id, dualstack: input.accelerate.dualstack,
  }) : resolveS3Addressing({
    path: fullPath,
    bucket: input.bucket,
    hostname: input.endpoint.hostname,
    customEndpoint: input.customEndpoint,
    style: input.addressingStyle,
    secure: input.endpoint.protocol === 'https:',
  });
  const basePath = input.endpoint.pathname.replace(/\/+$/, '');
  const path = `${basePath}${placed.path}`;
  const host = input.endpoint.port ? `${placed.hostname}:${input.endpoint.port}` : placed.hostname;
  const params: Array<[string, string]> = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${input.credentials.accessKeyId}/${scope}`],
    ['X-Amz-Date', date],
    ['X-Amz-Expires', String(input.expiresIn)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (input.credentials.sessionToken) params.push(['X-Amz-Security-Token', input.credentials.sessionToken]);
  const encoded = params.map(([k, v]) => `${percentEncode(k, '-_.~')}=${percentEncode(v, '-_.~')}`);
  const canonicalQuery = [...encoded].sort().join('&');
  const canonicalRequest = ['GET', path, canonicalQuery, `host:${host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  let key = hmac(`AWS4${input.credentials.secretAccessKey}`, day);
  for (const part of [input.region, 's3', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return `${input.endpoint.protocol}//${host}${path}?${encoded.join('&')}&X-Amz-Signature=${signature}`;
}
