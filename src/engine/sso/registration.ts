// OIDC client registrations, reused from the cache like the CLI: only with more than 15 minutes
// left and only if the registration's kind matches the flow (auth-code registrations carry
// grantTypes with authorization_code; device-code ones must not).
import type { OidcApi } from './oidc.js';
import type { SsoCache } from './sso-cache.js';
import type { CachedRegistration } from './token-cache.js';
import type { RegistrationKeyInput } from './cache-names.js';

export type FlowKind = 'device-code' | 'auth-code';

const EXPIRY_WINDOW_MS = 15 * 60 * 1000;
export const REDIRECT_URI_BASE = 'http://127.0.0.1/oauth/callback';
export const DEFAULT_AUTH_CODE_SCOPES = ['sso:account:access'];

export interface RegistrationRequest {
  key: RegistrationKeyInput;
  flow: FlowKind;
  /** The issuer (start URL) for auth-code registrations. */
  issuerUrl: string;
  now: () => Date;
}

function fitsFlow(reg: CachedRegistration, flow: FlowKind): boolean {
  const authCode = reg.grantTypes?.includes('authorization_code') ?? false;
  return flow === 'auth-code' ? authCode : !authCode;
}

export function isRegistrationUsable(reg: CachedRegistration, flow: FlowKind, now: Date): boolean {
  return reg.expiresAt.getTime() - now.getTime() > EXPIRY_WINDOW_MS && fitsFlow(reg, flow);
}

function clientName(sessionName: string | undefined, now: Date): string {
  return `botocore-client-${sessionName ?? Math.floor(now.getTime() / 1000)}`;
}

export async function obtainRegistration(oidc: OidcApi, cache: SsoCache, req: RegistrationRequest): Promise<CachedRegistration> {
  const cached = cache.loadRegistration(req.key);
  if (cached && isRegistrationUsable(cached, req.flow, req.now())) return cached;

  const scopes = req.key.scopes;
  const params: Record<string, unknown> = { clientName: clientName(req.key.sessionName, req.now()), clientType: 'public' };
  let grantTypes: string[] | undefined;
  if (req.flow === 'auth-code') {
    grantTypes = ['authorization_code', 'refresh_token'];
    params.grantTypes = grantTypes;
    params.redirectUris = [REDIRECT_URI_BASE];
    params.issuerUrl = req.issuerUrl;
    params.scopes = scopes && scopes.length ? scopes : DEFAULT_AUTH_CODE_SCOPES;
  } else if (scopes && scopes.length) {
    params.scopes = scopes;
  }
  const r = await oidc.registerClient(params);
  const reg: CachedRegistration = {
    clientId: r.clientId,
    clientSecret: r.clientSecret,
    expiresAt: new Date(r.clientSecretExpiresAt * 1000),
  };
  if (req.flow === 'auth-code') reg.scopes = params.scopes as string[];
  else if (scopes && scopes.length) reg.scopes = scopes;
  if (grantTypes) reg.grantTypes = grantTypes;
  cache.saveRegistration(req.key, reg);
  return reg;
}
