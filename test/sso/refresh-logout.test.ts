// Silent refresh near expiry (no browser), tokens that cannot be refreshed, the in-use login
// hook the dashboard uses, and logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runSso } from '../../src/cli/sso/index.js';
import { SsoCache, SsoTokenProvider, ssoLogin, type SsoSessionConfig } from '../../src/engine/sso/index.js';
import { approvingBrowser, captureIO, desktopProbe, makeHome, sessionConfig, withSandbox, DEMO_START_URL, type TestHome } from './harness.js';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await withSandbox(); });
afterAll(async () => { await sandbox.close(); });

const session: SsoSessionConfig = { sessionName: 'my-sso', startUrl: DEMO_START_URL, region: 'us-east-1', scopes: ['sso:account:access'] };
const cacheOf = (h: TestHome) => new SsoCache(join(h.home, '.aws', 'sso', 'cache'));

async function loginWith(h: TestHome, extra: string[] = []): Promise<void> {
  expect(await runSso(['login', '--profile', 'dev', ...extra], captureIO(h.env), { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) })).toBe(0);
}

function provider(h: TestHome, config = session, login?: (c: SsoSessionConfig) => Promise<void>) {
  return new SsoTokenProvider({ config, env: h.env, oidcEndpointUrl: sandbox.url, loginCommand: 'awsdeck sso login --profile dev', login });
}

describe('refresh', () => {
  it('refreshes with the refresh token when under 15 minutes remain, without any browser', async () => {
    const h = makeHome(sandbox, sessionConfig());
    await loginWith(h);
    const cache = cacheOf(h);
    const old = cache.loadToken(DEMO_START_URL, 'my-sso');
    cache.saveToken({ ...old, expiresAt: new Date(Date.now() + 5 * 60_000) }, 'my-sso');
    const authsBefore = sandbox.state.sso.browserAuths.size + sandbox.state.sso.deviceAuths.size;

    const token = await provider(h).token();
    expect(token.accessToken).not.toBe(old.accessToken);
    expect(sandbox.state.sso.validToken(token.accessToken)).toBeTruthy();
    const saved = cache.loadToken(DEMO_START_URL, 'my-sso');
    expect(saved.accessToken).toBe(token.accessToken);
    expect(saved.clientId).toBe(old.clientId);
    expect(saved.refreshToken).toBeTruthy();
    expect(sandbox.state.sso.browserAuths.size + sandbox.state.sso.deviceAuths.size).toBe(authsBefore);
    h.cleanup();
  });

  it('keeps a token with more than 15 minutes left as it is', async () => {
    const h = makeHome(sandbox, sessionConfig());
    await loginWith(h);
    const before = cacheOf(h).loadToken(DEMO_START_URL, 'my-sso');
    expect((await provider(h).token()).accessToken).toBe(before.accessToken);
    h.cleanup();
  });

  it('an expired token without a refresh token gets the message naming awsdeck sso login', async () => {
    const h = makeHome(sandbox, sessionConfig());
    await loginWith(h, ['--use-device-code']); // the sandbox gives device-code clients no refresh token
    const cache = cacheOf(h);
    const t = cache.loadToken(DEMO_START_URL, 'my-sso');
    expect(t.refreshToken).toBeUndefined();
    cache.saveToken({ ...t, expiresAt: new Date(Date.now() - 1000) }, 'my-sso');
    await expect(provider(h).token()).rejects.toThrow('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run awsdeck sso login with the corresponding profile.');
    h.cleanup();
  });

  it('an expired token whose refresh token was revoked fails the same way, and no secret is in the message', async () => {
    const h = makeHome(sandbox, sessionConfig());
    await loginWith(h);
    const cache = cacheOf(h);
    const t = cache.loadToken(DEMO_START_URL, 'my-sso');
    cache.saveToken({ ...t, expiresAt: new Date(Date.now() - 1000), refreshToken: 'aor-not-a-real-refresh-token' }, 'my-sso');
    const err = await provider(h).token().catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('awsdeck sso login');
    for (const secret of [t.accessToken, t.clientSecret!, 'aor-not-a-real-refresh-token']) expect((err as Error).message).not.toContain(secret);
    h.cleanup();
  });

  it('a missing token names the login command', async () => {
    const h = makeHome(sandbox, sessionConfig());
    await expect(provider(h).token()).rejects.toThrow('Error loading SSO Token: Token for my-sso does not exist\nTo sign in, run: awsdeck sso login --profile dev');
    h.cleanup();
  });

  it('with a login hook (the dashboard modal) a missing token starts a login and the call continues', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const prompts: string[] = [];
    const p = provider(h, session, async (config) => {
      await ssoLogin({ config, env: h.env, flow: 'device-code', oidcEndpointUrl: sandbox.url, interaction: {
        onDeviceCode: (d) => { prompts.push(d.userCode); expect(d.expiresAt.getTime()).toBeGreaterThan(Date.now()); },
        onBrowserOpen: approvingBrowser(sandbox),
      } });
    });
    const token = await p.token();
    expect(sandbox.state.sso.validToken(token.accessToken)).toBeTruthy();
    expect(prompts).toHaveLength(1);
    h.cleanup();
  });

  it('a cancelled login (the modal\'s Esc) stops polling with a clear error', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const abort = new AbortController();
    const done = ssoLogin({ config: session, env: h.env, flow: 'device-code', oidcEndpointUrl: sandbox.url, interaction: { signal: abort.signal, onDeviceCode: () => abort.abort() } });
    await expect(done).rejects.toThrow('The SSO login was cancelled.');
    expect(existsSync(cacheOf(h).tokenPath(DEMO_START_URL, 'my-sso'))).toBe(false);
    h.cleanup();
  });
});

describe('logout', () => {
  it('revokes and deletes every token, keeps registrations, deletes only SSO role credentials', async () => {
    const h = makeHome(sandbox, sessionConfig());
    await loginWith(h);
    const token = cacheOf(h).loadToken(DEMO_START_URL, 'my-sso');
    const cliCache = join(h.home, '.aws', 'cli', 'cache');
    mkdirSync(cliCache, { recursive: true });
    writeFileSync(join(cliCache, 'sso-role.json'), JSON.stringify({ ProviderType: 'sso', Credentials: {} }));
    writeFileSync(join(cliCache, 'assume-role.json'), JSON.stringify({ Credentials: {} }));

    const io = captureIO(h.env);
    expect(await runSso(['logout'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(sandbox.state.sso.validToken(token.accessToken)).toBeUndefined();
    expect(existsSync(cacheOf(h).tokenPath(DEMO_START_URL, 'my-sso'))).toBe(false);
    expect(readdirSync(join(h.home, '.aws', 'sso', 'cache')).filter((f) => f.endsWith('.json'))).toHaveLength(1); // the registration
    expect(readdirSync(cliCache)).toEqual(['assume-role.json']);
    h.cleanup();
  });
});
