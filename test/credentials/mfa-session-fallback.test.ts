// A role with MFA on long-term keys: awsdeck opens an MFA session (GetSessionToken) and assumes the
// role with it, so one code serves every role on the device. moto (SigV4 checked) does not accept
// those session credentials for AssumeRole: awsdeck then falls back once to the CLI's way
// (AssumeRole with SerialNumber and a fresh code) and says so. The sandbox, which accepts them,
// still takes the session path with one code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import type { MfaPrompt } from '../../src/app/prompts.js';
import { createClient } from '../../src/engine/http/client.js';
import { assumeRoleCacheKey, resolveCredentials } from '../../src/engine/credentials/index.js';
import {
  startSandbox, totp, DEMO_ACCOUNTS, DEMO_MFA_SEED, DEMO_USER, MFA_ROLE_NAME, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, type Sandbox,
} from '../../src/sandbox/index.js';
import { startMoto, type MotoServer } from '../support/moto.js';
import { bundle } from '../support/tmux-app.js';

const ACCOUNT = '123456789012';
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice`;

function isolatedHome(credentials: string, config: string): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'awsdeck-mfa-fallback-'));
  mkdirSync(join(dir, '.aws'));
  writeFileSync(join(dir, '.aws', 'credentials'), credentials);
  writeFileSync(join(dir, '.aws', 'config'), config);
  return {
    dir,
    env: {
      HOME: dir, AWS_CONFIG_FILE: join(dir, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, '.aws', 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true', PATH: process.env.PATH ?? '',
    },
  };
}

describe('against moto, which refuses MFA session credentials for AssumeRole', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
    const iam = createClient({ service: 'iam', region: 'us-east-1', endpointUrl: moto.endpoint, credentials: { accessKeyId: moto.accessKeyId, secretAccessKey: moto.secretAccessKey } });
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] });
    const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    for (const role of ['One', 'Two']) {
      await iam.call('CreateRole', { RoleName: role, AssumeRolePolicyDocument: trust });
      await iam.call('PutRolePolicy', { RoleName: role, PolicyName: 'all', PolicyDocument: allowAll });
    }
  }, 60_000);
  afterAll(async () => { await moto?.stop(); });

  const home = () => isolatedHome(
    `[base]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n`,
    ['[profile base]', 'region = us-east-1',
      '[profile one]', `role_arn = arn:aws:iam::${ACCOUNT}:role/One`, 'source_profile = base', `mfa_serial = ${SERIAL}`, 'role_session_name = one',
      '[profile two]', `role_arn = arn:aws:iam::${ACCOUNT}:role/Two`, 'source_profile = base', `mfa_serial = ${SERIAL}`, ''].join('\n'),
  );

  it('falls back once to AssumeRole with SerialNumber and a fresh code, says so, and caches as the CLI does', async () => {
    const { dir, env } = home();
    const asked: string[] = [];
    const warnings: string[] = [];
    const codes = ['111111', '222222', '333333'];
    const provider = resolveCredentials('one', {
      env, region: 'us-east-1', endpointUrlFor: () => moto.endpoint,
      mfaCode: async (serial) => { asked.push(serial); return codes[asked.length - 1]!; },
      warn: (message) => warnings.push(message),
    });
    const sts = createClient({ service: 'sts', region: 'us-east-1', endpointUrl: moto.endpoint, credentials: provider.asFunction });
    expect((await sts.call('GetCallerIdentity', {})).Arn).toMatch(/assumed-role\/One\/one$/);
    // Asked twice: the first code opened the refused session, the second went with AssumeRole.
    expect(asked).toEqual([SERIAL, SERIAL]);
    expect(warnings).toEqual([`The endpoint does not accept MFA session (GetSessionToken) credentials for AssumeRole: assuming arn:aws:iam::${ACCOUNT}:role/One with SerialNumber and a new MFA code instead, as the AWS CLI does.`]);
    const key = assumeRoleCacheKey({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/One`, RoleSessionName: 'one', SerialNumber: SERIAL });
    expect(readdirSync(join(dir, '.aws', 'cli', 'cache'))).toEqual([`${key}.json`]);
    // The refused session is not kept for the next role.
    expect(existsSync(join(dir, '.aws', 'awsdeck', 'mfa-sessions'))
      ? readdirSync(join(dir, '.aws', 'awsdeck', 'mfa-sessions')) : []).toEqual([]);
  });

  it('the command line: the prompt asks again, stderr says why, stdout has the identity', () => {
    const { env } = home();
    const res = spawnSync(process.execPath, [bundle, 'sts', 'get-caller-identity', '--profile', 'two', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--query', 'Arn', '--output', 'text'],
      { env: { ...env, AWS_PAGER: '' }, encoding: 'utf8', input: '111111\n222222\n', timeout: 30_000 });
    expect(res.stdout).toMatch(/^arn:aws:sts::\d+:assumed-role\/Two\/botocore-session-\d+\n$/);
    expect(res.stderr.match(/Enter MFA code for /g)).toHaveLength(2);
    expect(res.stderr).toContain(`The endpoint does not accept MFA session (GetSessionToken) credentials for AssumeRole: assuming arn:aws:iam::${ACCOUNT}:role/Two with SerialNumber and a new MFA code instead`);
    expect(res.status).toBe(0);
  });

  it('the dashboard: the MFA prompt asks again and says why on the prompt itself', async () => {
    const { env } = home();
    const dashboard = createDashboard(createEngineAdapter({ ...env, AWS_ENDPOINT_URL: moto.endpoint }), { env });
    await dashboard.load();
    const unlocking = dashboard.unlockWithMfa('one');
    const openMfa = () => dashboard.prompts.get().open as MfaPrompt | undefined;
    await expect.poll(() => openMfa()?.kind).toBe('mfa');
    const first = openMfa()!;
    expect(first.error).toBeUndefined();
    dashboard.prompts.submit('111111');
    await expect.poll(() => openMfa() !== undefined && openMfa() !== first).toBe(true);
    expect(openMfa()!.error).toContain('The endpoint does not accept MFA session (GetSessionToken) credentials for AssumeRole');
    dashboard.prompts.submit('222222');
    await unlocking;
    expect(dashboard.profiles.get().identities.one).toMatchObject({ status: 'valid', identity: { arn: expect.stringMatching(/assumed-role\/One\/one$/) } });
  });
});

