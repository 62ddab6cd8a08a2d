// The AWS CLI v2 itself against the sandbox: botocore's own serializers, signers and parsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, totp, DEMO_MFA_SEED, type Sandbox } from '../../src/sandbox/index.js';
import { awsJson, isolatedEnv, runAws } from './cli-helpers.js';

let sandbox: Sandbox;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', instanceTransitionMs: 300 });
  url = sandbox.url;
});
afterAll(async () => { await sandbox?.close(); });

describe('identity', () => {
  it('sts get-caller-identity answers for the demo key', async () => {
    const out = await awsJson(url, ['sts', 'get-caller-identity']);
    expect(out).toEqual({ UserId: expect.stringMatching(/^AIDA/), Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/demo-user' });
  });

  it('rejects a wrong secret with SignatureDoesNotMatch and an unknown key with InvalidClientTokenId', async () => {
    const wrongSecret = await runAws(url, ['sts', 'get-caller-identity'], isolatedEnv({ AWS_SECRET_ACCESS_KEY: 'not-the-secret' }));
    expect(wrongSecret.code).toBe(254);
    expect(wrongSecret.stderr).toContain('(SignatureDoesNotMatch) when calling the GetCallerIdentity operation');
    const unknown = await runAws(url, ['sts', 'get-caller-identity'], isolatedEnv({ AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNUNKNOWN00' }));
    expect(unknown.code).toBe(254);
    expect(unknown.stderr).toContain('(InvalidClientTokenId)');
    const s3 = await runAws(url, ['s3api', 'list-buckets'], isolatedEnv({ AWS_SECRET_ACCESS_KEY: 'not-the-secret' }));
    expect(s3.stderr).toContain('(SignatureDoesNotMatch) when calling the ListBuckets operation');
    const ec2 = await runAws(url, ['ec2', 'describe-regions'], isolatedEnv({ AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNUNKNOWN00' }));
    expect(ec2.stderr).toContain('(AuthFailure)');
  });

  it('checks MFA codes on AssumeRole: a wrong code is refused, the current TOTP works', async () => {
    const roleArn = 'arn:aws:iam::333333333333:role/BreakGlassAdmin';
    const serial = 'arn:aws:iam::111111111111:mfa/demo-user';
    const noMfa = await runAws(url, ['sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'test']);
    expect(noMfa.stderr).toContain('(AccessDenied)');
    const current = totp(DEMO_MFA_SEED);
    const wrong = String((Number(current) + 500_000) % 1_000_000).padStart(6, '0');
    const bad = await runAws(url, ['sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'test', '--serial-number', serial, '--token-code', wrong]);
    expect(bad.code).toBe(254);
    expect(bad.stderr).toContain('MultiFactorAuthentication failed with invalid MFA one time pass code');
    const ok = await awsJson(url, ['sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'test', '--serial-number', serial, '--token-code', current]);
    expect(ok.AssumedRoleUser.Arn).toBe('arn:aws:sts::333333333333:assumed-role/BreakGlassAdmin/test');
    const asRole = isolatedEnv({ AWS_ACCESS_KEY_ID: ok.Credentials.AccessKeyId, AWS_SECRET_ACCESS_KEY: ok.Credentials.SecretAccessKey, AWS_SESSION_TOKEN: ok.Credentials.SessionToken });
    expect((await awsJson(url, ['sts', 'get-caller-identity'], asRole)).Account).toBe('333333333333');
    const badToken = await runAws(url, ['sts', 'get-caller-identity'], { ...asRole, AWS_SESSION_TOKEN: 'forged' });
    expect(badToken.stderr).toContain('(InvalidClientTokenId)');
  });
});

describe('EC2', () => {
  it('describe-instances returns seeded instances with filters and pagination', async () => {
    const all = await awsJson(url, ['ec2', 'describe-instances']);
    const instances = all.Reservations.flatMap((r: any) => r.Instances);
    expect(instances.length).toBeGreaterThanOrEqual(7);
    expect(instances.some((i: any) => i.Tags.some((t: any) => t.Value === 'données-analytiques-é'))).toBe(true);
    const running = await awsJson(url, ['ec2', 'describe-instances', '--filters', 'Name=instance-state-name,Values=running', 'Name=tag:role,Values=web']);
    const names = running.Reservations.flatMap((r: any) => r.Instances).map((i: any) => i.Tags.find((t: any) => t.Key === 'Name').Value);
    expect(names.sort()).toEqual(['dev-web-1', 'dev-web-2']);
    const paged = await awsJson(url, ['ec2', 'describe-instances', '--page-size', '5']);
    expect(paged.Reservations.flatMap((r: any) => r.Instances).length).toBe(instances.length);
    const missing = await runAws(url, ['ec2', 'describe-instances', '--instance-ids', 'i-0123456789abcdef0']);
    expect(missing.stderr).toContain("(InvalidInstanceID.NotFound) when calling the DescribeInstances operation: The instance ID 'i-0123456789abcdef0' does not exist");
  });

  it('stop-instances --dry-run answers DryRunOperation; a real stop goes stopping → stopped', async () => {
    const web = await awsJson(url, ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=dev-web-2']);
    const id = web.Reservations[0].Instances[0].InstanceId;
    const dry = await runAws(url, ['ec2', 'stop-instances', '--instance-ids', id, '--dry-run']);
    expect(dry.code).toBe(254);
    expect(dry.stderr).toContain('(DryRunOperation) when calling the StopInstances operation: Request would have succeeded, but DryRun flag is set.');
    const stop = await awsJson(url, ['ec2', 'stop-instances', '--instance-ids', id]);
    expect(stop.StoppingInstances[0]).toMatchObject({ InstanceId: id, CurrentState: { Name: 'stopping', Code: 64 }, PreviousState: { Name: 'running', Code: 16 } });
    const waited = await runAws(url, ['ec2', 'wait', 'instance-stopped', '--instance-ids', id]);
    expect(waited.code).toBe(0);
    const again = await awsJson(url, ['ec2', 'start-instances', '--instance-ids', id]);
    expect(again.StartingInstances[0].CurrentState.Name).toBe('pending');
  });

  it('a read-only role gets UnauthorizedOperation whose message DecodeAuthorizationMessage explains', async () => {
    const creds = await awsJson(url, ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::333333333333:role/AuditReadOnly', '--role-session-name', 'auditor']);
    const env = isolatedEnv({ AWS_ACCESS_KEY_ID: creds.Credentials.AccessKeyId, AWS_SECRET_ACCESS_KEY: creds.Credentials.SecretAccessKey, AWS_SESSION_TOKEN: creds.Credentials.SessionToken });
    const list = await awsJson(url, ['ec2', 'describe-instances', '--filters', 'Name=instance-state-name,Values=running'], env);
    const id = list.Reservations[0].Instances[0].InstanceId;
    const denied = await runAws(url, ['ec2', 'stop-instances', '--instance-ids', id, '--dry-run'], env);
    expect(denied.stderr).toContain('(UnauthorizedOperation)');
    const encoded = /Encoded authorization failure message: (\S+)/.exec(denied.stderr)![1]!;
    // The message is base64url and may start with '-', which argparse would take for an option without '='.
    const decoded = await awsJson(url, ['sts', 'decode-authorization-message', `--encoded-message=${encoded}`], env);
    const message = JSON.parse(decoded.DecodedMessage);
    expect(message).toMatchObject({ allowed: false, context: { action: 'ec2:StopInstances', principal: { arn: 'arn:aws:sts::333333333333:assumed-role/AuditReadOnly/auditor' } } });
    const s3 = await runAws(url, ['s3api', 'put-object', '--bucket', 'awsdeck-demo-prod-assets', '--key', 'x'], env);
    expect(s3.stderr).toContain('(AccessDenied) when calling the PutObject operation');
  });
});

describe('S3', () => {
  it('keeps an upload\'s flexible checksum, which the CLI then checks on the way down; a wrong one is BadDigest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-sandbox-checksum-'));
    writeFileSync(join(dir, 'body.txt'), 'checksummed body\n');
    const args = ['--bucket', 'awsdeck-demo-dev-assets', '--key', 'checksummed.txt'];
    const put = await awsJson(url, ['s3api', 'put-object', ...args, '--body', join(dir, 'body.txt'), '--checksum-algorithm', 'CRC32C']);
    expect(put.ChecksumCRC32C).toBe('krKcLQ==');
    const got = await awsJson(url, ['s3api', 'get-object', ...args, '--checksum-mode', 'ENABLED', join(dir, 'out.txt')]);
    expect(got.ChecksumCRC32C).toBe('krKcLQ==');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('checksummed body\n');
    const head = await awsJson(url, ['s3api', 'head-object', ...args]);
    expect(head.ChecksumCRC32C).toBeUndefined(); // only when asked for
    const wrong = await runAws(url, ['s3api', 'put-object', ...args, '--body', join(dir, 'body.txt'), '--checksum-sha256', 'WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgX=']);
    expect(wrong.code).toBe(254);
    expect(wrong.stderr).toContain('(BadDigest) when calling the PutObject operation: The SHA256 you specified did not match the calculated checksum.');
  });

  it('s3 ls lists buckets and nested prefixes', async () => {
    const buckets = await runAws(url, ['s3', 'ls']);
    expect(buckets.stdout).toMatch(/awsdeck-demo-dev-assets\n/);
    const top = await runAws(url, ['s3', 'ls', 's3://awsdeck-demo-dev-assets/docs/']);
    expect(top.stdout).toContain('PRE 2024/');
    expect(top.stdout).toContain('readme with spaces.txt');
    const missing = await runAws(url, ['s3', 'ls', 's3://no-such-bucket-here']);
    expect(missing.stderr).toContain('NoSuchBucket');
  });

  it('s3 cp uploads and downloads, small and multipart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-s3-'));
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'hello sandbox — ünïcödé\n');
    const big = join(dir, 'big.bin');
    const bigData = randomBytes(12 * 1024 * 1024);
    writeFileSync(big, bigData);
    for (const [file, key] of [[small, 'up/small file.txt'], [big, 'up/big.bin']] as const) {
      const up = await runAws(url, ['s3', 'cp', file, `s3://awsdeck-demo-dev-assets/${key}`, '--no-progress']);
      expect(up.code, up.stderr).toBe(0);
      const down = join(dir, `down-${key.split('/')[1]}`);
      const get = await runAws(url, ['s3', 'cp', `s3://awsdeck-demo-dev-assets/${key}`, down, '--no-progress']);
      expect(get.code, get.stderr).toBe(0);
      expect(readFileSync(down).equals(readFileSync(file))).toBe(true);
    }
    const head = await awsJson(url, ['s3api', 'head-object', '--bucket', 'awsdeck-demo-dev-assets', '--key', 'up/big.bin']);
    expect(head.ContentLength).toBe(bigData.length);
    expect(head.ETag).toMatch(/-2"$/);
    const ranged = await awsJson(url, ['s3api', 'get-object', '--bucket', 'awsdeck-demo-dev-assets', '--key', 'up/small file.txt', '--range', 'bytes=0-4', join(dir, 'range')]);
    expect(ranged.ContentRange).toMatch(/^bytes 0-4\//);
    expect(readFileSync(join(dir, 'range'), 'utf8')).toBe('hello');
    const nokey = await runAws(url, ['s3api', 'get-object', '--bucket', 'awsdeck-demo-dev-assets', '--key', 'nope', join(dir, 'x')]);
    expect(nokey.stderr).toContain('(NoSuchKey) when calling the GetObject operation: The specified key does not exist.');
    const rm = await runAws(url, ['s3', 'rm', 's3://awsdeck-demo-dev-assets/up/', '--recursive']);
    expect(rm.code, rm.stderr).toBe(0);
    expect((await runAws(url, ['s3', 'ls', 's3://awsdeck-demo-dev-assets/up/'])).stdout).toBe('');
  });

  it('s3api list-objects-v2 pages through 10,000 keys of the generated bucket in order', async () => {
    const out = await awsJson(url, ['s3api', 'list-objects-v2', '--bucket', 'awsdeck-demo-dev-telemetry', '--prefix', 'events/batch-00', '--query', 'Contents[].Key']);
    expect(out.length).toBe(10_000);
    expect(out[0]).toBe('events/batch-000/event-000000.json');
    expect(out[9999]).toBe('events/batch-009/event-009999.json');
    expect([...out].sort()).toEqual(out);
    const after = await awsJson(url, ['s3api', 'list-objects-v2', '--bucket', 'awsdeck-demo-dev-telemetry', '--start-after', 'events/batch-099/event-099997.json']);
    expect(after.Contents.map((c: any) => c.Key)).toEqual(['events/batch-099/event-099998.json', 'events/batch-099/event-099999.json']);
    const prefixes = await awsJson(url, ['s3api', 'list-objects-v2', '--bucket', 'awsdeck-demo-dev-telemetry', '--prefix', 'events/', '--delimiter', '/', '--page-size', '30']);
    expect(prefixes.CommonPrefixes.length).toBe(100);
  });

  it('keys come back in UTF-8 byte order, with encoding-type=url handled by botocore', async () => {
    const env = isolatedEnv();
    await awsJson(url, ['s3api', 'create-bucket', '--bucket', 'order-test'], env);
    const keys = ['a', 'Z', 'é', '\u{1F600}', '\uFF21', 'a b', 'a+b', 'a/b'];
    for (const key of keys) await awsJson(url, ['s3api', 'put-object', '--bucket', 'order-test', '--key', key], env);
    const listed = await awsJson(url, ['s3api', 'list-objects-v2', '--bucket', 'order-test', '--query', 'Contents[].Key'], env);
    const expected = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(listed).toEqual(expected);
    const rb = await runAws(url, ['s3', 'rb', 's3://order-test', '--force'], env);
    expect(rb.code, rb.stderr).toBe(0);
  });
});

describe('other services the dashboard lists', () => {
  it('iam, lambda, cloudformation and logs answer list calls', async () => {
    expect((await awsJson(url, ['iam', 'list-users'])).Users.map((u: any) => u.UserName)).toContain('demo-user');
    expect((await awsJson(url, ['iam', 'list-mfa-devices'])).MFADevices[0].SerialNumber).toBe('arn:aws:iam::111111111111:mfa/demo-user');
    expect((await awsJson(url, ['lambda', 'list-functions'])).Functions.length).toBe(3);
    expect((await awsJson(url, ['cloudformation', 'describe-stacks'])).Stacks.map((s: any) => s.StackName)).toEqual(['dev-network', 'dev-app']);
    const groups = await awsJson(url, ['logs', 'describe-log-groups']);
    // Three seeded groups and the live one the follow mode tails.
    expect(groups.logGroups.map((g: any) => g.logGroupName)).toEqual(['/aws/lambda/dev-api-handler', '/aws/lambda/dev-thumbnailer', '/dev/app/access', '/dev/app/live']);
    const events = await awsJson(url, ['logs', 'filter-log-events', '--log-group-name', '/dev/app/access', '--filter-pattern', 'ERROR']);
    expect(events.events.length).toBeGreaterThan(0);
  });

  it('bad input gets the protocol\'s error, never a hang', async () => {
    const badFilter = await runAws(url, ['ec2', 'describe-instances', '--filters', 'Name=no-such-filter,Values=x']);
    expect(badFilter.stderr).toContain("(InvalidParameterValue) when calling the DescribeInstances operation: The filter 'no-such-filter' is invalid");
    const badMax = await runAws(url, ['ec2', 'describe-instances', '--max-results', '2', '--no-paginate']);
    expect(badMax.stderr).toContain('(InvalidParameterValue)');
    const unknownStack = await runAws(url, ['cloudformation', 'describe-stacks', '--stack-name', 'nope']);
    expect(unknownStack.stderr).toContain('(ValidationError)');
    const unknownGroup = await runAws(url, ['logs', 'describe-log-streams', '--log-group-name', 'nope']);
    expect(unknownGroup.stderr).toContain('(ResourceNotFoundException)');
    const notImplemented = await runAws(url, ['ec2', 'describe-addresses']);
    expect(notImplemented.stderr).toContain('(InvalidAction)');
  });
});
