// `awsdeck sso login` against the sandbox: device code approved through /sandbox/approve, PKCE
// with the test following the redirect, denied and expired codes, and the cache files written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runSso } from '../../src/cli/sso/index.js';
import { tokenCacheKey } from '../../src/engine/sso/index.js';
import { approvingBrowser, captureIO, desktopProbe, makeHome, sessionConfig, withSandbox, DEMO_START_URL } from './harness.js';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await withSandbox(); });
afterAll(async () => { await sandbox.close(); });

function tokenFile(home: string, key: string): string {
  return join(home, '.aws', 'sso', 'cache', `${key}.json`);
}

describe('sso login, device code', () => {
  it('prints the URL and code, is approved on the sign-in page, and writes the CLI token file', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    const opened: string[] = [];
    const code = await runSso(['login', '--profile', 'dev', '--use-device-code'], io, { openBrowser: approvingBrowser(sandbox, { opened }), probe: desktopProbe(h.env) });
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toContain(`Signing in to ${DEMO_START_URL} for profile dev (sso-session my-sso).`);
    expect(out).toContain('Attempting to open your default browser.\nIf the browser does not open or you wish to use a different device to authorize this request, open the following URL:\n\n');
    expect(out).toMatch(/Then enter the code:\n\n[A-Z]{4}-[A-Z]{4}\n/);
    expect(out.endsWith(`Successfully logged into Start URL: ${DEMO_START_URL}\n`)).toBe(true);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain('/device?user_code=');

    const path = tokenFile(h.home, tokenCacheKey(DEMO_START_URL, 'my-sso'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    const json = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(json).slice(0, 7)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt']);
    expect(json.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(text.endsWith('}')).toBe(true);
    // No secret reached the screen.
    for (const secret of [json.accessToken, json.clientSecret]) expect(out).not.toContain(secret);
    h.cleanup();
  });

  it('--no-browser prints the CLI text and opens nothing', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    const opened: string[] = [];
    const browser = approvingBrowser(sandbox);
    // The person copies the autofill URL by hand.
    const loginDone = runSso(['login', '--sso-session', 'my-sso', '--use-device-code', '--no-browser'], io, { openBrowser: async (u) => { opened.push(u); }, probe: desktopProbe(h.env) });
    await expect.poll(() => io.out().match(/autofill the code upon loading:\n(\S+)\n/)?.[1]).toBeTruthy();
    await browser(io.out().match(/autofill the code upon loading:\n(\S+)\n/)![1]!);
    expect(await loginDone).toBe(0);
    expect(io.out()).toContain('Browser will not be automatically opened.\nPlease visit the following URL:\n\n');
    expect(opened).toEqual([]);
    h.cleanup();
  });

  it('a denied code fails with a clear message and leaves no token', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    const code = await runSso(['login', '--profile', 'dev', '--use-device-code'], io, { openBrowser: approvingBrowser(sandbox, { allow: false }), probe: desktopProbe(h.env) });
    expect(code).not.toBe(0);
    expect(io.err()).toContain('denied');
    expect(existsSync(tokenFile(h.home, tokenCacheKey(DEMO_START_URL, 'my-sso')))).toBe(false);
    h.cleanup();
  });

  it('an expired device code gives the CLI message', async () => {
    const short = await withSandbox({ seed: 'demo', deviceCodeTtlSeconds: 2 });
    const h = makeHome(short, sessionConfig());
    const io = captureIO(h.env);
    const code = await runSso(['login', '--profile', 'dev', '--use-device-code'], io, { openBrowser: async () => {}, probe: desktopProbe(h.env) });
    expect(code).toBe(255);
    expect(io.err()).toContain('The pending authorization to retrieve an SSO token has expired. The login flow to retrieve an SSO token must be restarted.');
    await short.close();
    h.cleanup();
  });

  it('reuses the client registration on the next login', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const before = sandbox.state.sso.clients.size;
    for (let i = 0; i < 2; i++) {
      const io = captureIO(h.env);
      expect(await runSso(['login', '--profile', 'dev', '--use-device-code'], io, { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) })).toBe(0);
    }
    expect(sandbox.state.sso.clients.size - before).toBe(1);
    const files = readdirSync(join(h.home, '.aws', 'sso', 'cache')).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(2); // token + registration
    h.cleanup();
  });
});

