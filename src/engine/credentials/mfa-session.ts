// One MFA code per device: a GetSessionToken session obtained with an MFA code is kept per
// mfa_serial (in memory and in ~/.aws/awsdeck/mfa-sessions, 0600), and every role that names
// the same device assumes with it instead of asking again, until it nears expiry.
import { join } from 'node:path';
import { homeDir } from '../config/paths.js';
import type { Credentials } from '../http/types.js';
import type { CredentialContext } from './context.js';
import { JsonFileCache, sha1Hex } from './json-cache.js';
import { credentialsFromCacheDoc, isoPlusZero, secondsLeft } from './sts-response.js';

const MIN_SECONDS_LEFT = 15 * 60;
export const MFA_SESSION_SECONDS = 43_200;

function cacheFor(ctx: CredentialContext): JsonFileCache {
  return new JsonFileCache(join(homeDir(ctx.env), '.aws', 'awsdeck', 'mfa-sessions'), ctx.warn);
}

/** Keyed by serial and by the long-term key that opened the session (a device can serve two users). */
function keyOf(serial: string, source: Credentials): string {
  return sha1Hex(`${serial}\n${source.accessKeyId}`);
}

export function cachedMfaSession(serial: string, source: Credentials, ctx: CredentialContext): Credentials | undefined {
  const doc = cacheFor(ctx).get(keyOf(serial, source));
  const creds = doc && credentialsFromCacheDoc(doc, 'mfa-session');
  if (!creds || secondsLeft(creds.expiration, ctx.now()) <= MIN_SECONDS_LEFT) return undefined;
  return creds;
}

export function storeMfaSession(serial: string, source: Credentials, session: Credentials, ctx: CredentialContext): void {
  cacheFor(ctx).set(keyOf(serial, source), {
    SerialNumber: serial,
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration ? isoPlusZero(session.expiration) : undefined,
    },
  });
}
