// Reading and writing `~/.aws/sso/cache/*.json` in the AWS CLI's format: Python json.dumps with
// default separators, keys in the CLI's order, no trailing newline, mode 0600, replaced atomically
// so a reader in another process never sees half a file.
import { readFileSync, unlinkSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pyJsonDumps } from '../pyjson.js';
import { formatCacheTime } from './timestamps.js';
import { replacePrivateFile } from '../private-files.js';

/** A cached SSO access token (secrets inside: never print one). */
export interface CachedToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: Date;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: Date;
  refreshToken?: string;
}

/** A cached OIDC client registration. */
export interface CachedRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt: Date;
  scopes?: string[];
  grantTypes?: string[];
}

export function readJsonFile(path: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes like botocore's JSONFileCache: temp file (0600) in the same folder, fsync, rename. */
export function writeCacheFile(dir: string, key: string, content: string): string {
  const finalPath = join(dir, `${key}.json`);
  replacePrivateFile(finalPath, content);
  return finalPath;
}

export function removeCacheFile(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

export function listJsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** The token's JSON text exactly as the CLI writes it. */
export function serializeToken(token: CachedToken): string {
  const out: Record<string, unknown> = {
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: formatCacheTime(token.expiresAt),
  };
  if (token.clientId !== undefined) out.clientId = token.clientId;
  if (token.clientSecret !== undefined) out.clientSecret = token.clientSecret;
  if (token.registrationExpiresAt !== undefined) out.registrationExpiresAt = formatCacheTime(token.registrationExpiresAt);
  if (token.refreshToken !== undefined) out.refreshToken = token.refreshToken;
  return pyJsonDumps(out);
}

export function serializeRegistration(reg: CachedRegistration): string {
  const out: Record<string, unknown> = { clientId: reg.clientId, clientSecret: reg.clientSecret, expiresAt: formatCacheTime(reg.expiresAt) };
  if (reg.scopes !== undefined) out.scopes = reg.scopes;
  if (reg.grantTypes !== undefined) out.grantTypes = reg.grantTypes;
  return pyJsonDumps(out);
}
