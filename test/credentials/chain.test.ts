// The credential chain without the network: order, profile isolation, errors, credential_process
// (including a hanging one), refresh windows and the CLI cache files.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assumeRoleCacheKey, RefreshableCredentials, resolveCredentials, type ClientFactory } from '../../src/engine/credentials/index.js';
import { resolveSettings } from '../../src/engine/config/index.js';

function home(config: string, credentials = '') {
  const dir = mkdtempSync(join(tmpdir(), 'awsdeck-chain-'));
  mkdirSync(join(dir, '.aws'));
  writeFileSync(join(dir, '.aws', 'config'), config);
  writeFileSync(join(dir, '.aws', 'credentials'), credentials);
  const env: Record<string, string> = { HOME: dir, AWS_CONFIG_FILE: join(dir, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, '.aws', 'credentials'), AWS_EC2_METADATA_DISABLED: 'true', PATH: process.env.PATH ?? '' };
  return { dir, env };
}

const noNetwork: ClientFactory = () => { throw new Error('no network in this test'); };

describe('credential chain', () => {
  it('env keys win under AWS_PROFILE but not under an explicit profile', async () => {
    const { env } = home('[profile p]\nregion = us-east-1\n', '[p]\naws_access_key_id = AKIAFILE\naws_secret_access_key = filesecret\n');
    const withEnv = { ...env, AWS_PROFILE: 'p', AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'envsecret', AWS_SESSION_TOKEN: 'tok' };
    const implicit = await resolveCredentials(undefined, { env: withEnv, createClient: noNetwork }).get();
    expect(implicit).toMatchObject({ accessKeyId: 'AKIAENV', sessionToken: 'tok', source: 'env' });
    const explicit = await resolveCredentials('p', { env: withEnv, createClient: noNetwork }).get();
    expect(explicit).toMatchObject({ accessKeyId: 'AKIAFILE', source: 'shared-credentials-file' });
  });

  it('credentials file before credential_process before config-file keys', async () => {
    const { env } = home('[profile c]\naws_access_key_id = AKIACONF\naws_secret_access_key = s\n[profile both]\naws_access_key_id = AKIACONF2\naws_secret_access_key = s\n', '[both]\naws_access_key_id = AKIACRED\naws_secret_access_key = t\n');
    expect(await resolveCredentials('c', { env }).get()).toMatchObject({ accessKeyId: 'AKIACONF', source: 'config-file' });
    expect(await resolveCredentials('both', { env }).get()).toMatchObject({ accessKeyId: 'AKIACRED', source: 'shared-credentials-file' });
  });

  it('errors as the CLI: partial keys, missing profile, no credentials', async () => {
    const { env } = home('[profile half]\naws_access_key_id = AKIAHALF\n');
    await expect(resolveCredentials('half', { env }).get()).rejects.toThrow('Partial credentials found in config-file, missing: aws_secret_access_key');
    await expect(resolveCredentials('nope', { env }).get()).rejects.toThrow('The config profile (nope) could not be found');
    await expect(resolveCredentials(undefined, { env }).get()).rejects.toThrow('Unable to locate credentials');
  });

  it('credential_process: version 1 JSON, expiry, bad version, hanging command', async () => {
    const { dir, env } = home('');
    const script = join(dir, 'creds.sh');
    writeFileSync(script, '#!/bin/sh\necho \'{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "p", "SessionToken": "t", "Expiration": "2999-01-01T00:00:00Z"}\'\n');
    const bad = join(dir, 'bad.sh');
    writeFileSync(bad, '#!/bin/sh\necho \'{"Version": 2}\'\n');
    const hang = join(dir, 'hang.sh');
    writeFileSync(hang, '#!/bin/sh\nsleep 30\n');
    for (const f of [script, bad, hang]) chmodSync(f, 0o755);
    writeFileSync(env.AWS_CONFIG_FILE, `[profile ok]\ncredential_process = ${script}\n[profile bad]\ncredential_process = ${bad}\n[profile hang]\ncredential_process = ${hang}\n`);
    const ok = await resolveCredentials('ok', { env }).get();
    expect(ok).toMatchObject({ accessKeyId: 'AKIAPROC', sessionToken: 't', source: 'custom-process' });
    expect(ok.expiration?.toISOString()).toBe('2999-01-01T00:00:00.000Z');
    await expect(resolveCredentials('bad', { env }).get()).rejects.toThrow("Unsupported version '2' for credential process provider, supported versions: 1");
    await expect(resolveCredentials('hang', { env, credentialProcessTimeoutMs: 300 }).get()).rejects.toThrow(/did not finish within/);
  });

  it('assume-role validation messages and loop detection', async () => {
    const { env } = home([
      '[profile both]', 'role_arn = arn:aws:iam::1:role/R', 'source_profile = a', 'credential_source = Environment',
      '[profile neither]', 'role_arn = arn:aws:iam::1:role/R',
      '[profile dangling]', 'role_arn = arn:aws:iam::1:role/R', 'source_profile = ghost',
      '[profile badsource]', 'role_arn = arn:aws:iam::1:role/R', 'credential_source = environment',
      '[profile loop1]', 'role_arn = arn:aws:iam::1:role/R', 'source_profile = loop2',
      '[profile loop2]', 'role_arn = arn:aws:iam::1:role/R', 'source_profile = loop1', '',
    ].join('\n'));
    const get = (p: string) => resolveCredentials(p, { env, createClient: noNetwork }).get();
    await expect(get('both')).rejects.toThrow('The profile "both" contains both source_profile and credential_source.');
    await expect(get('neither')).rejects.toThrow('Partial credentials found in assume-role, missing: source_profile or credential_source');
    await expect(get('dangling')).rejects.toThrow('The source_profile "ghost" referenced in the profile "dangling" does not exist.');
    await expect(get('badsource')).rejects.toThrow('The credential source "environment" referenced in profile "badsource" is not valid.');
    await expect(get('loop1')).rejects.toThrow("Infinite loop in credential configuration detected. Attempting to load from profile loop1 which has already been visited. Visited profiles: ['loop1', 'loop2']");
  });

  it('uses a valid CLI cache entry, reports and replaces a corrupt one', async () => {
    const { dir, env } = home('[profile r]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = s\n', '[s]\naws_access_key_id = AKIASRC\naws_secret_access_key = x\n');
    const cacheDir = join(dir, '.aws', 'cli', 'cache');
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `${assumeRoleCacheKey({ RoleArn: 'arn:aws:iam::123456789012:role/R' })}.json`);
    writeFileSync(file, JSON.stringify({ Credentials: { AccessKeyId: 'ASIACACHED', SecretAccessKey: 'c', SessionToken: 't', Expiration: '2999-01-01T00:00:00+00:00' } }));
    expect(await resolveCredentials('r', { env, createClient: noNetwork }).get()).toMatchObject({ accessKeyId: 'ASIACACHED', source: 'assume-role' });

    writeFileSync(file, '{not json');
    const warnings: string[] = [];
    const fake: ClientFactory = () => ({
      call: async (op) => ({
        Credentials: { AccessKeyId: 'ASIANEW', SecretAccessKey: 'n', SessionToken: 'nt', Expiration: new Date('2999-01-01T00:00:00Z') },
        AssumedRoleUser: { AssumedRoleId: 'AROA:x', Arn: 'arn:aws:sts::123456789012:assumed-role/R/x' },
        ResponseMetadata: { RequestId: 'rid', HTTPStatusCode: 200, HTTPHeaders: {}, RetryAttempts: 0 },
        op,
      }),
    });
    const creds = await resolveCredentials('r', { env, createClient: fake, warn: (m) => warnings.push(m) }).get();
    expect(creds.accessKeyId).toBe('ASIANEW');
    expect(warnings.join('\n')).toContain('is not valid JSON; it will be replaced');
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith('{"Credentials": {"AccessKeyId": "ASIANEW", "SecretAccessKey": "n", "SessionToken": "nt", "Expiration": "2999-01-01T00:00:00+00:00", "AccountId": "123456789012"}, "AssumedRoleUser": ')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('refresh windows', () => {
  it('advisory window keeps old credentials on failure; mandatory window propagates', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    let calls = 0;
    let fail = false;
    const r = new RefreshableCredentials(async () => {
      calls++;
      if (fail) throw new Error('refresh failed');
      return { accessKeyId: `K${calls}`, secretAccessKey: 's', expiration: new Date(now.getTime() + 3600_000) };
    }, () => now);
    expect((await r.get()).accessKeyId).toBe('K1');
    now = new Date(now.getTime() + 30 * 60_000); // 30 min left: no refresh
    expect((await r.get()).accessKeyId).toBe('K1');
    now = new Date(now.getTime() + 17 * 60_000); // 13 min left: advisory
    fail = true;
    expect((await r.get()).accessKeyId).toBe('K1');
    now = new Date(now.getTime() + 5 * 60_000); // 8 min left: mandatory
    await expect(r.get()).rejects.toThrow('refresh failed');
    fail = false;
    expect((await r.get()).accessKeyId).toBe('K4');
  });
});

describe('settings', () => {
  it('precedence with sources: flag > env > file; endpoint per service', () => {
    const { env } = home('[default]\nregion = us-west-2\nservices = local\nendpoint_url = http://global\n[services local]\ns3 =\n  endpoint_url = http://s3-local\n');
    const s = resolveSettings({ env });
    expect(s.region).toMatchObject({ value: 'us-west-2', source: { kind: 'file', line: 2 } });
    expect(resolveSettings({ env: { ...env, AWS_REGION: '', AWS_DEFAULT_REGION: 'x' } }).region).toEqual({ value: '', source: { kind: 'env', name: 'AWS_REGION' } });
    expect(resolveSettings({ env, region: 'eu-west-1' }).region?.source).toEqual({ kind: 'flag', flag: '--region' });
    expect(s.endpointUrlFor('s3')?.value).toBe('http://s3-local');
    expect(s.endpointUrlFor('ec2')?.value).toBe('http://global');
    expect(resolveSettings({ env: { ...env, AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: 'http://elb' } }).endpointUrlFor('elbv2')?.value).toBe('http://elb');
    expect(resolveSettings({ env: { ...env, AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc' } }).endpointUrlFor('SSO OIDC')?.value).toBe('http://oidc');
    expect(resolveSettings({ env: { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE' } }).endpointUrlFor('s3')).toBeUndefined();
    expect(() => resolveSettings({ env: { ...env, AWS_PROFILE: 'missing' } })).toThrow('The config profile (missing) could not be found');
  });
});
