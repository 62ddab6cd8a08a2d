// `--data DIR`: S3 writes and EC2 state changes survive a restart.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../src/sandbox/index.js';
import { awsJson, runAws } from './cli-helpers.js';

describe('data directory', () => {
  it('keeps objects, deletions and instance states between runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
    const first = await startSandbox({ seed: 'demo', dataDir, instanceTransitionMs: 50 });
    await awsJson(first.url, ['s3api', 'put-object', '--bucket', 'awsdeck-demo-dev-assets', '--key', 'kept.txt']);
    await awsJson(first.url, ['s3api', 'delete-object', '--bucket', 'awsdeck-demo-dev-telemetry', '--key', 'events/batch-000/event-000000.json']);
    const web = await awsJson(first.url, ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=dev-web-1']);
    const id = web.Reservations[0].Instances[0].InstanceId;
    await awsJson(first.url, ['ec2', 'stop-instances', '--instance-ids', id]);
    await first.close();

    const second = await startSandbox({ seed: 'demo', dataDir });
    try {
      expect((await runAws(second.url, ['s3api', 'head-object', '--bucket', 'awsdeck-demo-dev-assets', '--key', 'kept.txt'])).code).toBe(0);
      const listed = await awsJson(second.url, ['s3api', 'list-objects-v2', '--bucket', 'awsdeck-demo-dev-telemetry', '--max-items', '1']);
      expect(listed.Contents[0].Key).toBe('events/batch-000/event-000001.json');
      const after = await awsJson(second.url, ['ec2', 'describe-instances', '--instance-ids', id]);
      expect(after.Reservations[0].Instances[0].State.Name).toBe('stopped');
    } finally {
      await second.close();
    }
  }, 120_000); // seven AWS CLI runs: slow when the machine is busy
});
