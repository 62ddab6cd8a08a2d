// The token side of SSO credentials: load the cached token, refresh it silently with the refresh
// token when under 15 minutes remain (sso-session profiles only, like botocore), and fail with a
// message that names `awsdeck sso login` when neither works. The credential chain's SSO provider
// calls `token()` before GetRoleCredentials.
import { ServiceError } from '../http/errors.js';
import type { Env } from '../config/paths.js';
import { ssoCacheDir } from '../config/paths.js';
import { SsoTokenLoadError, UnauthorizedSsoTokenError } from './errors.js';
import { acquireLoginLock, lockPathFor } from './login-lock.js';
import { TOKEN_EXPIRY_WINDOW_S } from './login.js';
import { oidcApi } from './oidc.js';
import type { SsoSessionConfig } from './session-config.js';
import { SsoCache } from './sso-cache.js';
import type { CachedToken } from './token-cache.js';
import { secondsUntil } from './timestamps.js';
import type { NetworkSettings } from '../http/proxy.js';

const REFRESH_ATTEMPT_SPACING_MS = 60_000;

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
}

export interface SsoTokenProviderOptions {
  config: SsoSessionConfig;
  env: Env;
  cacheDir?: string;
  oidcEndpointUrl?: string;
  network?: NetworkSettings;
  now?: () => Date;
  /** The command to suggest in errors, e.g. `awsdeck sso login --profile dev`. */
  loginCommand?: string;
  /**
   * When given, a missing or dead token starts an interactive login through this (the dashboard's
   * modal) and the call then continues; without it such a token is an error.
   */
  login?: (config: SsoSessionConfig) => Promise<void>;
  /** Receives why a refresh failed (for --debug); never a secret. */
  debug?: (line: string) => void;
}

export class SsoTokenProvider {
  private lastRefreshAttempt = 0;
  private readonly cache: SsoCache;
  private readonly now: () => Date;

  constructor(private readonly opts: SsoTokenProviderOptions) {
    this.cache = new SsoCache(opts.cacheDir ?? ssoCacheDir(opts.env));
    this.now = opts.now ?? (() => new Date());
  }

  get config(): SsoSessionConfig {
    return this.opts.config;
  }

  async token(): Promise<AccessToken> {
    const usable = await this.usableToken();
    if (usable) return usable;
    if (!this.opts.login) throw this.missingOrDead();
    await this.opts.login(this.opts.config);
    const after = await this.usableToken();
    if (!after) throw this.missingOrDead();
    return after;
  }

  /** The portal rejected the token (401): forget nothing on disk, but report it like the CLI. */
  unauthorized(): Error {
    return new UnauthorizedSsoTokenError();
  }

  private missingOrDead(): Error {
    const { config } = this.opts;
    const cached = this.cache.peekToken(config.startUrl, config.sessionName);
    if (cached) return new UnauthorizedSsoTokenError();
    const err = new SsoTokenLoadError(`Token for ${config.sessionName ?? config.startUrl} does not exist`);
    err.message += `\nTo sign in, run: ${this.opts.loginCommand ?? 'awsdeck sso login'}`;
    return err;
  }

  private async usableToken(): Promise<AccessToken | undefined> {
    const { config } = this.opts;
    let token = this.cache.peekToken(config.startUrl, config.sessionName);
    if (!token) return undefined;
    if (secondsUntil(token.expiresAt, this.now()) < TOKEN_EXPIRY_WINDOW_S && config.sessionName !== undefined) {
      token = (await this.refreshOnce(token)) ?? token;
    }
    if (secondsUntil(token.expiresAt, this.now()) <= 0) return undefined;
    return { accessToken: token.accessToken, expiresAt: token.expiresAt };
  }

  private async refreshOnce(token: CachedToken): Promise<CachedToken | undefined> {
    const nowMs = this.now().getTime();
    if (nowMs - this.lastRefreshAttempt < REFRESH_ATTEMPT_SPACING_MS) return undefined;
    this.lastRefreshAttempt = nowMs;
    const { config } = this.opts;
    const lock = await acquireLoginLock(lockPathFor(this.cache.tokenPath(config.startUrl, config.sessionName)));
    try {
      // Another process may have refreshed (or logged in) while we waited: refresh tokens can be
      // single-use, so never spend one twice.
      const current = this.cache.peekToken(config.startUrl, config.sessionName) ?? token;
      if (secondsUntil(current.expiresAt, this.now()) >= TOKEN_EXPIRY_WINDOW_S) return current;
      const refreshed = await refreshToken(current, this.opts, this.now);
      if (refreshed) this.cache.saveToken(refreshed, config.sessionName);
      return refreshed ?? current;
    } finally {
      lock.release();
    }
  }
}

/** One refresh_token grant; undefined (not an error) when the token cannot be refreshed. */
export async function refreshToken(token: CachedToken, opts: Pick<SsoTokenProviderOptions, 'config' | 'oidcEndpointUrl' | 'debug' | 'network'>, now: () => Date): Promise<CachedToken | undefined> {
  const { clientId, clientSecret, refreshToken: refresh, registrationExpiresAt } = token;
  if (!refresh || !clientId || !clientSecret || !registrationExpiresAt) {
    opts.debug?.('SSO token cannot be refreshed: the cache has no refresh token or registration');
    return undefined;
  }
  if (secondsUntil(registrationExpiresAt, now()) <= 0) {
    opts.debug?.('SSO token cannot be refreshed: the client registration has expired');
    return undefined;
  }
  const { config } = opts;
  try {
    const oidc = oidcApi({ region: config.region, endpointUrl: opts.oidcEndpointUrl, network: opts.network });
    const r = await oidc.createToken({ grantType: 'refresh_token', clientId, clientSecret, refreshToken: refresh });
    const next: CachedToken = {
      startUrl: config.startUrl,
      region: config.region,
      accessToken: r.accessToken,
      expiresAt: new Date(now().getTime() + r.expiresIn * 1000),
      clientId,
      clientSecret,
      registrationExpiresAt,
    };
    if (r.refreshToken !== undefined) next.refreshToken = r.refreshToken;
    return next;
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    opts.debug?.(`SSO token refresh failed: ${err.code}`);
    return undefined;
  }
}
