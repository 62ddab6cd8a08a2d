// SSO-OIDC and the SSO portal over plain HTTP, as the awsdeck engine and botocore drive them:
// device code approved or denied through /sandbox/approve, PKCE through the authorize page,
// refresh, bearer-token checks and logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';

beforeAll(async () => { sandbox = await startSandbox({ seed: 'demo', tokenTtlSeconds: 3600, deviceCodeTtlSeconds: 2 }); });
afterAll(async () => { await sandbox?.close(); });

async function post(path: string, body: unknown): Promise<{ status: number; type: string | null; json: any }> {
  const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), json: text ? JSON.parse(text) : undefined };
}

async function portal(path: string, token?: string) {
  const res = await fetch(`${sandbox.url}${path}`, { headers: token ? { 'x-amz-sso_bearer_token': token } : {} });
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), json: await res.json() as any };
}

async function register(extra: Record<string, unknown> = {}) {
  const res = await post('/client/register', { clientName: 'botocore-client-test', clientType: 'public', ...extra });
  expect(res.status).toBe(200);
  return res.json as { clientId: string; clientSecret: string };
}

async function deviceLogin(startUrl: string) {
  const client = await register();
  const start = await post('/device_authorization', { ...client, startUrl });
  return { client, start: start.json };
}

describe('device-code flow', () => {
  it('is pending until approved through /sandbox/approve, then yields a token once', async () => {
    const { client, start } = await deviceLogin('https://a.awsapps.com/start');
    expect(start.verificationUriComplete).toBe(`${sandbox.url}/device?user_code=${start.userCode}`);
    const pending = await post('/token', { ...client, grantType: DEVICE, deviceCode: start.deviceCode });
    expect(pending).toMatchObject({ status: 400, type: 'AuthorizationPendingException', json: { error: 'authorization_pending' } });
    const page = await (await fetch(start.verificationUriComplete)).text();
    expect(page).toContain(start.userCode);
    expect(page).toContain('botocore-client-test');
    expect((await post('/sandbox/approve', { userCode: start.userCode, allow: true })).status).toBe(200);
    const token = await post('/token', { ...client, grantType: DEVICE, deviceCode: start.deviceCode });
    expect(token.status).toBe(200);
    expect(token.json).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, accessToken: expect.any(String) });
    expect(token.json.refreshToken).toBeUndefined();
    const reused = await post('/token', { ...client, grantType: DEVICE, deviceCode: start.deviceCode });
    expect(reused).toMatchObject({ type: 'InvalidGrantException', json: { error: 'invalid_grant' } });
  });

  it('answers access_denied after Deny, slow_down when polled too fast, expired_token after expiry', async () => {
    const denied = await deviceLogin('https://a.awsapps.com/start');
    await post('/sandbox/approve', { userCode: denied.start.userCode, allow: false });
    expect(await post('/token', { ...denied.client, grantType: DEVICE, deviceCode: denied.start.deviceCode })).toMatchObject({ status: 400, type: 'AccessDeniedException', json: { error: 'access_denied' } });

    const fast = await deviceLogin('https://a.awsapps.com/start');
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await post('/token', { ...fast.client, grantType: DEVICE, deviceCode: fast.start.deviceCode })).type);
    expect(codes).toEqual(['AuthorizationPendingException', 'AuthorizationPendingException', 'SlowDownException']);

    await new Promise((r) => setTimeout(r, 2100));
    expect(await post('/token', { ...fast.client, grantType: DEVICE, deviceCode: fast.start.deviceCode })).toMatchObject({ type: 'ExpiredTokenException', json: { error: 'expired_token' } });
  });

  it('rejects a wrong client secret with invalid_client (401) and a missing field with invalid_request', async () => {
    const client = await register();
    expect(await post('/device_authorization', { clientId: client.clientId, clientSecret: 'nope', startUrl: 'https://x' })).toMatchObject({ status: 401, type: 'InvalidClientException' });
    expect(await post('/token', { clientId: client.clientId })).toMatchObject({ status: 400, type: 'InvalidRequestException', json: { error: 'invalid_request' } });
    expect((await post('/sandbox/approve', { userCode: 'ZZZZ-ZZZZ', allow: true })).status).toBe(404);
  });
});

