// `awsdeck sso login`, `sso populate` and `sso logout` go through the proxy the profile configures,
// with the profile's own proxy settings: here an HTTPS proxy whose certificate only the profile's
// proxy_ca_bundle trusts. Without that setting the login cannot reach the sandbox at all, so a
// command that ignored the profile's proxy settings fails this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runSso } from '../../src/cli/sso/index.js';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { approvingBrowser, captureIO, desktopProbe, makeHome, sessionConfig, withSandbox } from './harness.js';

let sandbox: Sandbox;
let proxy: ForwardProxy;
let certPath: string;

beforeAll(async () => {
  sandbox = await withSandbox();
  const dir = mkdtempSync(join(tmpdir(), 'awsdeck-sso-proxy-'));
  certPath = join(dir, 'proxy-cert.pem');
  const keyPath = join(dir, 'proxy-key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyPath, '-out', certPath], { stdio: 'pipe' });
  proxy = await startForwardProxy({ tls: { key: readFileSync(keyPath), cert: readFileSync(certPath) } });
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

const paths = () => proxy.seen.map((s) => new URL(s.target).pathname);

describe('SSO commands through an HTTPS proxy trusted by the profile', () => {
  it('login, populate and logout send every SSO call through it', async () => {
    const h = makeHome(sandbox, sessionConfig().replace('region = us-west-2\n', `region = us-west-2\nproxy_ca_bundle = ${certPath}\n`));
    const env = { ...h.env, HTTP_PROXY: proxy.url };
    const deps = { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(env) };
    proxy.seen.length = 0;

    const login = captureIO(env);
    expect(await runSso(['login', '--profile', 'dev'], login, deps), login.err()).toBe(0);
    expect(paths()).toEqual(expect.arrayContaining(['/client/register', '/token']));

    const populate = captureIO(env);
    expect(await runSso(['populate', '--profile', 'dev', '--sso-session', 'my-sso', '--dry-run'], populate, deps), populate.err()).toBe(0);
    expect(paths()).toContain('/assignment/accounts');

    const logout = captureIO(env);
    expect(await runSso(['logout', '--profile', 'dev'], logout, deps)).toBe(0);
    expect(paths()).toContain('/logout');
    h.cleanup();
  });

  it('without the profile trusting the proxy, login fails on the proxy certificate', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const env = { ...h.env, HTTP_PROXY: proxy.url };
    const io = captureIO(env);
    const status = await runSso(['login', '--profile', 'dev'], io, { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(env) });
    expect(status).not.toBe(0);
    expect(io.err()).toMatch(/SSL|certificate/i);
    h.cleanup();
  });
});
