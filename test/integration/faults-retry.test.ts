// 500/503 bursts and throttling storms, injected by the sandbox's fault mode, with awsdeck and the
// AWS CLI v2 side by side (each against its own sandbox with the same faults): the same attempts,
// the same output, the same message and exit code when the retries run out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultEnv, startFaultPair, type FaultPair } from '../support/fault-sandbox.js';

let pair: FaultPair;
beforeAll(async () => { pair = await startFaultPair(); }, 60_000);
afterAll(async () => { await pair?.close(); });

const statuses = (attempts: Array<{ status?: number }>) => attempts.map((a) => a.status ?? 'cut');

describe('5xx bursts', () => {
  it('a 503 burst shorter than max_attempts is retried and succeeds, as the CLI v2', async () => {
    pair.faults('sts:GetCallerIdentity=503*2');
    const { awsdeck, cli } = await pair.run(['sts', 'get-caller-identity', '--output', 'json'], faultEnv(), 'GetCallerIdentity');
    expect(cli.status).toBe(0);
    expect(awsdeck.status).toBe(0);
    expect(awsdeck.stdout).toBe(cli.stdout);
    expect(statuses(cli.attempts)).toEqual([503, 503, 200]);
    expect(statuses(awsdeck.attempts)).toEqual(statuses(cli.attempts));
  }, 60_000);

  it('a 500 burst longer than max_attempts ends in the CLI v2\'s message and exit code', async () => {
    pair.faults('ec2:DescribeRegions@us-east-1=500');
    const { awsdeck, cli } = await pair.run(['ec2', 'describe-regions'], faultEnv({ AWS_MAX_ATTEMPTS: '2' }), 'DescribeRegions');
    expect(cli.status).toBe(254);
    expect(cli.stderr).toContain('An error occurred (InternalError) when calling the DescribeRegions operation (reached max retries: 1)');
    expect(awsdeck.status).toBe(cli.status);
    expect(awsdeck.stderr).toBe(cli.stderr);
    expect(statuses(awsdeck.attempts)).toEqual([500, 500]);
    expect(statuses(cli.attempts)).toEqual([500, 500]);
  }, 60_000);
});

describe('throttling storms', () => {
  // Each protocol's own throttling answer: Query Throttling (400), EC2 RequestLimitExceeded and
  // S3 SlowDown (503), JSON ThrottlingException (400), and a plain 429 TooManyRequestsException.
  const storms: Array<[string, string[], string, string]> = [
    ['sts=throttle', ['sts', 'get-caller-identity'], 'GetCallerIdentity', 'Throttling'],
    ['ec2=throttle', ['ec2', 'describe-availability-zones'], 'DescribeAvailabilityZones', 'RequestLimitExceeded'],
    ['s3api=throttle', ['s3api', 'list-buckets'], 'ListBuckets', 'SlowDown'],
    ['logs=throttle', ['logs', 'describe-log-groups'], 'DescribeLogGroups', 'ThrottlingException'],
    ['lambda=429', ['lambda', 'list-functions'], 'ListFunctions', 'TooManyRequestsException'],
  ];

  it.each(storms)('%s: retried up to max_attempts, then the same message and exit code as the CLI v2', async (spec, args, operation, code) => {
    pair.faults(spec);
    const { awsdeck, cli } = await pair.run([...args, '--output', 'json'], faultEnv({ AWS_MAX_ATTEMPTS: '3' }), operation);
    expect(cli.status).toBe(254);
    expect(cli.stderr).toContain(`An error occurred (${code}) when calling the ${operation} operation (reached max retries: 2)`);
    expect(awsdeck.status).toBe(254);
    expect(awsdeck.stderr).toBe(cli.stderr);
    expect(awsdeck.attempts).toHaveLength(3);
    expect(cli.attempts).toHaveLength(3);
  }, 60_000);
});