describe('authorization code + PKCE', () => {
  it('redirects to the loopback callback with code and state, and the verifier must match', async () => {
    const client = await register({ grantTypes: ['authorization_code', 'refresh_token'], redirectUris: ['http://127.0.0.1/oauth/callback'], issuerUrl: 'https://b.awsapps.com/start', scopes: ['sso:account:access'] });
    const verifier = randomBytes(48).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://127.0.0.1:54321/oauth/callback';
    const authorize = `${sandbox.url}/authorize?response_type=code&client_id=${client.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&state=s-1&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=${challenge}`;
    const info = await (await fetch(authorize, { headers: { accept: 'application/json' } })).json() as { userCode: string; clientName: string };
    expect(info.clientName).toBe('botocore-client-test');
    const approved = await post('/sandbox/approve', { userCode: info.userCode, allow: true });
    const target = new URL(approved.json.redirect);
    expect(`${target.origin}${target.pathname}`).toBe(redirectUri);
    expect(target.searchParams.get('state')).toBe('s-1');
    const code = target.searchParams.get('code')!;
    const wrong = await post('/token', { ...client, grantType: 'authorization_code', code, redirectUri, codeVerifier: 'x'.repeat(64) });
    expect(wrong).toMatchObject({ type: 'InvalidGrantException' });
    // The code survives a failed verifier only in this sandbox; start again for a clean check.
    const page = await fetch(authorize);
    const userCode = /id="user-code">([A-Z-]+)</.exec(await page.text())![1]!;
    const form = await fetch(`${sandbox.url}/authorize/decision`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `user_code=${userCode}&decision=allow` });
    expect(form.status).toBe(302);
    const code2 = new URL(form.headers.get('location')!).searchParams.get('code')!;
    const token = await post('/token', { ...client, grantType: 'authorization_code', code: code2, redirectUri, codeVerifier: verifier });
    expect(token.status).toBe(200);
    expect(token.json.refreshToken).toEqual(expect.any(String));
    const refreshed = await post('/token', { ...client, grantType: 'refresh_token', refreshToken: token.json.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.accessToken).not.toBe(token.json.accessToken);
    expect(await post('/token', { ...client, grantType: 'refresh_token', refreshToken: 'bogus' })).toMatchObject({ type: 'InvalidGrantException' });
  });

  it('a denied authorization redirects with error=access_denied', async () => {
    const client = await register({ grantTypes: ['authorization_code'], redirectUris: ['http://127.0.0.1/oauth/callback'] });
    const url = `${sandbox.url}/authorize?response_type=code&client_id=${client.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/oauth/callback')}&state=st&code_challenge_method=S256&code_challenge=abc`;
    const info = await (await fetch(url, { headers: { accept: 'application/json' } })).json() as { userCode: string };
    const denied = await post('/sandbox/approve', { userCode: info.userCode, allow: false });
    expect(new URL(denied.json.redirect).searchParams.get('error')).toBe('access_denied');
  });
});

describe('SSO portal', () => {
  async function signedIn(startUrl: string): Promise<string> {
    const { client, start } = await deviceLogin(startUrl);
    await post('/sandbox/approve', { userCode: start.userCode, allow: true });
    return (await post('/token', { ...client, grantType: DEVICE, deviceCode: start.deviceCode })).json.accessToken;
  }

  it('lists accounts and roles with pagination and hands out working role credentials', async () => {
    const token = await signedIn('https://c.awsapps.com/start');
    const first = await portal('/assignment/accounts?max_result=2', token);
    expect(first.json.accountList.length).toBe(2);
    const second = await portal(`/assignment/accounts?max_result=2&next_token=${first.json.nextToken}`, token);
    expect(second.json.nextToken).toBeUndefined();
    const ids = [...first.json.accountList, ...second.json.accountList].map((a: any) => a.accountId);
    expect(ids).toEqual(['111111111111', '222222222222', '333333333333']);
    const roles = await portal('/assignment/roles?account_id=333333333333&max_result=1', token);
    expect(roles.json.roleList).toEqual([{ roleName: 'AdministratorAccess', accountId: '333333333333' }]);
    expect(roles.json.nextToken).toEqual(expect.any(String));
    const creds = await portal('/federation/credentials?role_name=ReadOnlyAccess&account_id=333333333333', token);
    expect(creds.json.roleCredentials).toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA/), expiration: expect.any(Number) });
    expect(creds.json.roleCredentials.expiration).toBeGreaterThan(Date.now());
    const forbidden = await portal('/federation/credentials?role_name=Nope&account_id=333333333333', token);
    expect(forbidden).toMatchObject({ status: 403, type: 'ForbiddenException' });
  });

  it('checks the bearer token and forgets it on logout', async () => {
    expect(await portal('/assignment/accounts')).toMatchObject({ status: 401, type: 'UnauthorizedException' });
    expect(await portal('/assignment/accounts', 'forged')).toMatchObject({ status: 401, type: 'UnauthorizedException' });
    const token = await signedIn('https://d.awsapps.com/start');
    const out = await fetch(`${sandbox.url}/logout`, { method: 'POST', headers: { 'x-amz-sso_bearer_token': token } });
    expect(out.status).toBe(200);
    expect(await portal('/assignment/accounts', token)).toMatchObject({ status: 401 });
  });

  it('treats each start URL as its own instance', async () => {
    await signedIn('https://e.awsapps.com/start');
    await signedIn('https://f.awsapps.com/start');
    expect(sandbox.state.sso.instances.has('https://e.awsapps.com/start')).toBe(true);
    expect(sandbox.state.sso.instanceFor('https://e.awsapps.com/start')).not.toBe(sandbox.state.sso.instanceFor('https://f.awsapps.com/start'));
  });
});
