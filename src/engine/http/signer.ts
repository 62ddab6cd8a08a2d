// SigV4 signing through @smithy/signature-v4, with a node:crypto hash (native, much faster than
// a pure-JS SHA-256 for large bodies). S3 differs: its path is signed as sent and it always
// sends X-Amz-Content-SHA256.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Credentials } from './types.js';

/** A @smithy/types HashConstructor backed by node:crypto (HMAC when given a secret). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    throw new Error('reset is not supported');
  }
}

export interface SignableRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface SigningParams {
  service: string;
  region: string;
  credentials: Credentials;
  /** S3 semantics: no path normalisation or double-encoding, and a payload-hash header. */
  s3: boolean;
  date?: Date;
}

/** botocore adds these just before sending, after signing, so they are never signed. */
const ADDED_AFTER_SIGNING = new Set(['amz-sdk-invocation-id', 'amz-sdk-request']);

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function signRequest(request: SignableRequest, params: SigningParams): Promise<SignableRequest> {
  const signer = new SignatureV4({
    service: params.service,
    region: params.region,
    credentials: {
      accessKeyId: params.credentials.accessKeyId,
      secretAccessKey: params.credentials.secretAccessKey,
      sessionToken: params.credentials.sessionToken,
    },
    sha256: NodeSha256 as never,
    uriEscapePath: !params.s3,
    applyChecksum: params.s3,
  });
  const headers = { ...request.headers, host: hostHeader(request) };
  const signed = await signer.sign({ ...request, headers } as never, { signingDate: params.date ?? new Date(), unsignableHeaders: ADDED_AFTER_SIGNING });
  return signed as unknown as SignableRequest;
}

/** The Host header as AWS expects it: the port only when it is not the scheme's default. */
export function hostHeader(request: Pick<SignableRequest, 'protocol' | 'hostname' | 'port'>): string {
  const defaultPort = request.protocol === 'https:' ? 443 : 80;
  const host = request.hostname.includes(':') ? `[${request.hostname}]` : request.hostname;
  return request.port && request.port !== defaultPort ? `${host}:${request.port}` : host;
}
