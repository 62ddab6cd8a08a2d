// Differential tests: the same command line through the AWS CLI v2 (the oracle) and through
// awsdeck's bundle, against one moto server with signature checking on. stdout must be the same
// bytes and the exit code the same; for errors, stderr too (the program name aside).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type MotoServer } from '../support/moto.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAwsCli, runAwsCliV1, runAwsdeck, type RunResult } from '../support/cli.js';

let moto: MotoServer;
let env: NodeJS.ProcessEnv;
let v1Env: NodeJS.ProcessEnv;

/**
 * The oracle is the AWS CLI v2 (2.9.19 here). Its bundled models date from January 2023, so for
 * operations whose models changed since (new members, S3's non-aggregate paging keys) the oracle
 * is the AWS CLI v1 on botocore 1.43: the same formatter code with current models, told to print
 * timestamps as v2 does (`cli_timestamp_format = iso8601`).
 */
type Oracle = 'v2' | 'v1';
const both = (args: string[], oracle: Oracle = 'v2'): [RunResult, RunResult] => {
  const full = ['--endpoint-url', moto.endpoint, ...args];
  const e = oracle === 'v2' ? env : v1Env;
  return [oracle === 'v2' ? runAwsCli(full, e) : runAwsCliV1(full, e), runAwsdeck(full, e)];
};

