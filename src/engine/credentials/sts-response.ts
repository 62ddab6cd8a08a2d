// Turning STS/SSO responses into the CLI's cache documents and back into Credentials.
import type { Credentials } from '../http/types.js';

/** Python isoformat of a UTC datetime with whole seconds: `2024-01-01T12:00:00+00:00`. */
export function isoPlusZero(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** `%Y-%m-%dT%H:%M:%SZ`, as the SSO fetcher writes. */
export function isoZulu(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses the timestamp forms the CLI and botocore write (`+00:00`, `Z`, `UTC`). */
export function parseCacheTimestamp(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value > 1e11 ? value : value * 1000);
  if (typeof value !== 'string') return undefined;
  const d = new Date(value.replace(/UTC$/, 'Z'));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function accountFromArn(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined;
  const part = arn.split(':')[4];
  return part || undefined;
}

/** The cached document's Credentials block as engine Credentials. */
export function credentialsFromCacheDoc(doc: Record<string, unknown>, method: string): Credentials | undefined {
  const c = doc.Credentials as Record<string, unknown> | undefined;
  if (!c || typeof c.AccessKeyId !== 'string' || typeof c.SecretAccessKey !== 'string') return undefined;
  const expiration = parseCacheTimestamp(c.Expiration);
  if (!expiration) return undefined;
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: typeof c.SessionToken === 'string' ? c.SessionToken : undefined,
    expiration,
    accountId: typeof c.AccountId === 'string' ? c.AccountId : undefined,
    source: method,
  };
}

/** The CLI caches the whole parsed AssumeRole* response, with AccountId added to Credentials. */
export function assumeRoleCacheDoc(response: Record<string, unknown>): Record<string, unknown> {
  const creds = response.Credentials as Record<string, unknown>;
  const user = response.AssumedRoleUser as Record<string, unknown> | undefined;
  const expiration = parseCacheTimestamp(creds.Expiration);
  const doc: Record<string, unknown> = {
    Credentials: {
      AccessKeyId: creds.AccessKeyId,
      SecretAccessKey: creds.SecretAccessKey,
      SessionToken: creds.SessionToken,
      Expiration: expiration ? isoPlusZero(expiration) : creds.Expiration,
      AccountId: accountFromArn(user?.Arn),
    },
  };
  for (const [k, v] of Object.entries(response)) {
    if (k !== 'Credentials' && k !== 'ResponseMetadata' && v !== undefined) doc[k] = v;
  }
  if (response.ResponseMetadata) doc.ResponseMetadata = response.ResponseMetadata;
  return doc;
}

export function secondsLeft(expiration: Date | undefined, now: Date): number {
  return expiration ? (expiration.getTime() - now.getTime()) / 1000 : Infinity;
}
