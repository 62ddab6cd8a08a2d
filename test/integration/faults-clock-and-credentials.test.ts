// A server whose clock is 20 minutes ahead, and role credentials the server stops honouring in the
// middle of a long listing. awsdeck corrects the first (the server's Date, then a retry signed with
// its time) and refreshes the second (a new AssumeRole, the page sent again); the AWS CLI v2 does
// neither (botocore has no skew correction and refreshes only by the expiry time it was given), so
// its runs here show the refusals awsdeck gets past, and where awsdeck cannot help (static session
// keys), both end with the same message. The role case has no CLI v2 run: 2.9 sends the AssumeRole
// of a profile to AWS's own STS whatever --endpoint-url says, and nothing here may leave the machine.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from '../../src/sandbox/index.js';
import { runAwsCliAsync, runAwsdeckAsync } from '../support/cli.js';
import { bundle } from '../support/tmux-app.js';
import { faultEnv, startFaultPair, type FaultPair } from '../support/fault-sandbox.js';

let pair: FaultPair;
beforeAll(async () => { pair = await startFaultPair(); }, 60_000);
afterAll(async () => { await pair?.close(); });

const statuses = (attempts: Array<{ status?: number }>) => attempts.map((a) => a.status);

describe('clock skew', () => {
  it('refused for its date, corrected from the server\'s Date, retried and successful; the CLI v2 stops at the refusal', async () => {
    pair.faults('*=skew:+1200');
    const { awsdeck, cli } = await pair.run(['sts', 'get-caller-identity', '--query', 'Arn', '--debug'], faultEnv(), 'GetCallerIdentity');
    expect(cli.status).toBe(254);
    expect(cli.stderr).toMatch(/An error occurred \(SignatureDoesNotMatch\) when calling the GetCallerIdentity operation: Signature expired: \d{8}T\d{6}Z is now earlier than/);
    expect(statuses(cli.attempts)).toEqual([403]);
    expect(awsdeck.status).toBe(0);
    expect(awsdeck.stdout.trim()).toBe(`"arn:aws:iam::${DEMO_ACCOUNTS.dev.accountId}:user/demo-user"`);
    expect(statuses(awsdeck.attempts)).toEqual([403, 200]);
    expect(awsdeck.stderr).toMatch(/retry 1\/2 now: the server's clock differs from ours by (1199|1200|1201) s/);
  }, 60_000);

  it.each([
    ['ec2', ['ec2', 'describe-availability-zones'], 'DescribeAvailabilityZones', [400, 200]],
    ['s3', ['s3api', 'list-buckets'], 'ListBuckets', [403, 200]],
    ['json', ['logs', 'describe-log-groups'], 'DescribeLogGroups', [400, 200]],
  ] as const)('%s: corrected and retried once (RequestExpired, RequestTimeTooSkewed, InvalidSignatureException)', async (_name, args, operation, expected) => {
    pair.faults('*=skew:-1500');
    const r = await runAwsdeckAsync(['--endpoint-url', pair.awsdeck.url, ...args], faultEnv());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statuses(pair.awsdeck.state.faults.seen.filter((s) => s.operation === operation))).toEqual(expected);
  }, 60_000);

  it('a bad signature with a right clock is not retried', async () => {
    pair.faults('sts=skew:+0');
    const r = await runAwsdeckAsync(['--endpoint-url', pair.awsdeck.url, 'sts', 'get-caller-identity'], faultEnv({ AWS_SECRET_ACCESS_KEY: 'not-the-secret' }));
    expect(r.status).toBe(254);
    expect(r.stderr).toContain('An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match');
    expect(pair.awsdeck.state.faults.seen).toHaveLength(1);
  }, 60_000);
});

