// IAM Identity Center state: OIDC client registrations, pending device and browser
// authorizations, issued tokens, and the account/role assignments every instance shows.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SandboxState } from './state.js';

export interface OidcClient {
  clientId: string; clientSecret: string; clientName: string; clientType: string;
  scopes: string[]; grantTypes: string[]; redirectUris: string[]; issuerUrl?: string;
  issuedAt: number; expiresAt: number;
}

export type Decision = 'pending' | 'approved' | 'denied' | 'redeemed';

export interface DeviceAuthorization {
  deviceCode: string; userCode: string; clientId: string; startUrl: string;
  expiresAt: number; intervalSeconds: number; status: Decision;
  lastPollAt: number; fastPolls: number;
}

export interface BrowserAuthorization {
  userCode: string; clientId: string; redirectUri: string; state: string;
  codeChallenge: string; codeChallengeMethod: string; scopes: string[]; startUrl: string;
  expiresAt: number; status: Decision; code?: string;
}

export interface SsoToken {
  accessToken: string; clientId: string; startUrl: string; scopes: string[];
  expiresAt: number; revoked: boolean;
}

export interface SsoAssignment { accountId: string; roleName: string }

const USER_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';

function userCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => USER_CODE_LETTERS[b % USER_CODE_LETTERS.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

function opaque(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export class SsoStore {
  readonly clients = new Map<string, OidcClient>();
  readonly deviceAuths = new Map<string, DeviceAuthorization>();
  readonly browserAuths = new Map<string, BrowserAuthorization>();
  readonly authCodes = new Map<string, BrowserAuthorization>();
  readonly tokens = new Map<string, SsoToken>();
  readonly refreshTokens = new Map<string, Omit<SsoToken, 'accessToken' | 'expiresAt'> & { used: boolean }>();
  /** Start URL → instance id; each distinct start URL is its own Identity Center instance. */
  readonly instances = new Map<string, string>();
  assignments: SsoAssignment[] = [];
  userName = 'demo-user';
  userEmail = 'demo-user@example.com';

  constructor(private readonly state: SandboxState) {}

  instanceFor(startUrl: string): string {
    let id = this.instances.get(startUrl);
    if (!id) this.instances.set(startUrl, (id = `ssoins-${createHash('sha256').update(startUrl).digest('hex').slice(0, 16)}`));
    return id;
  }

  register(fields: Omit<OidcClient, 'clientId' | 'clientSecret' | 'issuedAt' | 'expiresAt'>): OidcClient {
    const now = Date.now();
    const client: OidcClient = {
      ...fields,
      clientId: opaque('sbx-client-', 18),
      clientSecret: opaque('sbx-secret-', 48),
      issuedAt: now,
      expiresAt: now + 90 * 24 * 3600 * 1000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  startDevice(clientId: string, startUrl: string): DeviceAuthorization {
    this.instanceFor(startUrl);
    const auth: DeviceAuthorization = {
      deviceCode: opaque('sbx-device-'), userCode: userCode(), clientId, startUrl,
      expiresAt: Date.now() + this.state.options.deviceCodeTtlSeconds * 1000,
      intervalSeconds: 1, status: 'pending', lastPollAt: 0, fastPolls: 0,
    };
    this.deviceAuths.set(auth.deviceCode, auth);
    return auth;
  }

  startBrowser(fields: Omit<BrowserAuthorization, 'userCode' | 'expiresAt' | 'status'>): BrowserAuthorization {
    this.instanceFor(fields.startUrl);
    const auth: BrowserAuthorization = { ...fields, userCode: userCode(), expiresAt: Date.now() + 10 * 60 * 1000, status: 'pending' };
    this.browserAuths.set(auth.userCode, auth);
    return auth;
  }

  findByUserCode(code: string): { device?: DeviceAuthorization; browser?: BrowserAuthorization } {
    const wanted = code.trim().toUpperCase();
    const browser = this.browserAuths.get(wanted);
    if (browser) return { browser };
    for (const device of this.deviceAuths.values()) if (device.userCode === wanted) return { device };
    return {};
  }

  /** Approve or deny a pending authorization. For a browser flow, returns where to redirect. */
  decide(code: string, allow: boolean): { found: boolean; kind?: 'device' | 'browser'; redirect?: string; clientName?: string } {
    const { device, browser } = this.findByUserCode(code);
    if (device) {
      if (device.status === 'pending' && device.expiresAt > Date.now()) device.status = allow ? 'approved' : 'denied';
      return { found: true, kind: 'device', clientName: this.clients.get(device.clientId)?.clientName };
    }
    if (browser) {
      const url = new URL(browser.redirectUri);
      if (browser.status === 'pending' && allow) {
        browser.status = 'approved';
        browser.code = opaque('sbx-code-', 24);
        this.authCodes.set(browser.code, browser);
      } else if (browser.status === 'pending') {
        browser.status = 'denied';
      }
      if (browser.status === 'approved' && browser.code) url.searchParams.set('code', browser.code);
      else url.searchParams.set('error', 'access_denied');
      url.searchParams.set('state', browser.state);
      return { found: true, kind: 'browser', redirect: url.toString(), clientName: this.clients.get(browser.clientId)?.clientName };
    }
    return { found: false };
  }

  issueToken(clientId: string, startUrl: string, scopes: string[], withRefresh: boolean): { token: SsoToken; refreshToken?: string } {
    const token: SsoToken = {
      accessToken: opaque('aoa', 48), clientId, startUrl, scopes,
      expiresAt: Date.now() + this.state.options.tokenTtlSeconds * 1000, revoked: false,
    };
    this.tokens.set(token.accessToken, token);
    let refreshToken: string | undefined;
    if (withRefresh) {
      refreshToken = opaque('aor', 48);
      this.refreshTokens.set(refreshToken, { clientId, startUrl, scopes, revoked: false, used: false });
    }
    return { token, refreshToken };
  }

  /** The live token for a bearer value, or undefined when unknown, expired or logged out. */
  validToken(accessToken: string | undefined): SsoToken | undefined {
    if (!accessToken) return undefined;
    const token = this.tokens.get(accessToken);
    if (!token || token.revoked || token.expiresAt <= Date.now()) return undefined;
    return token;
  }
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function newStateValue(): string {
  return randomUUID();
}
