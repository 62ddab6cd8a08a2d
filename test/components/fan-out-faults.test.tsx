// The dashboard under faults, through the real engine adapter against the sandbox in fault mode:
// `:ec2 all` with some regions throttled keeps a bounded number of regions in flight, retries the
// throttled ones within max_attempts, and ends with every region either shown or one failed line;
// R that hangs or fails keeps the rows already loaded and the cursor still moves.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { startSandbox, type FaultRecord, type Sandbox } from '../../src/sandbox/index.js';
import { demoConfig, demoCredentials } from '../../src/sandbox/demo.js';
import { keys, renderDashboard } from './harness.js';

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-fanout-faults-'));
  env = { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '2', NO_COLOR: '1' };
  writeFileSync(env.AWS_CONFIG_FILE!, demoConfig(sandbox.url, 'us-east-1'));
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, demoCredentials());
}, 60_000);
afterAll(async () => { await sandbox?.close(); });
afterEach(() => cleanup());

const size = { columns: 140, rows: 40 };

/** The most requests that were at the server at the same moment. */
function mostAtOnce(records: FaultRecord[]): number {
  const edges = records.flatMap((r) => [[r.at, 1], [r.doneAt ?? Infinity, -1]] as Array<[number, number]>).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (now += step));
  return most;
}

describe(':ec2 all against a throttling sandbox', () => {
  it('bounded regions in flight, throttled regions retried within max_attempts, each region shown or one failed line', async () => {
    sandbox.state.faults.set([
      'ec2:DescribeInstances=slow:150',
      'ec2:DescribeInstances@eu-west-1=throttle*1',
      'ec2:DescribeInstances@us-west-2=503*1',
      'ec2:DescribeInstances@ap-south-1=throttle',
      'ec2:DescribeInstances@sa-east-1=throttle:Throttling',
    ].join(';'));
    const ui = await renderDashboard(createEngineAdapter(env), { env, size });
    await ui.waitFor('valid', 15_000);
    await ui.press(':', 'ec2 all');
    await ui.waitFor(':ec2 all');
    await ui.press(keys.enter);
    const frame = await ui.waitFor(/EC2 instances\s+\d+ rows · \d+ pages in \d+ regions/, 30_000);

    const regions = Number(/pages in (\d+) regions/.exec(frame)![1]);
    const listed = sandbox.state.faults.seen.filter((r) => r.operation === 'DescribeInstances');
    const attempts = (region: string) => listed.filter((r) => r.region === region).map((r) => r.status);
    expect(new Set(listed.map((r) => r.region)).size).toBe(regions);
    // Throttled or failing once: retried and shown. Throttled every time: max_attempts (2), then one line.
    expect(attempts('eu-west-1')).toEqual([503, 200]);
    expect(attempts('us-west-2')).toEqual([503, 200]);
    expect(attempts('ap-south-1')).toEqual([503, 503]);
    expect(attempts('sa-east-1')).toEqual([400, 400]);
    expect(frame).toMatch(/^ap-south-1: Request limit exceeded\. \(throttled after retries: R tries again\)$/m);
    expect(frame).toMatch(/^sa-east-1: Rate exceeded \(throttled after retries: R tries again\)$/m);
    expect(frame).toMatch(/^eu-west-1\s+i-/m);
    // Every other region answered at once, exactly one request each.
    for (const region of new Set(listed.map((r) => r.region))) {
      if (!['eu-west-1', 'us-west-2', 'ap-south-1', 'sa-east-1'].includes(region)) expect(attempts(region), region).toEqual([200]);
    }
    // At most six regions open at once (and more than one: they do run side by side).
    const most = mostAtOnce(listed);
    expect(most).toBeLessThanOrEqual(6);
    expect(most).toBeGreaterThan(1);
  }, 60_000);
});

describe('R under faults keeps what was loaded', () => {
  it('a hung reload leaves the rows and the cursor moving; a throttled reload fails with the rows still shown', async () => {
    sandbox.state.faults.set('');
    const ui = await renderDashboard(createEngineAdapter(env), { env, size });
    await ui.waitFor('valid', 15_000);
    await ui.press(':', 'ec2');
    await ui.waitFor(':ec2');
    await ui.press(keys.enter);
    const loaded = await ui.waitFor(/EC2 instances\s+\d+ rows · 1 page/, 15_000);
    const rows = Number(/EC2 instances\s+(\d+) rows/.exec(loaded)![1]);
    expect(rows).toBeGreaterThan(2);

    // The endpoint stops answering: the reload waits, the rows stay, j and y still work.
    sandbox.state.faults.set('ec2:DescribeInstances=hang');
    await ui.press('R');
    await ui.waitFor(new RegExp(`EC2 instances\\s+${rows} rows · loading…`));
    await ui.waitFor(() => sandbox.state.faults.seen.some((r) => r.operation === 'DescribeInstances'));
    await ui.press('g', 'j', 'y');
    await ui.waitFor('is on the clipboard');
    const second = ui.copied[0];
    await ui.press(keys.enter);
    await ui.press('k', 'y');
    await ui.waitFor(() => ui.copied.length === 2);
    expect(ui.copied[1]).not.toBe(second);
    await ui.press(keys.enter);

    // Throttled on every attempt: the reload fails, says so, and the earlier rows are still there.
    sandbox.state.faults.set('ec2:DescribeInstances=throttle');
    await ui.press('R');
    const failed = await ui.waitFor(/Throttled|Request limit exceeded/, 15_000);
    expect(failed).toMatch(new RegExp(`EC2 instances\\s+${rows} rows · failed`));
    expect(sandbox.state.faults.seen.filter((r) => r.operation === 'DescribeInstances')).toHaveLength(2);
    await ui.press('G', 'y');
    await ui.waitFor(() => ui.copied.length === 3);
    expect(ui.copied[2]).toMatch(/^i-/);
  }, 60_000);
});
