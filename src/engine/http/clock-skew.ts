// Clock-skew correction. The AWS CLI signs with the local clock and fails when it is off by more
// than AWS allows (reference §7); the AWS SDK for JavaScript learns the server's clock from the
// `Date` of any response and signs with it from then on. awsdeck does the latter on purpose: a
// laptop back from sleep with a wrong clock keeps working, and the retry after the correction is
// what makes the first refused request succeed.
import type { ServiceError } from './errors.js';

/** A local clock this far from the server's is corrected (the JS SDK's threshold). */
export const SKEW_THRESHOLD_MS = 5 * 60 * 1000;

/** Codes AWS answers a badly dated signature with (EC2, S3, Query and JSON services). */
const SKEW_CODES = new Set([
  'RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture', 'InvalidSignatureException',
  'SignatureDoesNotMatch', 'AuthFailure',
]);

/** Server clock minus local clock, per endpoint host: every client of one endpoint shares it. */
const offsets = new Map<string, number>();

export function clockOffsetMs(host: string): number {
  return offsets.get(host) ?? 0;
}

/**
 * Learns the server's clock from a response's `Date` header (or an S3 error's ServerTime).
 * Returns true when the offset changed, i.e. the request was signed with a clock now known wrong.
 */
export function learnServerClock(host: string, headers: Record<string, string>, localMs: number, serverTimeText?: string): boolean {
  const serverMs = Date.parse(headers.date ?? '') || (serverTimeText ? parseServerTime(serverTimeText) : NaN);
  if (!Number.isFinite(serverMs)) return false;
  const current = clockOffsetMs(host);
  if (Math.abs(serverMs - (localMs + current)) < SKEW_THRESHOLD_MS) return false;
  offsets.set(host, serverMs - localMs);
  return true;
}

export function isSkewError(err: ServiceError): boolean {
  return SKEW_CODES.has(err.code);
}

/** `20240102T030405Z` or ISO 8601. */
function parseServerTime(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Date.parse(text);
}

/** Tests start from a clean slate. */
export function forgetServerClocks(): void {
  offsets.clear();
}