describe('against the sandbox, which accepts them', () => {
  let sandbox: Sandbox;
  beforeAll(async () => { sandbox = await startSandbox({ seed: 'demo' }); });
  afterAll(async () => { await sandbox?.close(); });

  it('one code opens the MFA session, the role is assumed with it, and nothing falls back', async () => {
    const serial = `arn:aws:iam::${DEMO_ACCOUNTS.dev.accountId}:mfa/${DEMO_USER}`;
    const { dir, env } = isolatedHome(
      `[demo]\naws_access_key_id = ${SANDBOX_ACCESS_KEY_ID}\naws_secret_access_key = ${SANDBOX_SECRET_ACCESS_KEY}\n`,
      ['[profile demo]', 'region = us-east-1',
        '[profile breakglass]', `role_arn = arn:aws:iam::${DEMO_ACCOUNTS.prod.accountId}:role/${MFA_ROLE_NAME}`, 'source_profile = demo', `mfa_serial = ${serial}`, ''].join('\n'),
    );
    const asked: string[] = [];
    const warnings: string[] = [];
    const provider = resolveCredentials('breakglass', {
      env, region: 'us-east-1', endpointUrlFor: () => sandbox.url,
      mfaCode: async (s) => { asked.push(s); return totp(DEMO_MFA_SEED); },
      warn: (message) => warnings.push(message),
    });
    const sts = createClient({ service: 'sts', region: 'us-east-1', endpointUrl: sandbox.url, credentials: provider.asFunction });
    expect((await sts.call('GetCallerIdentity', {})).Arn).toMatch(new RegExp(`assumed-role/${MFA_ROLE_NAME}/`));
    expect(asked).toEqual([serial]);
    expect(warnings).toEqual([]);
    // The session was kept: the next role on this device needs no code.
    expect(readdirSync(join(dir, '.aws', 'awsdeck', 'mfa-sessions'))).toHaveLength(1);
  });
});