function seed(args: string[]): string {
  const r = runAwsCli(['--endpoint-url', moto.endpoint, ...args], env);
  if (r.status !== 0) throw new Error(`seeding failed: aws ${args.join(' ')}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  moto = await startMoto();
  env = moto.env({ TZ: 'UTC' });
  const configFile = join(mkdtempSync(join(tmpdir(), 'awsdeck-diff-')), 'config');
  writeFileSync(configFile, '[default]\ncli_timestamp_format = iso8601\n');
  v1Env = { ...env, AWS_CONFIG_FILE: configFile };
  seed(['ec2', 'run-instances', '--image-id', 'ami-12c6146b', '--count', '2', '--instance-type', 't3.micro',
    '--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value=web-ü-東京},{Key=team,Value=core}]']);
  const id = JSON.parse(seed(['ec2', 'run-instances', '--image-id', 'ami-12c6146b', '--count', '1'])).Instances[0].InstanceId;
  seed(['ec2', 'stop-instances', '--instance-ids', id]);
  seed(['ec2', 'create-volume', '--availability-zone', 'us-east-1a', '--size', '8']);
  seed(['s3api', 'create-bucket', '--bucket', 'diff-bucket']);
  for (let i = 0; i < 12; i++) seed(['s3api', 'put-object', '--bucket', 'diff-bucket', '--key', `logs_${i % 2}_${i}.txt`]);
  seed(['iam', 'create-user', '--user-name', 'alice', '--tags', 'Key=team,Value=core']);
  seed(['dynamodb', 'create-table', '--table-name', 'items', '--billing-mode', 'PAY_PER_REQUEST',
    '--attribute-definitions', 'AttributeName=pk,AttributeType=S', '--key-schema', 'AttributeName=pk,KeyType=HASH']);
  for (let i = 0; i < 3; i++) seed(['dynamodb', 'put-item', '--table-name', 'items', '--item', `{"pk":{"S":"k${i}"},"n":{"N":"${i}.5"},"ok":{"BOOL":true}}`]);
  seed(['logs', 'create-log-group', '--log-group-name', '/diff/app']);
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

const formats = ['json', 'text', 'table', 'yaml'];
const successCases: Array<[string[], Oracle]> = [
  [['sts', 'get-caller-identity'], 'v2'],
  [['ec2', 'describe-instances'], 'v2'],
  [['ec2', 'describe-instances', '--filters', 'Name=instance-state-name,Values=running,pending'], 'v2'],
  [['ec2', 'describe-instances', '--query', 'Reservations[].Instances[].[InstanceId,State.Name,Tags[?Key==`Name`]|[0].Value]'], 'v2'],
  [['ec2', 'describe-regions', '--query', 'Regions[].RegionName'], 'v2'],
  [['ec2', 'describe-regions'], 'v2'],
  [['ec2', 'describe-volumes'], 'v2'],
  [['ec2', 'describe-vpcs'], 'v2'],
  [['ec2', 'describe-security-groups', '--group-names', 'default'], 'v2'],
  [['s3api', 'list-buckets'], 'v1'],
  [['s3api', 'list-objects-v2', '--bucket', 'diff-bucket'], 'v1'],
  [['s3api', 'list-objects-v2', '--bucket', 'diff-bucket', '--delimiter', '_'], 'v1'],
  [['s3api', 'list-objects-v2', '--bucket', 'diff-bucket', '--max-items', '5', '--page-size', '3'], 'v1'],
  [['s3api', 'list-objects-v2', '--bucket', 'diff-bucket', '--max-keys', '4'], 'v2'],
  [['s3api', 'list-objects-v2', '--bucket', 'diff-bucket', '--no-paginate'], 'v2'],
  [['iam', 'list-users'], 'v2'],
  [['dynamodb', 'scan', '--table-name', 'items'], 'v2'],
  [['dynamodb', 'list-tables'], 'v2'],
  [['logs', 'describe-log-groups'], 'v1'],
];

describe.each(formats)('--output %s', (format) => {
  // The AWS CLI v1 prints YAML through another library, so YAML is compared with v2 only.
  const cases = successCases.filter(([, oracle]) => format !== 'yaml' || oracle === 'v2');
  it.each(cases.map(([c, oracle]) => [`${c.join(' ')} (oracle ${oracle})`, c, oracle]))('%s', (_name, args, oracle) => {
    const [cli, ours] = both([...(args as string[]), '--output', format], oracle as Oracle);
    expect(cli.status, cli.stderr).toBe(0);
    expect(ours.stderr).toBe(cli.stderr);
    expect(ours.stdout).toBe(cli.stdout);
    expect(ours.status).toBe(0);
  });
});

describe('paging tokens are interchangeable', () => {
  it('a --max-items token from the CLI resumes in awsdeck with the same remainder', () => {
    const first = runAwsCli(['--endpoint-url', moto.endpoint, 's3api', 'list-objects-v2', '--bucket', 'diff-bucket', '--max-items', '5', '--page-size', '3'], env);
    const token = JSON.parse(first.stdout).NextToken as string;
    const [cli, ours] = both(['s3api', 'list-objects-v2', '--bucket', 'diff-bucket', '--starting-token', token], 'v1');
    expect(ours.stdout).toBe(cli.stdout);
    expect(JSON.parse(ours.stdout).Contents).toHaveLength(7);
  });
});

const errorCases: string[][] = [
  ['ec2', 'describe-instances', '--instance-ids', 'i-0123456789abcdef0'],
  ['ec2', 'stop-instances', '--instance-ids', 'i-0123456789abcdef0', '--dry-run'],
  ['s3api', 'head-object', '--bucket', 'diff-bucket', '--key', 'missing'],
  ['s3api', 'get-object', '--bucket', 'diff-bucket', '--key', 'missing', '/dev/null'],
  ['iam', 'get-user', '--user-name', 'nobody'],
  ['dynamodb', 'describe-table', '--table-name', 'missing'],
  ['sts', 'get-caller-identity', '--query', 'Account['],
  ['ec2', 'describe-instances', '--filters', 'Name=a,Values=[b'],
  ['ec2', 'describe-instances', '--filters', '{"Name": "a", '],
  ['ec2', 'describe-instances', '--no-paginate', '--max-items', '3'],
];

describe('errors print the same text with the same exit code', () => {
  it.each(errorCases.map((c) => [c.join(' '), c]))('%s', (_name, args) => {
    const [cli, ours] = both(args as string[]);
    expect(cli.status).not.toBe(0);
    expect(ours.status).toBe(cli.status);
    expect(ours.stdout).toBe(cli.stdout);
    expect(ours.stderr).toBe(cli.stderr);
  });

  it.each([
    [['ec2', 'describe-instances', '--bogus', 'x']],
    [['s3api', 'get-object', '--bucket', 'b']],
  ])('usage error %j', (args) => {
    const [cli, ours] = both(args);
    expect(ours.status).toBe(cli.status);
    expect(ours.stderr).toBe(cli.stderr.replace(/\baws\b/g, 'awsdeck'));
  });

  // The full list of valid choices depends on the model version; the framing and the
  // suggestions must match.
  it.each([
    [['ec2', 'describe-instnces']],
    [['ec2x', 'describe-instances']],
  ])('unknown name %j suggests the closest ones', (args) => {
    const [cli, ours] = both(args);
    const tail = (s: string) => s.slice(s.indexOf('maybe you meant:'));
    const head = (s: string) => s.slice(0, s.indexOf('valid choices are:'));
    expect(ours.status).toBe(252);
    expect(ours.status).toBe(cli.status);
    expect(tail(ours.stderr)).toBe(tail(cli.stderr));
    expect(head(ours.stderr)).toBe(head(cli.stderr).replace(/\baws\b/g, 'awsdeck'));
    expect(ours.stderr).toContain('maybe you meant:');
  });
});

describe('waiters', () => {
  it('wait instance-running succeeds silently for a running instance', () => {
    const id = JSON.parse(seed(['ec2', 'run-instances', '--image-id', 'ami-12c6146b', '--count', '1'])).Instances[0].InstanceId;
    const [cli, ours] = both(['ec2', 'wait', 'instance-running', '--instance-ids', id]);
    expect(cli.status).toBe(0);
    expect(ours).toEqual(cli);
  });

  it('a terminal failure state prints the waiter error like the CLI', () => {
    const id = JSON.parse(seed(['ec2', 'run-instances', '--image-id', 'ami-12c6146b', '--count', '1'])).Instances[0].InstanceId;
    seed(['ec2', 'terminate-instances', '--instance-ids', id]);
    const [cli, ours] = both(['ec2', 'wait', 'instance-running', '--instance-ids', id]);
    expect(cli.status).toBe(255);
    expect(ours.stderr).toBe(cli.stderr);
    expect(ours.status).toBe(255);
  });
});