describe('sso login, authorization code with PKCE', () => {
  it('is the default for an sso-session on a desktop; the browser redirect completes the login', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    const opened: string[] = [];
    const code = await runSso(['login', '--profile', 'dev'], io, { openBrowser: approvingBrowser(sandbox, { opened }), probe: desktopProbe(h.env) });
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(opened[0]).toMatch(/\/authorize\?response_type=code&client_id=[^&]+&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Foauth%2Fcallback&state=[0-9a-f-]{36}&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=[A-Za-z0-9_-]{43}$/);
    expect(io.out()).toContain("If you are unable to open the URL on this device, run this command again with the '--use-device-code' option.\n\n");
    const json = JSON.parse(readFileSync(tokenFile(h.home, tokenCacheKey(DEMO_START_URL, 'my-sso')), 'utf8')) as Record<string, string>;
    expect(json.refreshToken).toBeTruthy();
    expect(io.out()).not.toContain(json.refreshToken);
    h.cleanup();
  });

  it('a cancelled browser (Deny) fails cleanly', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    const code = await runSso(['login', '--profile', 'dev'], io, { openBrowser: approvingBrowser(sandbox, { allow: false }), probe: desktopProbe(h.env) });
    expect(code).toBe(255);
    expect(io.err()).toContain('Error loading authorization code: Failed to retrieve an authorization code.');
    h.cleanup();
  });

  it('falls back to the device code over SSH and says why', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    const sshProbe = { env: { ...h.env, SSH_CONNECTION: '10.0.0.1 5555 10.0.0.2 22' }, platform: 'linux' as const, exists: () => false };
    expect(await runSso(['login', '--profile', 'dev'], io, { openBrowser: approvingBrowser(sandbox), probe: sshProbe })).toBe(0);
    expect(io.out()).toContain('Using the device code flow: this is an SSH session, so a browser cannot return to this machine.');
    h.cleanup();
  });

  it('remembers --use-device-code per sso-session until --no-use-device-code', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const run = async (extra: string[]) => {
      const io = captureIO(h.env);
      const opened: string[] = [];
      expect(await runSso(['login', '--profile', 'dev', ...extra], io, { openBrowser: approvingBrowser(sandbox, { opened }), probe: desktopProbe(h.env) })).toBe(0);
      return new URL(opened[0]!).pathname;
    };
    expect(await run(['--use-device-code'])).toBe('/device');
    expect(await run([])).toBe('/device');
    expect(await run(['--no-use-device-code'])).toBe('/authorize');
    expect(await run([])).toBe('/authorize');
    h.cleanup();
  });
});

describe('sso login, bad configuration', () => {
  it('a profile without SSO settings gets the CLI message (exit 253)', async () => {
    const sb = sandbox;
    const h = makeHome(sb, '[profile plain]\nregion = us-east-1\n');
    const io = captureIO(h.env);
    expect(await runSso(['login', '--profile', 'plain'], io, { probe: desktopProbe(h.env) })).toBe(253);
    expect(io.err()).toContain('Missing the following required SSO configuration values: sso_start_url, sso_region. To make sure this profile is properly configured to use SSO, please run: awsdeck configure sso');
    h.cleanup();
  });

  it('an unknown sso-session is named', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    expect(await runSso(['login', '--sso-session', 'nope'], io, { probe: desktopProbe(h.env) })).toBe(253);
    expect(io.err()).toContain('The specified sso-session does not exist: "nope"');
    h.cleanup();
  });

  it('a start URL that does not answer fails with a connection error, not a hang', async () => {
    const h = makeHome(sandbox, sessionConfig());
    h.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
    const io = captureIO(h.env);
    expect(await runSso(['login', '--profile', 'dev', '--use-device-code'], io, { probe: desktopProbe(h.env) })).toBe(255);
    expect(io.err()).toContain('Could not connect to the endpoint URL');
    h.cleanup();
  });
});
