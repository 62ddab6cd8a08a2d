// Assume-role chains and MFA against a real moto server with SigV4 checking on, through the
// engine's own request client; then the AWS CLI v2.9.19 reuses the role session we cached.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/engine/http/client.js';
import { assumeRoleCacheKey, resolveCredentials, type ClientFactory } from '../../src/engine/credentials/index.js';
import { startMoto, type MotoServer } from '../support/moto.js';
import { awsCliV2Path } from '../support/aws-cli.js';

const ACCOUNT = '123456789012';
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
let moto: MotoServer;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  dir = mkdtempSync(join(tmpdir(), 'awsdeck-moto-role-'));
  mkdirSync(join(dir, '.aws'));
  writeFileSync(join(dir, '.aws', 'credentials'), `[base]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n`);
  writeFileSync(join(dir, '.aws', 'config'), [
    '[profile base]', 'region = us-east-1',
    '[profile middle]', `role_arn = arn:aws:iam::${ACCOUNT}:role/Middle`, 'source_profile = base', 'role_session_name = mid',
    '[profile top]', `role_arn = arn:aws:iam::${ACCOUNT}:role/Top`, 'source_profile = middle', `mfa_serial = ${SERIAL}`, 'external_id = ext-1',
    '[profile mfa1]', `role_arn = arn:aws:iam::${ACCOUNT}:role/One`, 'source_profile = base', `mfa_serial = ${SERIAL}`, 'role_session_name = one',
    '[profile mfa2]', `role_arn = arn:aws:iam::${ACCOUNT}:role/Two`, 'source_profile = base', `mfa_serial = ${SERIAL}`, 'duration_seconds = 1800', '',
  ].join('\n'));
  // moto authorises assumed-role sessions only for roles it knows, so create them (allow-all).
  const iam = createClient({ service: 'iam', region: 'us-east-1', endpointUrl: moto.endpoint, credentials: { accessKeyId: moto.accessKeyId, secretAccessKey: moto.secretAccessKey } });
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] });
  const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  for (const role of ['Middle', 'Top', 'One', 'Two']) {
    await iam.call('CreateRole', { RoleName: role, AssumeRolePolicyDocument: trust });
    await iam.call('PutRolePolicy', { RoleName: role, PolicyName: 'all', PolicyDocument: allowAll });
  }
  env = {
    HOME: dir, AWS_CONFIG_FILE: join(dir, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', PATH: process.env.PATH ?? '',
  };
}, 60_000);

afterAll(async () => { await moto?.stop(); });

function resolver(profile: string, codes: string[]) {
  return resolveCredentials(profile, {
    env, region: 'us-east-1', endpointUrlFor: () => moto.endpoint,
    mfaCode: async (serial) => { codes.push(serial); return '123456'; },
  });
}

async function whoAmI(profile: string, codes: string[]) {
  const sts = createClient({ service: 'sts', region: 'us-east-1', endpointUrl: moto.endpoint, credentials: resolver(profile, codes).asFunction });
  return (await sts.call('GetCallerIdentity', {})).Arn as string;
}

describe('assume role against moto (SigV4 checked)', () => {
  it('follows a two-hop chain with MFA on the last hop', async () => {
    const codes: string[] = [];
    expect(await whoAmI('top', codes)).toMatch(/assumed-role\/Top\//);
    expect(codes).toEqual([SERIAL]);
    const topKey = assumeRoleCacheKey({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Top`, ExternalId: 'ext-1', SerialNumber: SERIAL });
    expect(readdirSync(join(dir, '.aws', 'cli', 'cache'))).toContain(`${topKey}.json`);
  });

  it('one MFA code unlocks every role on the same device (recorded STS; moto rejects GetSessionToken sessions under auth)', async () => {
    const codes: string[] = [];
    const calls: Array<{ op: string; params: Record<string, unknown>; withSession: boolean }> = [];
    const fake: ClientFactory = (o) => ({
      call: async (op, params = {}) => {
        const creds = o.credentials as { sessionToken?: string };
        calls.push({ op, params, withSession: Boolean(creds?.sessionToken) });
        const exp = new Date(Date.now() + 3600_000);
        if (op === 'GetSessionToken') return { Credentials: { AccessKeyId: 'ASIASESSION', SecretAccessKey: 's', SessionToken: 'st', Expiration: exp } };
        const role = String(params.RoleArn).split('/').pop();
        return { Credentials: { AccessKeyId: `ASIA${role}`, SecretAccessKey: 'r', SessionToken: 'rt', Expiration: exp },
          AssumedRoleUser: { AssumedRoleId: 'AROA:x', Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/x` } };
      },
    });
    const get = (p: string) => resolveCredentials(p, { env, createClient: fake, mfaCode: async (s) => { codes.push(s); return '123456'; } }).get();
    expect((await get('mfa1')).accessKeyId).toBe('ASIAOne');
    expect((await get('mfa2')).accessKeyId).toBe('ASIATwo');
    expect(codes).toEqual([SERIAL]);
    expect(calls.map((c) => c.op)).toEqual(['GetSessionToken', 'AssumeRole', 'AssumeRole']);
    expect(calls[0].params).toMatchObject({ SerialNumber: SERIAL, TokenCode: '123456' });
    expect(calls.slice(1).every((c) => c.withSession && c.params.TokenCode === undefined)).toBe(true);
    // Cached under the CLI's key (with SerialNumber), so the AWS CLI finds it too.
    const key = assumeRoleCacheKey({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Two`, SerialNumber: SERIAL, DurationSeconds: 1800 });
    expect(readdirSync(join(dir, '.aws', 'cli', 'cache'))).toContain(`${key}.json`);
  });

  it('the AWS CLI v2 reuses the role session awsdeck cached (no MFA prompt)', () => {
    // 'top' was assumed from moto in the first test (two hops, MFA on the last).
    const key = assumeRoleCacheKey({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Top`, ExternalId: 'ext-1', SerialNumber: SERIAL });
    expect(existsSync(join(dir, '.aws', 'cli', 'cache', `${key}.json`))).toBe(true);
    // The CLI would prompt on the terminal for a code if it missed the cache; stdin is closed here.
    const res = spawnSync(awsCliV2Path(), ['sts', 'get-caller-identity', '--profile', 'top', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--output', 'text', '--query', 'Arn'],
      { env: { ...env, AWS_PAGER: '' }, encoding: 'utf8', input: '' });
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/assumed-role\/Top\/botocore-session-\d+\n$/);
  });
});
