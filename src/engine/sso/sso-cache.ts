// The SSO token and registration caches of one folder (`~/.aws/sso/cache`), as typed records.
import { join } from 'node:path';
import { registrationCacheKey, tokenCacheKey, type RegistrationKeyInput } from './cache-names.js';
import { SsoTokenLoadError } from './errors.js';
import { parseCacheTime } from './timestamps.js';
import {
  readJsonFile, serializeRegistration, serializeToken, writeCacheFile,
  type CachedRegistration, type CachedToken,
} from './token-cache.js';

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A token file's fields; undefined when it lacks accessToken or a readable expiresAt. */
export function tokenFromJson(json: Record<string, unknown>): CachedToken | undefined {
  const accessToken = str(json.accessToken);
  const expiresAt = parseCacheTime(json.expiresAt);
  if (!accessToken || !expiresAt) return undefined;
  return {
    startUrl: str(json.startUrl) ?? '',
    region: str(json.region) ?? '',
    accessToken,
    expiresAt,
    clientId: str(json.clientId),
    clientSecret: str(json.clientSecret),
    registrationExpiresAt: parseCacheTime(json.registrationExpiresAt),
    refreshToken: str(json.refreshToken),
  };
}

function registrationFromJson(json: Record<string, unknown>): CachedRegistration | undefined {
  const clientId = str(json.clientId);
  const clientSecret = str(json.clientSecret);
  const expiresAt = parseCacheTime(json.expiresAt);
  if (!clientId || !clientSecret || !expiresAt) return undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  return { clientId, clientSecret, expiresAt, scopes: list(json.scopes), grantTypes: list(json.grantTypes) };
}

export class SsoCache {
  constructor(readonly dir: string) {}

  tokenPath(startUrl: string, sessionName?: string): string {
    return join(this.dir, `${tokenCacheKey(startUrl, sessionName)}.json`);
  }

  /** The cached token, or undefined when there is none (or it is unreadable). */
  peekToken(startUrl: string, sessionName?: string): CachedToken | undefined {
    const json = readJsonFile(this.tokenPath(startUrl, sessionName));
    return json ? tokenFromJson(json) : undefined;
  }

  /** Like the CLI's SSOTokenLoader: a clear error when the token is missing or malformed. */
  loadToken(startUrl: string, sessionName?: string): CachedToken {
    const json = readJsonFile(this.tokenPath(startUrl, sessionName));
    if (!json) throw new SsoTokenLoadError(`Token for ${sessionName ?? startUrl} does not exist`);
    const token = tokenFromJson(json);
    if (!token) throw new SsoTokenLoadError(`Token for ${startUrl} is invalid`);
    return token;
  }

  saveToken(token: CachedToken, sessionName?: string): string {
    return writeCacheFile(this.dir, tokenCacheKey(token.startUrl, sessionName), serializeToken(token));
  }

  loadRegistration(key: RegistrationKeyInput): CachedRegistration | undefined {
    const json = readJsonFile(join(this.dir, `${registrationCacheKey(key)}.json`));
    return json ? registrationFromJson(json) : undefined;
  }

  saveRegistration(key: RegistrationKeyInput, reg: CachedRegistration): void {
    writeCacheFile(this.dir, registrationCacheKey(key), serializeRegistration(reg));
  }
}
