// A server that accepts and never answers, and a host that does not resolve: awsdeck and the AWS CLI
// v2 side by side, with a 1 s read timeout so a hung attempt costs a second, not a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsCliAsync, runAwsdeckAsync } from '../support/cli.js';
import { faultEnv, startFaultPair, withoutEndpoint, type FaultPair } from '../support/fault-sandbox.js';

let pair: FaultPair;
beforeAll(async () => { pair = await startFaultPair(); }, 60_000);
afterAll(async () => { await pair?.close(); });

describe('a hung server', () => {
  it('one silent answer: the read timeout ends it, the retry succeeds, as the CLI v2', async () => {
    pair.faults('sts:GetCallerIdentity=hang*1');
    const { awsdeck, cli } = await pair.run(['sts', 'get-caller-identity', '--cli-read-timeout', '1', '--output', 'json'], faultEnv(), 'GetCallerIdentity');
    expect(cli.status).toBe(0);
    expect(awsdeck.status).toBe(0);
    expect(awsdeck.stdout).toBe(cli.stdout);
    expect(awsdeck.attempts.map((a) => a.status)).toEqual([undefined, 200]);
    expect(cli.attempts.map((a) => a.status)).toEqual([undefined, 200]);
  }, 60_000);

  it('silent every time: max_attempts read timeouts, then the CLI v2\'s message and exit 255', async () => {
    pair.faults('ec2:DescribeRegions=hang');
    const { awsdeck, cli } = await pair.run(['ec2', 'describe-regions', '--cli-read-timeout', '1'], faultEnv({ AWS_MAX_ATTEMPTS: '2' }), 'DescribeRegions');
    expect(cli.status).toBe(255);
    expect(awsdeck.status).toBe(255);
    expect(withoutEndpoint(cli.stderr, pair.cli).trim()).toBe('Read timeout on endpoint URL: "ENDPOINT/"');
    expect(withoutEndpoint(awsdeck.stderr, pair.awsdeck).trim()).toBe(withoutEndpoint(cli.stderr, pair.cli).trim());
    expect(awsdeck.attempts).toHaveLength(2);
    expect(cli.attempts).toHaveLength(2);
  }, 60_000);
});

describe('DNS failure', () => {
  it('a host under .invalid: retried as a connection error, then the CLI v2\'s message and exit 255', async () => {
    const endpoint = 'http://awsdeck-fault-test.invalid:4566';
    const args = ['--endpoint-url', endpoint, 'sts', 'get-caller-identity', '--debug'];
    const env = faultEnv({ AWS_MAX_ATTEMPTS: '2' });
    const [awsdeck, cli] = await Promise.all([runAwsdeckAsync(args, env), runAwsCliAsync(args, env)]);
    expect(cli.status).toBe(255);
    expect(awsdeck.status).toBe(255);
    const lastLine = (text: string) => text.trim().split('\n').pop();
    expect(lastLine(cli.stderr)).toBe(`Could not connect to the endpoint URL: "${endpoint}/"`);
    expect(lastLine(awsdeck.stderr)).toBe(lastLine(cli.stderr));
    // Attempts as each tool's --debug counts them.
    const cliSends = cli.stderr.split('\n').filter((l) => l.includes('Sending http request:')).length;
    const oursSends = awsdeck.stderr.split('\n').filter((l) => /\] send POST .* attempt=\d/.test(l)).length;
    expect(cliSends).toBe(2);
    expect(oursSends).toBe(cliSends);
  }, 60_000);
});
