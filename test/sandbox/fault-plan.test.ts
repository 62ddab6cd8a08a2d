// The fault-mode spec: targets, faults and counts as written, clear errors for a bad spec, counts
// consumed per matching request, and the admin endpoint that reads and replaces the plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultPlan, FaultSpecError, parseFaultSpec, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { parseSandboxArgs } from '../../src/sandbox/command.js';

describe('fault spec', () => {
  it('reads targets, faults and counts', () => {
    const rules = parseFaultSpec('ec2:DescribeInstances@eu-west-1=throttle*5; s3api=503*2; reset*1; *=skew:+900; iam:ListRoles=expire-after:2; logs=throttle:SlowDown; sts=slow:250');
    expect(rules.map(({ service, operation, region, kind, status, throttle, code, remaining, offsetMs, uses, delayMs }) => ({ service, operation, region, kind, status, throttle, code, remaining, offsetMs, uses, delayMs }))).toEqual([
      { service: 'ec2', operation: 'DescribeInstances', region: 'eu-west-1', kind: 'error', status: undefined, throttle: true, code: undefined, remaining: 5, offsetMs: undefined, uses: undefined, delayMs: undefined },
      { service: 's3api', operation: undefined, region: undefined, kind: 'error', status: 503, throttle: undefined, code: undefined, remaining: 2, offsetMs: undefined, uses: undefined, delayMs: undefined },
      { service: undefined, operation: undefined, region: undefined, kind: 'reset', status: undefined, throttle: undefined, code: undefined, remaining: 1, offsetMs: undefined, uses: undefined, delayMs: undefined },
      { service: undefined, operation: undefined, region: undefined, kind: 'skew', status: undefined, throttle: undefined, code: undefined, remaining: undefined, offsetMs: 900_000, uses: undefined, delayMs: undefined },
      { service: 'iam', operation: 'ListRoles', region: undefined, kind: 'expire', status: undefined, throttle: undefined, code: undefined, remaining: undefined, offsetMs: undefined, uses: 2, delayMs: undefined },
      { service: 'logs', operation: undefined, region: undefined, kind: 'error', status: undefined, throttle: true, code: 'SlowDown', remaining: undefined, offsetMs: undefined, uses: undefined, delayMs: undefined },
      { service: 'sts', operation: undefined, region: undefined, kind: 'slow', status: undefined, throttle: undefined, code: undefined, remaining: undefined, offsetMs: undefined, uses: undefined, delayMs: 250 },
    ]);
  });

  it('refuses a bad spec with a message that names the problem', () => {
    expect(() => parseFaultSpec('ec2=explode')).toThrow(/unknown fault "explode"/);
    expect(() => parseFaultSpec('skew:soon')).toThrow(/skew needs seconds/);
    expect(() => parseFaultSpec('EC2 Instances=503')).toThrow(/bad target/);
    expect(() => parseFaultSpec('503*many')).toThrow(FaultSpecError);
    expect(parseSandboxArgs(['--faults', 'ec2=explode'])).toMatch(/^invalid fault spec: unknown fault/);
    expect(parseSandboxArgs([], { AWSDECK_SANDBOX_FAULTS: 'sts=503*1' })).toMatchObject({ faults: 'sts=503*1' });
  });

  it('spends a count per matching request, first matching rule first', () => {
    const plan = new FaultPlan('ec2@eu-west-1=503*1; ec2=throttle*1');
    const take = (region: string) => plan.take(plan.arrive({ service: 'ec2', operation: 'DescribeInstances', region }))?.text;
    expect([take('us-east-1'), take('eu-west-1'), take('eu-west-1'), take('us-east-1')]).toEqual(['ec2=throttle*1', 'ec2@eu-west-1=503*1', undefined, undefined]);
    expect(plan.seen.map((r) => r.fault)).toEqual(['ec2=throttle*1', 'ec2@eu-west-1=503*1', undefined, undefined]);
  });
});

describe('/sandbox/faults', () => {
  let sandbox: Sandbox;
  beforeAll(async () => { sandbox = await startSandbox({ seed: 'empty', faults: 'sts=503*2' }); });
  afterAll(async () => { await sandbox?.close(); });

  it('shows the plan, replaces it, refuses a bad one and clears it', async () => {
    const shown = await (await fetch(`${sandbox.url}/sandbox/faults`)).json();
    expect(shown.rules).toEqual([{ rule: 'sts=503*2', hits: 0, remaining: 2 }]);
    const replaced = await fetch(`${sandbox.url}/sandbox/faults`, { method: 'POST', body: 'ec2@eu-west-1=throttle' });
    expect((await replaced.json()).rules).toEqual([{ rule: 'ec2@eu-west-1=throttle', hits: 0, remaining: null }]);
    const bad = await fetch(`${sandbox.url}/sandbox/faults`, { method: 'POST', body: 'ec2=explode' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/unknown fault/);
    expect(sandbox.state.faults.rules.map((r) => r.text)).toEqual(['ec2@eu-west-1=throttle']);
    await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' });
    expect(sandbox.state.faults.active).toBe(false);
  });
});
