// Small wire-format helpers the sandbox needs (and the client protocols may share later):
// XML escaping, AWS timestamp formats, request ids, and random AWS-looking identifiers.
import { randomBytes, randomUUID } from 'node:crypto';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, (c) => XML_ESCAPES[c]!);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  return new Date(String(value));
}

/** `2024-01-02T03:04:05.000Z`: what AWS XML bodies carry. */
export function isoTimestamp(value: unknown): string {
  return toDate(value).toISOString();
}

/** `2024-01-02T03:04:05Z`: no fraction, as STS and the SSO caches use. */
export function isoSeconds(value: unknown): string {
  return toDate(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 822 / IMF-fixdate, for HTTP headers such as Last-Modified. */
export function httpDate(value: unknown): string {
  return toDate(value).toUTCString();
}

export function epochSeconds(value: unknown): number {
  return toDate(value).getTime() / 1000;
}

/** `20240102T030405Z`, the SigV4 date format. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

export function newRequestId(): string {
  return randomUUID();
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Random upper-case id of `length` characters, like the tails of AKIA…/AROA… ids. */
export function randomUpperId(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += UPPER_ALNUM[bytes[i]! % 32];
  return out;
}

export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

export function randomSecret(length = 40): string {
  return randomBytes(length).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(length, 'x').slice(0, length);
}

/** Random base64url token that never starts with '-', so it can follow a CLI option as its value. */
export function randomToken(bytes: number): string {
  const token = randomBytes(bytes).toString('base64url');
  return token.startsWith('-') ? `A${token.slice(1)}` : token;
}
