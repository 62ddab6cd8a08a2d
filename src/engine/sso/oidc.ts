// The SSO-OIDC operations awsdeck uses, typed, over the shared request pipeline (unsigned).
import { createClient, type AwsClient } from '../http/client.js';
import type { NetworkSettings } from '../http/proxy.js';

export interface OidcEndpoint {
  region: string;
  /** AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL / profile endpoint_url, when configured. */
  endpointUrl?: string;
  userAgent?: string;
  /** Proxies (ResolvedSettings.network); by default this process's environment's. */
  network?: NetworkSettings;
}

export interface RegisterClientResult {
  clientId: string;
  clientSecret: string;
  clientSecretExpiresAt: number;
}

export interface DeviceAuthorizationResult {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresIn: number;
  interval?: number;
}

export interface CreateTokenResult {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

export interface OidcApi {
  /** Scheme and host of the OIDC endpoint: where `/authorize` lives. */
  readonly origin: string;
  registerClient(params: Record<string, unknown>): Promise<RegisterClientResult>;
  startDeviceAuthorization(params: { clientId: string; clientSecret: string; startUrl: string }): Promise<DeviceAuthorizationResult>;
  /** One attempt, no retries: pending/slow-down answers are the caller's to interpret. */
  createToken(params: Record<string, unknown>): Promise<CreateTokenResult>;
}

export function oidcApi(endpoint: OidcEndpoint): OidcApi {
  const base = { service: 'sso-oidc', region: endpoint.region, endpointUrl: endpoint.endpointUrl, unsigned: true, userAgent: endpoint.userAgent, network: endpoint.network };
  const client: AwsClient = createClient(base);
  const once: AwsClient = createClient({ ...base, maxAttempts: 1 });
  return {
    origin: client.endpoint.url.origin,
    async registerClient(params) {
      const r = await client.call('RegisterClient', params);
      return { clientId: String(r.clientId), clientSecret: String(r.clientSecret), clientSecretExpiresAt: Number(r.clientSecretExpiresAt) };
    },
    async startDeviceAuthorization(params) {
      const r = await client.call('StartDeviceAuthorization', params);
      return {
        deviceCode: String(r.deviceCode),
        userCode: String(r.userCode),
        verificationUri: String(r.verificationUri),
        verificationUriComplete: String(r.verificationUriComplete),
        expiresIn: Number(r.expiresIn),
        interval: typeof r.interval === 'number' ? r.interval : undefined,
      };
    },
    async createToken(params) {
      const r = await once.call('CreateToken', params);
      return {
        accessToken: String(r.accessToken),
        expiresIn: Number(r.expiresIn),
        refreshToken: typeof r.refreshToken === 'string' ? r.refreshToken : undefined,
      };
    },
  };
}