describe('credentials that expire in the middle of a long listing', () => {
  const roleArn = `arn:aws:iam::${DEMO_ACCOUNTS.prod.accountId}:role/AuditReadOnly`;
  const roleProfile = (env: NodeJS.ProcessEnv) => {
    writeFileSync(env.AWS_CONFIG_FILE!, `[profile auditor]\nrole_arn = ${roleArn}\nsource_profile = keys\nregion = us-east-1\n`);
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, `[keys]\naws_access_key_id = ${SANDBOX_ACCESS_KEY_ID}\naws_secret_access_key = ${SANDBOX_SECRET_ACCESS_KEY}\n`);
    return env;
  };
  const listRoles = ['--profile', 'auditor', 'iam', 'list-roles', '--page-size', '1', '--query', 'Roles[].RoleName', '--output', 'json'];

  it('an assumed role is assumed again after each ExpiredToken and the listing goes on, no page lost or repeated', async () => {
    pair.faults('');
    const whole = await runAwsdeckAsync(['--endpoint-url', pair.awsdeck.url, ...listRoles], roleProfile(faultEnv({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' })));
    expect(whole.status).toBe(0);
    const roles = JSON.parse(whole.stdout) as string[];
    expect(roles.length).toBeGreaterThanOrEqual(5);

    // Each role session serves two pages, then is refused as expired until the client refreshes.
    pair.faults('iam:ListRoles=expire-after:2');
    const r = await runAwsdeckAsync(['--endpoint-url', pair.awsdeck.url, ...listRoles], roleProfile(faultEnv({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' })));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(roles);
    const seen = pair.awsdeck.state.faults.seen;
    const expired = seen.filter((s) => s.operation === 'ListRoles' && s.status !== 200);
    expect(expired).toHaveLength(Math.floor((roles.length - 1) / 2));
    expect(expired.every((s) => s.status === 403)).toBe(true);
    expect(seen.filter((s) => s.operation === 'ListRoles' && s.status === 200)).toHaveLength(roles.length);
    expect(seen.filter((s) => s.operation === 'AssumeRole')).toHaveLength(1 + expired.length);
  }, 60_000);

  it('a credential_process runs again after each ExpiredToken and the listing goes on', async () => {
    pair.faults('iam:ListUsers=expire-after:2');
    const env = faultEnv({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
    // The process mints session keys from the sandbox's STS with awsdeck itself, as a helper of a
    // company's sign-in tool would; each run gives new keys.
    const mint = join(env.HOME!, 'mint.mjs');
    writeFileSync(mint, `
import { execFileSync } from 'node:child_process';
const env = { PATH: process.env.PATH, HOME: ${JSON.stringify(env.HOME)}, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: '${SANDBOX_ACCESS_KEY_ID}', AWS_SECRET_ACCESS_KEY: '${SANDBOX_SECRET_ACCESS_KEY}', AWS_REGION: 'us-east-1' };
const out = JSON.parse(execFileSync(process.execPath, [${JSON.stringify(bundle)}, '--endpoint-url', '${pair.awsdeck.url}', 'sts', 'get-session-token', '--output', 'json'], { env }));
const c = out.Credentials;
console.log(JSON.stringify({ Version: 1, AccessKeyId: c.AccessKeyId, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken, Expiration: c.Expiration }));
`);
    writeFileSync(env.AWS_CONFIG_FILE!, `[profile minted]\ncredential_process = ${process.execPath} ${mint}\nregion = us-east-1\n`);
    const r = await runAwsdeckAsync(['--endpoint-url', pair.awsdeck.url, '--profile', 'minted', 'iam', 'list-users', '--page-size', '1', '--query', 'Users[].UserName', '--output', 'json'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const users = JSON.parse(r.stdout) as string[];
    expect([...users].sort()).toEqual(['ci-deployer', 'demo-user', 'zoë-analyst']);
    const seen = pair.awsdeck.state.faults.seen;
    const expired = seen.filter((s) => s.operation === 'ListUsers' && s.status !== 200);
    expect(expired).toHaveLength(1);
    expect(seen.filter((s) => s.operation === 'GetSessionToken')).toHaveLength(2);
  }, 60_000);

  it('session keys that cannot be refreshed: the same message and exit code as the CLI v2', async () => {
    pair.faults('iam:ListRoles=expire-after:1');
    const session = (sandbox: typeof pair.awsdeck) => {
      const principal = sandbox.state.accessKeys.get(SANDBOX_ACCESS_KEY_ID)!.principal;
      const key = sandbox.state.issueTemporaryCredentials(principal, 3600);
      return faultEnv({ AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey, AWS_SESSION_TOKEN: key.sessionToken! });
    };
    const args = ['iam', 'list-roles', '--page-size', '1'];
    const [awsdeck, cli] = await Promise.all([
      runAwsdeckAsync(['--endpoint-url', pair.awsdeck.url, ...args], session(pair.awsdeck)),
      runAwsCliAsync(['--endpoint-url', pair.cli.url, ...args], session(pair.cli)),
    ]);
    expect(cli.status).toBe(254);
    expect(awsdeck.status).toBe(254);
    expect(awsdeck.stderr).toBe(cli.stderr);
    expect(statuses(pair.awsdeck.state.faults.seen)).toEqual([200, 403]);
  }, 60_000);
});
