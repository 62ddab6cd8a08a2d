// Opaque position tokens for list operations: the index of the next item, base64url-wrapped so
// clients treat it as opaque. A token that does not decode is rejected in the caller's words.
import { fault } from '../fault.js';

export function encodeToken(position: number, salt = 'p'): string {
  return Buffer.from(`${salt}:${position}`).toString('base64url');
}

export function decodeToken(token: unknown, salt = 'p', errorCode = 'InvalidParameterValue', message = 'Invalid pagination token'): number {
  if (token === undefined || token === '') return 0;
  const text = Buffer.from(String(token), 'base64url').toString();
  const [s, n] = text.split(':');
  const pos = Number(n);
  if (s !== salt || !Number.isInteger(pos) || pos < 0) throw fault(errorCode, message);
  return pos;
}

/** One page of `items` from an opaque token; `next` is absent on the last page. */
export function pageOf<T>(items: T[], token: unknown, max: number, opts: { salt?: string; errorCode?: string; message?: string } = {}): { page: T[]; next?: string } {
  const start = decodeToken(token, opts.salt, opts.errorCode, opts.message);
  const page = items.slice(start, start + max);
  return { page, next: start + max < items.length ? encodeToken(start + max, opts.salt) : undefined };
}
