// The SSO portal (accounts, roles, role credentials, logout) with the paging, pacing and 429
// backoff that large organisations need: requests are spaced to stay under a rate (default
// 10/s, well inside the portal's 20/s), and throttled calls wait with jittered backoff.
import { createClient, type AwsClient } from '../http/client.js';
import { ServiceError } from '../http/errors.js';
import { LoginCancelledError, UnauthorizedSsoTokenError } from './errors.js';
import { sleep } from './interaction.js';
import type { NetworkSettings } from '../http/proxy.js';

export interface PortalAccount { accountId: string; accountName?: string; emailAddress?: string }
export interface PortalRole { accountId: string; roleName: string }
export interface RoleCredentials { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: Date }

export interface PortalOptions {
  region: string;
  accessToken: string;
  endpointUrl?: string;
  network?: NetworkSettings;
  /** Upper bound on requests per second across this client (default 10; must stay under 20). */
  maxRequestsPerSecond?: number;
  /** Retries of a throttled call before giving up (default 8). */
  maxThrottleRetries?: number;
  signal?: AbortSignal;
  /** Told about every request and every throttled response (progress bars, tests). */
  onRequest?(event: { operation: string; throttled: boolean; waitMs?: number }): void;
}

const THROTTLE_CODES = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'SlowDown']);

export class PortalClient {
  private readonly client: AwsClient;
  private readonly spacingMs: number;
  private nextSlot = 0;

  constructor(private readonly opts: PortalOptions) {
    // Our own pacing and backoff replace the pipeline's retries, so each attempt is visible.
    this.client = createClient({ service: 'sso', region: opts.region, endpointUrl: opts.endpointUrl, network: opts.network, unsigned: true, maxAttempts: 1 });
    // Capped at 18/s: slot jitter can then never put 20 requests inside one second.
    this.spacingMs = 1000 / Math.min(opts.maxRequestsPerSecond ?? 10, 18);
  }

  /** Waits for this request's slot so that requests never exceed the configured rate. */
  private async pace(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.spacingMs;
    if (slot > now) await this.wait(slot - now);
  }

  private async wait(ms: number): Promise<void> {
    try {
      await sleep(ms, this.opts.signal);
    } catch {
      throw new LoginCancelledError();
    }
  }

  private async call(operation: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const maxRetries = this.opts.maxThrottleRetries ?? 8;
    for (let attempt = 0; ; attempt++) {
      await this.pace();
      try {
        const result = await this.client.call(operation, { ...params, accessToken: this.opts.accessToken });
        this.opts.onRequest?.({ operation, throttled: false });
        return result;
      } catch (err) {
        if (err instanceof ServiceError && err.code === 'UnauthorizedException') throw new UnauthorizedSsoTokenError();
        const throttled = err instanceof ServiceError && (err.statusCode === 429 || THROTTLE_CODES.has(err.code));
        if (!throttled || attempt >= maxRetries) throw err;
        const waitMs = Math.min(20_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
        this.opts.onRequest?.({ operation, throttled: true, waitMs });
        // Push every later request back too: the whole client slows down, not just this call.
        this.nextSlot = Math.max(this.nextSlot, Date.now() + waitMs);
        await this.wait(waitMs);
      }
    }
  }

  /** One page of accounts (for resumable walks). */
  async listAccountsPage(nextToken?: string): Promise<{ accounts: PortalAccount[]; nextToken?: string }> {
    const r = await this.call('ListAccounts', { maxResults: 100, ...(nextToken ? { nextToken } : {}) });
    const list = (r.accountList as PortalAccount[] | undefined) ?? [];
    return { accounts: list, nextToken: typeof r.nextToken === 'string' && r.nextToken ? r.nextToken : undefined };
  }

  async listAccounts(onPage?: (count: number) => void): Promise<PortalAccount[]> {
    const out: PortalAccount[] = [];
    let token: string | undefined;
    do {
      const page = await this.listAccountsPage(token);
      out.push(...page.accounts);
      onPage?.(out.length);
      token = page.nextToken;
    } while (token);
    return out;
  }

  async listAccountRoles(accountId: string): Promise<PortalRole[]> {
    const out: PortalRole[] = [];
    let token: string | undefined;
    do {
      const r = await this.call('ListAccountRoles', { accountId, maxResults: 100, ...(token ? { nextToken: token } : {}) });
      for (const role of (r.roleList as PortalRole[] | undefined) ?? []) out.push({ accountId: role.accountId ?? accountId, roleName: role.roleName });
      token = typeof r.nextToken === 'string' && r.nextToken ? r.nextToken : undefined;
    } while (token);
    return out;
  }

  async getRoleCredentials(accountId: string, roleName: string): Promise<RoleCredentials> {
    const r = await this.call('GetRoleCredentials', { accountId, roleName });
    const c = r.roleCredentials as Record<string, unknown>;
    return {
      accessKeyId: String(c.accessKeyId),
      secretAccessKey: String(c.secretAccessKey),
      sessionToken: String(c.sessionToken),
      expiration: new Date(Number(c.expiration)),
    };
  }
}

/** Portal Logout for one token; failures are ignored as the CLI ignores them. */
export async function portalLogout(region: string, accessToken: string, endpointUrl?: string, network?: NetworkSettings): Promise<void> {
  try {
    const client = createClient({ service: 'sso', region, endpointUrl, network, unsigned: true, maxAttempts: 1, connectTimeoutMs: 5_000, readTimeoutMs: 10_000 });
    await client.call('Logout', { accessToken });
  } catch {
    // The CLI deletes the file whatever the service says.
  }
}
