// `configure lint` on a file with every kind of finding, and `configure mfa-login` against the
// sandbox (which checks real TOTP codes): a wrong code changes nothing, the right one writes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemo } from '../../src/sandbox/demo.js';
import { DEMO_MFA_SEED, totp } from '../../src/sandbox/index.js';
import { runAwsdeck, runAwsdeckAsync } from '../support/cli.js';

describe('configure lint', () => {
  it('reports each problem with file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-lint-'));
    const config = join(dir, 'config');
    const credentials = join(dir, 'credentials');
    writeFileSync(config, [
      '[profile orphan]',            // 1
      'role_arn = arn:aws:iam::123456789012:role/r',
      'source_profile = missing',    // 3
      'region = us-east-1',
      '[profile sso-broken]',        // 5
      'sso_session = nowhere',       // 6
      'sso_account_id = 123456789012',
      'sso_role_name = Admin',
      '[profile noregion]',          // 9
      'output = json',
      '',
    ].join('\n'));
    writeFileSync(credentials, [
      '[noregion]',
      'aws_access_key_id = ASIAEXAMPLEEXAMPLE00', // 2: session key without a token
      'aws_secret_access_key = secret',
      '',
    ].join('\n'));
    const r = runAwsdeck(['configure', 'lint'], {
      PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_EC2_METADATA_DISABLED: 'true',
    });
    const out = r.stdout + r.stderr;
    expect(out).toMatch(new RegExp(`${config}:3\\b.*source_profile`));
    expect(out).toMatch(new RegExp(`${config}:6\\b.*nowhere`));
    expect(out).toMatch(new RegExp(`${config}:\\d+: warning: profile noregion: no region configured`));
    expect(out).toMatch(new RegExp(`${credentials}:2\\b.*(ASIA|session token)`, 'i'));
    expect(r.status).not.toBe(0);
  });
});

describe('configure mfa-login against the sandbox', () => {
  let demo: Awaited<ReturnType<typeof prepareDemo>>;
  beforeAll(async () => {
    demo = await prepareDemo({ baseEnv: { PATH: process.env.PATH } });
  });
  afterAll(async () => {
    await demo?.cleanup();
  });

  it('a wrong code is rejected with the service message and nothing is written', async () => {
    const credentialsPath = demo.env.AWS_SHARED_CREDENTIALS_FILE!;
    const before = readFileSync(credentialsPath, 'utf8');
    const wrong = totp(DEMO_MFA_SEED) === '000000' ? '111111' : '000000';
    const r = await runAwsdeckAsync(['configure', 'mfa-login', '--profile', 'demo', '--serial-number', demo.mfaSerial,
      '--token-code', wrong, '--update-profile', 'demo-mfa'], demo.env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/GetSessionToken/);
    expect(readFileSync(credentialsPath, 'utf8')).toBe(before);
  });

  it('the right code writes a session profile that then works', async () => {
    const r = await runAwsdeckAsync(['configure', 'mfa-login', '--profile', 'demo', '--serial-number', demo.mfaSerial,
      '--token-code', totp(DEMO_MFA_SEED), '--update-profile', 'demo-mfa'], demo.env);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const credentials = readFileSync(demo.env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8');
    expect(credentials).toMatch(/\[demo-mfa\][\s\S]*aws_session_token = /);
    const who = await runAwsdeckAsync(['sts', 'get-caller-identity', '--profile', 'demo-mfa', '--query', 'Account', '--output', 'text'], demo.env);
    expect(who.stdout).toBe('111111111111\n');
  });
});
