// Opening the console as a profile's identity, against the sandbox over real HTTP: the engine finds
// the federation endpoint on 127.0.0.1 (the profile's endpoint_url), getSigninToken checks the
// session JSON against the sandbox's credentials, and the login URL lands on a page that names the
// identity. Expired, tampered and long-term credentials are refused with a message that holds no secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import type { Interaction } from '../../src/app/engine-port.js';
import { consoleSignIn, federationEndpoint, FederationError, getSigninToken, loginUrl } from '../../src/engine/console/federation.js';
import { prepareDemo, type DemoEnvironment } from '../../src/sandbox/demo.js';
import { DEMO_ACCOUNTS, MFA_ROLE_NAME, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, totp, DEMO_MFA_SEED } from '../../src/sandbox/index.js';

let demo: DemoEnvironment;
let env: NodeJS.ProcessEnv;
const destination = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#InstanceDetails:instanceId=i-0abc';
const interaction: Interaction = { mfaCode: async () => totp(DEMO_MFA_SEED), onDeviceCode: () => undefined };

beforeAll(async () => {
  demo = await prepareDemo({ baseEnv: { PATH: process.env.PATH } });
  // The endpoint comes from the profile's endpoint_url alone, not from the demo's AWS_ENDPOINT_URL.
  env = { ...demo.env };
  delete env.AWS_ENDPOINT_URL;
});
afterAll(async () => { await demo?.cleanup(); });

/** Temporary credentials of the break-glass role, as the sandbox's STS issues them. */
function breakGlassSession() {
  const prod = DEMO_ACCOUNTS.prod.accountId;
  const role = demo.sandbox.state.iamOf(prod).roles.get(MFA_ROLE_NAME)!;
  const principal = { kind: 'assumed-role' as const, accountId: prod, arn: `arn:aws:sts::${prod}:assumed-role/${MFA_ROLE_NAME}/t`, userId: `${role.RoleId}:t`, readOnly: false, mfaAuthenticated: true };
  return { principal, issue: (ttlSeconds: number) => demo.sandbox.state.issueTemporaryCredentials(principal, ttlSeconds) };
}

describe('console sign-in through the federation endpoint', () => {
  it('signs in an assumed role (MFA) and lands on a sandbox page naming that identity', async () => {
    const engine = createEngineAdapter(env);
    const signIn = await engine.consoleSignIn('prod-breakglass', 'us-east-1', destination, interaction);
    expect(signIn.federated).toBe(true);
    const url = new URL(signIn.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${demo.sandbox.url}/federation`);
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('Destination')).toBe(destination);
    expect(url.searchParams.get('Issuer')).toBe('awsdeck');
    expect(url.searchParams.get('SigninToken')).toMatch(/^[\w-]{40,}$/);
    // No credential travels in the login URL: only the token.
    expect(signIn.url).not.toMatch(/sessionKey|sessionToken|ASIA/);

    const landed = await fetch(signIn.url);
    expect(landed.url).toMatch(new RegExp(`^${demo.sandbox.url}/sandbox/console/[0-9a-f]{32}$`));
    const page = await landed.text();
    expect(page).toContain(`arn:aws:sts::${DEMO_ACCOUNTS.prod.accountId}:assumed-role/${MFA_ROLE_NAME}/demo-breakglass`);
    expect(page).toContain(destination.replace(/&/g, '&amp;'));
  });

  it('opens the page itself for long-term keys and says federation needs temporary credentials', async () => {
    const signIn = await createEngineAdapter(env).consoleSignIn('demo', 'us-east-1', destination, interaction);
    expect(signIn).toEqual({ url: destination, federated: false, note: expect.stringMatching(/long-term keys.*temporary credentials/) });
    // The endpoint itself refuses a session without a token, as AWS does.
    const session = JSON.stringify({ sessionId: SANDBOX_ACCESS_KEY_ID, sessionKey: SANDBOX_SECRET_ACCESS_KEY });
    const refused = await fetch(`${demo.sandbox.url}/federation?Action=getSigninToken&Session=${encodeURIComponent(session)}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/only temporary credentials can be federated/);
  });

  it('refuses expired and tampered sessions with a clear message that repeats no secret', async () => {
    const endpoint = `${demo.sandbox.url}/federation`;
    const { issue } = breakGlassSession();
    const expired = issue(-1);
    const stale = getSigninToken({ accessKeyId: expired.accessKeyId, secretAccessKey: expired.secretAccessKey, sessionToken: expired.sessionToken }, { endpoint });
    await expect(stale).rejects.toThrow(FederationError);
    await expect(stale).rejects.toThrow('The federation endpoint refused the credentials (HTTP 400): The session credentials have expired');

    const live = issue(3600);
    for (const tampered of [
      { accessKeyId: live.accessKeyId, secretAccessKey: `${live.secretAccessKey}x`, sessionToken: live.sessionToken },
      { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: `${live.sessionToken}x` },
      { accessKeyId: 'ASIANOSUCHKEY0000000', secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken },
    ]) {
      const error = await getSigninToken(tampered, { endpoint }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(FederationError);
      expect((error as Error).message).toBe('The federation endpoint refused the credentials (HTTP 400): The session credentials are not valid');
      expect((error as Error).message).not.toContain(live.secretAccessKey);
      expect((error as Error).message).not.toContain(live.sessionToken!);
    }
    // The good session signs in; a made-up sign-in token does not.
    const good = await consoleSignIn({ accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken }, destination, { endpoint });
    expect((await fetch(good.url)).status).toBe(200);
    const forged = await fetch(loginUrl(endpoint, 'forged-token', destination), { redirect: 'manual' });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toMatch(/sign-in token is not valid/);
  });

  it('says which endpoint it could not reach, without the session in the message', async () => {
    const { issue } = breakGlassSession();
    const live = issue(3600);
    const error = await getSigninToken({ accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey, sessionToken: live.sessionToken }, { endpoint: 'http://127.0.0.1:9/federation', timeoutMs: 2000 }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Could not reach the federation endpoint http:\/\/127\.0\.0\.1:9\/federation: /);
    expect((error as Error).message).not.toContain(live.secretAccessKey);
    expect((error as Error).message).not.toContain('Session');
  });
});

describe('federationEndpoint', () => {
  it('is the partition\'s sign-in host, or the configured endpoint\'s /federation', () => {
    expect(federationEndpoint('eu-west-1')).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('cn-north-1')).toBe('https://signin.amazonaws.cn/federation');
    expect(federationEndpoint('us-gov-west-1')).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(federationEndpoint('eu-west-1', 'http://127.0.0.1:4566/')).toBe('http://127.0.0.1:4566/federation');
  });

  it('follows AWS_ENDPOINT_URL_SIGNIN over the profile\'s endpoint_url', async () => {
    const engine = createEngineAdapter({ ...env, AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:9' });
    await expect(engine.consoleSignIn('prod-breakglass', 'us-east-1', destination, interaction)).rejects.toThrow('Could not reach the federation endpoint http://127.0.0.1:9/federation');
  });
});
