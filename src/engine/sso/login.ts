// One interactive login: register (or reuse the registration), run the chosen flow, save the
// token where the AWS CLI looks for it. Runs under the cross-process lock, so concurrent logins
// for the same session produce one authorization and everyone gets its token.
import type { Env } from '../config/paths.js';
import { ssoCacheDir } from '../config/paths.js';
import { runDeviceFlow } from './device-flow.js';
import type { LoginInteraction } from './interaction.js';
import { acquireLoginLock, lockPathFor } from './login-lock.js';
import { oidcApi, type CreateTokenResult } from './oidc.js';
import { runAuthCodeFlow } from './pkce-flow.js';
import { DEFAULT_AUTH_CODE_SCOPES, obtainRegistration, type FlowKind } from './registration.js';
import type { SsoSessionConfig } from './session-config.js';
import { SsoCache } from './sso-cache.js';
import type { CachedToken } from './token-cache.js';
import { secondsUntil } from './timestamps.js';
import type { NetworkSettings } from '../http/proxy.js';

export const TOKEN_EXPIRY_WINDOW_S = 15 * 60;

export interface SsoLoginOptions {
  config: SsoSessionConfig;
  env: Env;
  flow: FlowKind;
  interaction?: LoginInteraction;
  /** Defaults to `~/.aws/sso/cache` under the env's HOME. */
  cacheDir?: string;
  /** The sso-oidc endpoint override (AWS_ENDPOINT_URL_SSO_OIDC and friends). */
  oidcEndpointUrl?: string;
  network?: NetworkSettings;
  now?: () => Date;
  /**
   * `sso login` always gets a new token (force). Without force a cached token with more than
   * 15 minutes left is used as is (the wizard for an existing session does this).
   */
  force?: boolean;
  /** Auth-code wait limit (10 min by default). */
  authCodeTimeoutMs?: number;
}

export interface SsoLoginResult {
  token: CachedToken;
  /** How the token was obtained: a new authorization, the cache, or another process's login. */
  source: 'authorized' | 'cached' | 'other-process';
}

function isFresh(token: CachedToken | undefined, now: Date): token is CachedToken {
  return !!token && secondsUntil(token.expiresAt, now) > TOKEN_EXPIRY_WINDOW_S;
}

export async function ssoLogin(opts: SsoLoginOptions): Promise<SsoLoginResult> {
  const now = opts.now ?? (() => new Date());
  const interaction = opts.interaction ?? {};
  const { config } = opts;
  const cache = new SsoCache(opts.cacheDir ?? ssoCacheDir(opts.env));
  const before = cache.peekToken(config.startUrl, config.sessionName);
  if (!opts.force && isFresh(before, now())) return { token: before, source: 'cached' };

  const lock = await acquireLoginLock(lockPathFor(cache.tokenPath(config.startUrl, config.sessionName)), {
    signal: interaction.signal,
    onWait: () => interaction.onNotice?.(`Another awsdeck process is signing in to ${config.startUrl}; waiting for it to finish.`),
  });
  try {
    if (lock.waited) {
      // The other process's login counts as ours if it saved a token we had not seen.
      const after = cache.peekToken(config.startUrl, config.sessionName);
      if (isFresh(after, now()) && after.accessToken !== before?.accessToken) return { token: after, source: 'other-process' };
    }
    const token = await authorize(opts, cache, interaction, now);
    cache.saveToken(token, config.sessionName);
    return { token, source: 'authorized' };
  } finally {
    lock.release();
  }
}

async function authorize(opts: SsoLoginOptions, cache: SsoCache, interaction: LoginInteraction, now: () => Date): Promise<CachedToken> {
  const { config } = opts;
  const oidc = oidcApi({ region: config.region, endpointUrl: opts.oidcEndpointUrl, network: opts.network });
  const key = { startUrl: config.startUrl, region: config.region, scopes: config.scopes, sessionName: config.sessionName };
  const registration = await obtainRegistration(oidc, cache, { key, flow: opts.flow, issuerUrl: config.startUrl, now });
  let result: CreateTokenResult;
  if (opts.flow === 'auth-code') {
    const scopes = config.scopes && config.scopes.length ? config.scopes : DEFAULT_AUTH_CODE_SCOPES;
    result = await runAuthCodeFlow({ oidc, registration, scopes, interaction, now, timeoutMs: opts.authCodeTimeoutMs });
  } else {
    result = await runDeviceFlow({ oidc, registration, startUrl: config.startUrl, interaction, now });
  }
  const token: CachedToken = {
    startUrl: config.startUrl,
    region: config.region,
    accessToken: result.accessToken,
    expiresAt: new Date(now().getTime() + result.expiresIn * 1000),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
  };
  if (result.refreshToken !== undefined) token.refreshToken = result.refreshToken;
  return token;
}
