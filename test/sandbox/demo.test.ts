// prepareDemo: a throw-away AWS config folder aimed at an in-process sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDemo, type DemoEnvironment } from '../../src/sandbox/demo.js';
import { runAws } from './cli-helpers.js';

let demo: DemoEnvironment;
beforeAll(async () => { demo = await prepareDemo({ baseEnv: { PATH: process.env.PATH, AWS_PROFILE: 'real-account', AWS_ACCESS_KEY_ID: 'AKIAREAL' } }); });
afterAll(async () => { await demo?.cleanup(); });

describe('prepareDemo', () => {
  it('writes profiles for every account and role, a static key, an MFA assume-role and read-only prod', () => {
    const config = readFileSync(demo.env.AWS_CONFIG_FILE!, 'utf8');
    for (const profile of ['dev-admin', 'dev-readonly', 'staging-admin', 'staging-readonly', 'prod-admin', 'prod-readonly', 'demo', 'prod-breakglass']) {
      expect(config).toContain(`[profile ${profile}]`);
    }
    expect(config).toContain('[sso-session demo]');
    expect(config).toContain(`endpoint_url = ${demo.sandbox.url}`);
    expect(config).toMatch(/mfa_serial = arn:aws:iam::111111111111:mfa\/demo-user/);
    expect(readFileSync(demo.env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8')).toContain('[demo]');
    expect(demo.env).toMatchObject({ HOME: demo.dir, AWS_ENDPOINT_URL: demo.sandbox.url, AWS_PROFILE: 'demo', AWS_EC2_METADATA_DISABLED: 'true' });
    expect(demo.env.AWS_ACCESS_KEY_ID).toBeUndefined();
    expect(existsSync(join(demo.dir, '.aws', 'sso', 'cache'))).toBe(true);
    expect(demo.mfaHint()).toMatch(/^\d{6}$/);
  });

  // Only the static profile: AWS CLI 2.9.19 ignores endpoint_url in config, so its assume-role
  // and SSO providers would call the real STS/portal endpoints, which a test must never do.
  it('lets the AWS CLI use the static profile, and the MFA hint opens the break-glass role', async () => {
    const env = { ...demo.env };
    const me = await runAws(demo.sandbox.url, ['sts', 'get-caller-identity', '--output', 'json'], env);
    expect(me.code, me.stderr).toBe(0);
    expect(JSON.parse(me.stdout).Arn).toBe('arn:aws:iam::111111111111:user/demo-user');
    const role = await runAws(demo.sandbox.url, ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::333333333333:role/BreakGlassAdmin', '--role-session-name', 'demo', '--serial-number', demo.mfaSerial, '--token-code', demo.mfaHint(), '--output', 'json'], env);
    expect(role.code, role.stderr).toBe(0);
  });

  it('removes everything on cleanup', async () => {
    const other = await prepareDemo();
    await other.cleanup();
    expect(existsSync(other.dir)).toBe(false);
    await expect(fetch(`${other.sandbox.url}/sandbox/health`)).rejects.toThrow();
  });
});
