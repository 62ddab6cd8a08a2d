// SSO profiles: role credentials from GetRoleCredentials (unsigned) with the access token that
// `sso login` cached in ~/.aws/sso/cache. The SSO module's token provider loads that token,
// refreshes it silently when it can, and otherwise fails naming `awsdeck sso login` (or, when the
// caller passed a login callback, signs in and carries on).
import { join } from 'node:path';
import { cliCacheDir, ssoCacheDir } from '../config/paths.js';
import { stringValue, type Section } from '../config/files.js';
import type { Credentials } from '../http/types.js';
import { ServiceError } from '../http/errors.js';
import type { CredentialContext } from './context.js';
import { InvalidCredentialConfigError } from './errors.js';
import { SsoTokenProvider } from '../sso/token-provider.js';
import { UnauthorizedSsoTokenError } from '../sso/errors.js';
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

export { UnauthorizedSsoTokenError };

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
  if (cached && !ctx.rejectedKeyIds?.has(cached.accessKeyId) && secondsLeft(cached.expiration, ctx.now()) > 15 * 60) return cached;

  const tokens = new SsoTokenProvider({
    config: { sessionName: cfg.sessionName, startUrl: cfg.startUrl, region: cfg.region, profileName },
    env: ctx.env,
    oidcEndpointUrl: ctx.endpointUrlFor?.('sso-oidc'),
    network: ctx.network,
    now: ctx.now,
    loginCommand: `awsdeck sso login --profile ${profileName}`,
    login: ctx.ssoLogin,
  });
  const token = (await tokens.token()).accessToken;
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
