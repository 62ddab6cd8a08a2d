// Retry modes and a reset in the middle of a body, injected by the sandbox's fault mode, with
// awsdeck and the AWS CLI v2 side by side: adaptive mode through a storm that passes, legacy mode
// refused as v2 refuses it, and a cut body, where awsdeck does better (the CLI v2 fails on it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsdeckAsync } from '../support/cli.js';
import { faultEnv, startFaultPair, withoutEndpoint, type FaultPair } from '../support/fault-sandbox.js';

let pair: FaultPair;
beforeAll(async () => { pair = await startFaultPair(); }, 60_000);
afterAll(async () => { await pair?.close(); });

const statuses = (attempts: Array<{ status?: number }>) => attempts.map((a) => a.status ?? 'cut');

describe('retry modes', () => {
  it('a storm that passes: adaptive mode retries through it and succeeds, as the CLI v2', async () => {
    pair.faults('s3api:ListBuckets=throttle*3');
    const { awsdeck, cli } = await pair.run(['s3api', 'list-buckets', '--query', 'Buckets[].Name'], faultEnv({ AWS_MAX_ATTEMPTS: '5', AWS_RETRY_MODE: 'adaptive' }), 'ListBuckets');
    expect(cli.status).toBe(0);
    expect(awsdeck.status).toBe(0);
    expect(awsdeck.stdout).toBe(cli.stdout);
    expect(statuses(awsdeck.attempts)).toEqual([503, 503, 503, 200]);
    expect(statuses(cli.attempts)).toEqual([503, 503, 503, 200]);
  }, 60_000);

  it('retry_mode = legacy is refused with the CLI v2\'s message', async () => {
    pair.faults('sts=throttle*1');
    const { awsdeck, cli } = await pair.run(['sts', 'get-caller-identity'], faultEnv({ AWS_RETRY_MODE: 'legacy' }), 'GetCallerIdentity');
    expect(cli.status).toBe(255);
    expect(awsdeck.status).toBe(cli.status);
    expect(awsdeck.stderr.trim()).toBe(cli.stderr.trim());
    expect(awsdeck.attempts).toHaveLength(0);
  }, 60_000);
});

describe('a reset in the middle of a body', () => {
  it('is a closed connection: retried, and the listing arrives whole', async () => {
    pair.faults('s3api:ListObjectsV2=reset*1');
    const args = ['s3api', 'list-objects-v2', '--bucket', 'awsdeck-demo-dev-assets', '--query', 'Contents[].Key', '--output', 'json'];
    const { awsdeck, cli } = await pair.run(args, faultEnv(), 'ListObjectsV2');
    expect(awsdeck.status).toBe(0);
    expect(statuses(awsdeck.attempts)).toEqual(['cut', 200]);
    expect(JSON.parse(awsdeck.stdout)).toContain('index.html');
    // The CLI v2 (2.9) takes the cut body as the whole answer and fails to parse it, without a retry.
    expect(cli.status).toBe(255);
    expect(cli.stderr).toMatch(/Unable to parse response .*invalid XML received/);
    expect(statuses(cli.attempts)).toEqual(['cut']);
    // The same JSON the CLI prints once the faults are gone.
    pair.faults('');
    const clean = await pair.run(args, faultEnv(), 'ListObjectsV2');
    expect(awsdeck.stdout).toBe(clean.cli.stdout);
  }, 60_000);

  it('a reset on every attempt ends in the closed-connection message with exit 255', async () => {
    pair.faults('sts=reset');
    const awsdeck = await runAwsdeckAsync(['--endpoint-url', pair.awsdeck.url, 'sts', 'get-caller-identity'], faultEnv({ AWS_MAX_ATTEMPTS: '2' }));
    expect(awsdeck.status).toBe(255);
    expect(withoutEndpoint(awsdeck.stderr, pair.awsdeck).trim()).toBe('Connection was closed before we received a valid response from endpoint URL: "ENDPOINT/".');
    expect(pair.awsdeck.state.faults.seen).toHaveLength(2);
  }, 60_000);
});
