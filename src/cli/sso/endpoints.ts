// The sso-oidc and sso endpoints as configured (--endpoint-url, AWS_ENDPOINT_URL_SSO_OIDC,
// AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL, the profile's endpoint_url, a [services] section), and
// the proxies every SSO call goes through (the environment's plus the profile's proxy_* settings).
import { resolveSettings } from '../../engine/config/settings.js';
import type { LoadedConfig } from '../../engine/config/files.js';
import type { Env } from '../../engine/config/paths.js';
import { networkFromEnv, type NetworkSettings } from '../../engine/http/proxy.js';

export interface SsoEndpoints {
  oidc?: string;
  portal?: string;
  network: NetworkSettings;
}

export function ssoEndpoints(env: Env, config: LoadedConfig, profile: string | undefined, endpointUrl: string | undefined): SsoEndpoints {
  try {
    const settings = resolveSettings({ env, config, profile, flags: { endpointUrl }, allowMissingProfile: true });
    return { oidc: settings.endpointUrlFor('sso-oidc')?.value, portal: settings.endpointUrlFor('sso')?.value, network: settings.network };
  } catch {
    return { oidc: endpointUrl, portal: endpointUrl, network: networkFromEnv(env) };
  }
}
