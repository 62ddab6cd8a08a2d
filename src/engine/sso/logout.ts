// `sso logout` as the CLI does it: every cached token in the SSO cache is revoked at the portal
// (errors ignored) and deleted; registrations stay; SSO role credentials in the CLI cache go.
import type { Env } from '../config/paths.js';
import type { NetworkSettings } from '../http/proxy.js';
import { cliCacheDir, ssoCacheDir } from '../config/paths.js';
import { portalLogout } from './portal.js';
import { listJsonFiles, readJsonFile, removeCacheFile } from './token-cache.js';

export interface LogoutOptions {
  env: Env;
  ssoCache?: string;
  cliCache?: string;
  /** The portal endpoint override (AWS_ENDPOINT_URL_SSO and friends). */
  portalEndpointUrl?: string;
  /** Proxies for the portal's Logout call (ResolvedSettings.network). */
  network?: NetworkSettings;
}

export interface LogoutResult {
  tokensRemoved: number;
  roleCredentialsRemoved: number;
}

export async function ssoLogout(opts: LogoutOptions): Promise<LogoutResult> {
  const result: LogoutResult = { tokensRemoved: 0, roleCredentialsRemoved: 0 };
  for (const path of listJsonFiles(opts.ssoCache ?? ssoCacheDir(opts.env))) {
    const json = readJsonFile(path);
    if (!json || !('accessToken' in json)) continue;
    if (typeof json.accessToken === 'string' && typeof json.region === 'string') {
      await portalLogout(json.region, json.accessToken, opts.portalEndpointUrl, opts.network);
    }
    if (removeCacheFile(path)) result.tokensRemoved++;
  }
  for (const path of listJsonFiles(opts.cliCache ?? cliCacheDir(opts.env))) {
    if (readJsonFile(path)?.ProviderType === 'sso' && removeCacheFile(path)) result.roleCredentialsRemoved++;
  }
  return result;
}

