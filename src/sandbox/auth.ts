// SigV4 verification: a request is accepted when re-signing it with the sandbox's secret for its
// access key (same canonicalisation as AWS, via @smithy/signature-v4) gives the same signature.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ServiceModel } from '../engine/models/types.js';
import type { AccessKeyRecord, SandboxState } from './state.js';
import type { IncomingCall } from './types.js';
import { fault, type ServiceFault } from './fault.js';
import { amzDate, parseAmzDate } from './wire.js';

export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** The parts of an `Authorization: AWS4-HMAC-SHA256 …` header, or undefined if there is none. */
export function parseAuthorization(call: IncomingCall): SigV4Authorization | undefined {
  const header = call.headers.authorization;
  if (!header || !header.startsWith('AWS4-HMAC-SHA256 ')) return undefined;
  const fields: Record<string, string> = {};
  for (const part of header.slice('AWS4-HMAC-SHA256 '.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const scope = (fields.Credential ?? '').split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || !fields.SignedHeaders || !fields.Signature) return undefined;
  return {
    accessKeyId: scope[0]!, date: scope[1]!, region: scope[2]!, service: scope[3]!,
    signedHeaders: fields.SignedHeaders.split(';'), signature: fields.Signature,
  };
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** node:crypto behind the hash interface smithy expects (faster than a pure-JS SHA-256). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export type AuthProblem = 'invalid-key' | 'bad-signature' | 'expired-token' | 'skewed' | 'missing' | 'malformed' | 'payload-hash';

export class AuthError extends Error {
  constructor(readonly problem: AuthProblem, message: string, readonly detail: Record<string, string> = {}) {
    super(message);
  }
}

function splitPathAndQuery(call: IncomingCall): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of call.query) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return query;
}

/** Verifies the request's signature; returns the key record it was signed with. */
export async function verifySigV4(state: SandboxState, call: IncomingCall, auth: SigV4Authorization, now: Date): Promise<AccessKeyRecord> {
  const key = state.accessKeys.get(auth.accessKeyId);
  if (!key) throw new AuthError('invalid-key', 'unknown access key', { AWSAccessKeyId: auth.accessKeyId });
  const token = call.headers['x-amz-security-token'];
  if (key.sessionToken !== undefined || token !== undefined) {
    if (key.sessionToken !== token) throw new AuthError('invalid-key', 'session token does not belong to this key', { AWSAccessKeyId: auth.accessKeyId });
    if (key.expiresAt !== undefined && key.expiresAt <= now.getTime()) throw new AuthError('expired-token', 'token expired');
  }
  const requestDate = parseAmzDate(call.headers['x-amz-date'] ?? '') ?? (call.headers.date ? new Date(call.headers.date) : undefined);
  if (!requestDate || Number.isNaN(requestDate.getTime())) throw new AuthError('malformed', 'missing X-Amz-Date');
  if (Math.abs(requestDate.getTime() - now.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw new AuthError('skewed', 'clock skew', { RequestTime: amzDate(requestDate), ServerTime: amzDate(now) });
  }
  const isS3 = auth.service === 's3';
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    if (name === 'x-amz-date' || name === 'authorization') continue;
    const value = call.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken: token },
    region: auth.region,
    service: auth.service,
    sha256: NodeSha256,
    uriEscapePath: !isS3,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: call.method, protocol: 'http:', hostname: (call.headers.host ?? '').split(':')[0] ?? '', path: call.rawPath, query: splitPathAndQuery(call), headers, body: call.body.length ? call.body : undefined },
    { signingDate: requestDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AuthError('bad-signature', 'signature mismatch', { AWSAccessKeyId: auth.accessKeyId });
  // The signer took x-amz-content-sha256 on trust; check it against the body actually received.
  const declared = call.headers['x-amz-content-sha256'];
  if (isS3 && !declared) throw new AuthError('malformed', 'Missing required header for this request: x-amz-content-sha256');
  if (declared !== undefined && !isStreamingPayload(call) && !(isS3 && declared === 'UNSIGNED-PAYLOAD')) {
    if (createHash('sha256').update(call.body).digest('hex') !== declared) {
      // S3 names the mismatch; other services only see a signature that does not match.
      if (isS3) throw new AuthError('payload-hash', "The provided 'x-amz-content-sha256' header does not match what was computed.");
      throw new AuthError('bad-signature', 'payload hash mismatch', { AWSAccessKeyId: auth.accessKeyId });
    }
  }
  return key;
}

export function isStreamingPayload(call: IncomingCall): boolean {
  return (call.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-') || /aws-chunked/.test(call.headers['content-encoding'] ?? '');
}

const SIGNATURE_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** The error AWS returns for an authentication problem, in the called service's own codes. */
export function authFault(model: ServiceModel, err: AuthError, now: Date): ServiceFault {
  const protocol = model.metadata.protocol;
  const requestTime = err.detail.RequestTime ?? '';
  const serverTime = amzDate(now);
  const earlier = requestTime < serverTime;
  const skewMessage = earlier
    ? `Signature expired: ${requestTime} is now earlier than ${amzDate(new Date(now.getTime() - MAX_CLOCK_SKEW_MS))} (${serverTime} - 15 min.)`
    : `Signature not yet current: ${requestTime} is still later than ${amzDate(new Date(now.getTime() + MAX_CLOCK_SKEW_MS))} (${serverTime} + 15 min.)`;
  if (protocol === 'rest-xml') {
    switch (err.problem) {
      case 'invalid-key': return fault('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { status: 403, extra: err.detail });
      case 'bad-signature': return fault('SignatureDoesNotMatch', SIGNATURE_MISMATCH, { status: 403, extra: err.detail });
      case 'expired-token': return fault('ExpiredToken', 'The provided token has expired.', { status: 400 });
      case 'skewed': return fault('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', { status: 403, extra: { ...err.detail, MaxAllowedSkewMilliseconds: String(MAX_CLOCK_SKEW_MS) } });
      case 'missing': return fault('AccessDenied', 'Access Denied', { status: 403 });
      case 'payload-hash': return fault('XAmzContentSHA256Mismatch', err.message, { status: 400 });
      default: return fault('InvalidRequest', err.message, { status: 400 });
    }
  }
  const json = protocol === 'json' || protocol === 'rest-json';
  const status = protocol === 'json' ? 400 : 403;
  switch (err.problem) {
    case 'invalid-key':
      if (protocol === 'ec2') return fault('AuthFailure', 'AWS was not able to validate the provided access credentials', { status: 401 });
      return fault(json ? 'UnrecognizedClientException' : 'InvalidClientTokenId', INVALID_TOKEN, { status });
    case 'bad-signature':
      return fault(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', SIGNATURE_MISMATCH, { status });
    case 'expired-token':
      return fault(json ? 'ExpiredTokenException' : 'ExpiredToken', 'The security token included in the request is expired', { status });
    case 'skewed':
      if (protocol === 'ec2') return fault('RequestExpired', 'Request has expired.', { status: 400 });
      return fault(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', skewMessage, { status });
    case 'missing':
      return fault(json ? 'MissingAuthenticationTokenException' : 'MissingAuthenticationToken', 'Request is missing Authentication Token', { status });
    default:
      return fault(json ? 'IncompleteSignatureException' : 'IncompleteSignature', err.message, { status: 400 });
  }
}
