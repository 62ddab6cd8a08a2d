// SSO profiles: role credentials from GetRoleCredentials (unsigned) with the access token that
// `sso login` cached in ~/.aws/sso/cache. Logging in and refreshing the token belong to the SSO
// module; this reads the token and reports, with the CLI's words, when it is missing or expired.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliCacheDir, ssoCacheDir } from '../config/paths.js';
import { stringValue, type Section } from '../config/files.js';
import type { Credentials } from '../http/types.js';
import { ServiceError } from '../http/errors.js';
import type { CredentialContext } from './context.js';
import { CredentialRetrievalError, InvalidCredentialConfigError } from './errors.js';
import { JsonFileCache, sha1Hex } from './json-cache.js';
import { pyJsonDumps } from '../pyjson.js';
import { credentialsFromCacheDoc, isoZulu, parseCacheTimestamp, secondsLeft } from './sts-response.js';

const METHOD = 'sso';

export interface SsoProfileConfig {
  startUrl: string;
  region: string;
  accountId: string;
  roleName: string;
  sessionName?: string;
}

export class UnauthorizedSsoTokenError extends CredentialRetrievalError {
  constructor() {
    super('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.');
    this.name = 'UnauthorizedSsoTokenError';
  }
}

/** Validates and merges the profile's SSO keys with its sso-session (reference §4.1). */
export function ssoProfileConfig(profileName: string, profile: Section, ctx: CredentialContext): SsoProfileConfig {
  const sessionName = stringValue(profile, 'sso_session');
  const values: Record<string, string | undefined> = {};
  for (const k of ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region']) values[k] = stringValue(profile, k);
  if (sessionName !== undefined) {
    const session = ctx.config.ssoSessions.get(sessionName);
    if (!session) throw new InvalidCredentialConfigError(`The specified sso-session does not exist: "${sessionName}"`);
    for (const k of ['sso_start_url', 'sso_region']) {
      const fromSession = stringValue(session, k);
      if (values[k] !== undefined && fromSession !== undefined && values[k] !== fromSession) {
        throw new InvalidCredentialConfigError(`The value for ${k} is inconsistent between profile (${values[k]}) and sso-session (${fromSession}).`);
      }
      values[k] ??= fromSession;
    }
  }
  const missing = Object.keys(values).filter((k) => !values[k]);
  if (missing.length) {
    throw new InvalidCredentialConfigError(`The profile "${profileName}" is configured to use SSO but is missing required configuration: ${missing.join(', ')}`);
  }
  return { startUrl: values.sso_start_url!, region: values.sso_region!, accountId: values.sso_account_id!, roleName: values.sso_role_name!, sessionName };
}

/** ~/.aws/sso/cache/<sha1(session name or start URL)>.json */
export function ssoTokenPath(env: CredentialContext['env'], cfg: { sessionName?: string; startUrl: string }): string {
  return join(ssoCacheDir(env), `${sha1Hex(cfg.sessionName ?? cfg.startUrl)}.json`);
}

/** The CLI's cache key for SSO role credentials (compact JSON separators here). */
export function ssoRoleCacheKey(cfg: SsoProfileConfig): string {
  const args: Record<string, string> = cfg.sessionName
    ? { accountId: cfg.accountId, roleName: cfg.roleName, sessionName: cfg.sessionName }
    : { accountId: cfg.accountId, roleName: cfg.roleName, startUrl: cfg.startUrl };
  return sha1Hex(pyJsonDumps(args, { separators: [',', ':'] }));
}

export async function ssoCredentials(profileName: string, profile: Section, ctx: CredentialContext): Promise<Credentials> {
  const cfg = ssoProfileConfig(profileName, profile, ctx);
  const cache = new JsonFileCache(cliCacheDir(ctx.env), ctx.warn);
  const key = ssoRoleCacheKey(cfg);
  const cachedDoc = cache.get(key);
  const cached = cachedDoc && credentialsFromCacheDoc(cachedDoc, METHOD);
  if (cached && secondsLeft(cached.expiration, ctx.now()) > 15 * 60) return cached;

  const token = loadSsoToken(ctx, cfg);
  const client = await ctx.createClient({ service: 'sso', region: cfg.region, unsigned: true, endpointUrl: ctx.endpointUrlFor?.('sso') });
  let response: Record<string, unknown>;
  try {
    response = await client.call('GetRoleCredentials', { roleName: cfg.roleName, accountId: cfg.accountId, accessToken: token });
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'UnauthorizedException') throw new UnauthorizedSsoTokenError();
    throw err;
  }
  const rc = response.roleCredentials as Record<string, unknown>;
  const expiration = parseCacheTimestamp(rc.expiration)!;
  const doc = {
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: rc.accessKeyId,
      SecretAccessKey: rc.secretAccessKey,
      SessionToken: rc.sessionToken,
      Expiration: isoZulu(expiration),
      AccountId: cfg.accountId,
    },
  };
  cache.set(key, doc);
  return credentialsFromCacheDoc(doc, METHOD)!;
}

function loadSsoToken(ctx: CredentialContext, cfg: SsoProfileConfig): string {
  const path = ssoTokenPath(ctx.env, cfg);
  const label = cfg.sessionName ?? cfg.startUrl;
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new CredentialRetrievalError(`Error loading SSO Token: Token for ${label} does not exist`);
  }
  if (typeof doc.accessToken !== 'string' || typeof doc.expiresAt !== 'string') {
    throw new CredentialRetrievalError(`Error loading SSO Token: Token for ${label} is invalid`);
  }
  const expiresAt = parseCacheTimestamp(doc.expiresAt);
  if (!expiresAt || secondsLeft(expiresAt, ctx.now()) <= 0) throw new UnauthorizedSsoTokenError();
  return doc.accessToken;
}
