// Row actions in a resource view, driven through the dashboard with the fake engine: DryRun first,
// a refusal explained, confirmation (typed for terminate), the call on the picked rows, the audit
// entry, the listing refreshed until the rows settle, `:stop` from the palette, read-only mode.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ResponseData } from '../../src/app/engine-port.js';
import { fakeEngine, profile, type FakeEngine } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const size = { columns: 120, rows: 40 };
const instance = (id: string, name: string, state: string) => ({ InstanceId: id, State: { Name: state }, InstanceType: 't3.micro', Tags: [{ Key: 'Name', Value: name }] });
const page = (...states: Array<[string, string, string]>): ResponseData => ({ Reservations: [{ Instances: states.map(([id, name, state]) => instance(id, name, state)) }] });
const serviceError = (code: string, message: string) => Object.assign(new Error(message), { code });
const dryRunOk = serviceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');

function engineWith(pages: Record<string, Array<ResponseData | Error>>, readOnlyProfile = false): FakeEngine {
  const engine = fakeEngine([profile('default', { isDefault: true, keys: readOnlyProfile ? [{ key: 'awsdeck_read_only', value: 'True' }] : [] })]);
  for (const [key, list] of Object.entries(pages)) engine.pages.set(key, list);
  return engine;
}

async function openInstances(ui: Awaited<ReturnType<typeof renderDashboard>>) {
  await ui.waitFor('valid');
  await ui.press(':', 'ec2');
  await ui.waitFor(':ec2');
  await ui.press(keys.enter);
  return ui.waitFor(/EC2 instances\s+\d+ rows?/);
}

const calls = (engine: FakeEngine, operation: string) => engine.calls.filter((c) => c.operation === operation).map((c) => c.params);

describe('row actions: EC2 instances', () => {
  it('space picks rows; S sends StopInstances with DryRun, asks, then stops the picked rows, logs it and refreshes until stopped', async () => {
    const engine = engineWith({
      'ec2.DescribeInstances': [page(['i-1', 'web', 'running'], ['i-2', 'db', 'running'], ['i-3', 'old', 'stopped'])],
      'ec2.StopInstances#DryRun': [dryRunOk],
      'ec2.StopInstances': [{ StoppingInstances: [], ResponseMetadata: { RequestId: 'req-42' } }],
    });
    const ui = await renderDashboard(engine, { size });
    await openInstances(ui);
    await ui.press(' ', ' ', ' ');
    await ui.waitFor('3 picked');
    // Only the first two can stop; the stopped one is left out and said so.
    engine.pages.set('ec2.DescribeInstances', [page(['i-1', 'web', 'stopping'], ['i-2', 'db', 'stopped'], ['i-3', 'old', 'stopped'])]);
    await ui.press('S');
    const confirm = await ui.waitFor('y go ahead');
    expect(confirm).toMatch(/Stop instance ×2 \(default, us-east-1\)/);
    expect(confirm).toMatch(/i-1\s+web/);
    expect(confirm).toMatch(/left out .*: i-3/);
    expect(calls(engine, 'StopInstances')).toEqual([{ InstanceIds: ['i-1', 'i-2'], DryRun: true }]);
    engine.pages.set('ec2.DescribeInstances', [page(['i-1', 'web', 'stopping'], ['i-2', 'db', 'stopped'], ['i-3', 'old', 'stopped'])]);
    await ui.press('y');
    await ui.waitFor(/i-1\s+web\s+stopping/);
    expect(calls(engine, 'StopInstances')).toEqual([{ InstanceIds: ['i-1', 'i-2'], DryRun: true }, { InstanceIds: ['i-1', 'i-2'] }]);
    expect(engine.audit).toEqual([expect.objectContaining({ profile: 'default', region: 'us-east-1', operation: 'ec2:StopInstances', resources: ['i-1', 'i-2'], requestId: 'req-42', outcome: 'ok' })]);
    expect(ui.frame()).not.toContain('picked');
    // Still stopping: listed again until it has stopped.
    engine.pages.set('ec2.DescribeInstances', [page(['i-1', 'web', 'stopped'], ['i-2', 'db', 'stopped'], ['i-3', 'old', 'stopped'])]);
    await ui.waitFor(/i-1\s+web\s+stopped/, 5000);
  });

  it('a refused DryRun says why (decoded) and changes nothing; n cancels a confirmation', async () => {
    const engine = engineWith({
      'ec2.DescribeInstances': [page(['i-1', 'web', 'running'])],
      'ec2.StopInstances#DryRun': [serviceError('UnauthorizedOperation', 'You are not authorized to perform this operation. Encoded authorization failure message: ENC123')],
      'ec2.RebootInstances#DryRun': [dryRunOk],
    });
    const ui = await renderDashboard(engine, { size });
    await openInstances(ui);
    await ui.press('S');
    const refused = await ui.waitFor('Not done: stop');
    expect(refused).toContain('You are not authorized to perform this operation.');
    expect(refused).toContain('"explicitDeny":false');
    expect(calls(engine, 'StopInstances')).toEqual([{ InstanceIds: ['i-1'], DryRun: true }]);
    await ui.press(keys.escape, 'B');
    await ui.waitFor('y go ahead');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('y go ahead'));
    expect(calls(engine, 'RebootInstances')).toEqual([{ InstanceIds: ['i-1'], DryRun: true }]);
    expect(engine.audit).toEqual([]);
  });

  it('terminate asks for the Name to be typed; a wrong text does nothing; :terminate from the palette runs it too', async () => {
    const engine = engineWith({
      'ec2.DescribeInstances': [page(['i-9', 'scratch', 'running'])],
      'ec2.TerminateInstances#DryRun': [dryRunOk],
      'ec2.TerminateInstances': [{ TerminatingInstances: [] }],
    });
    const ui = await renderDashboard(engine, { size });
    await openInstances(ui);
    await ui.press(':', 'terminate');
    await ui.waitFor(':terminate');
    await ui.press(keys.enter);
    await ui.waitFor('type scratch to confirm');
    await ui.press('scratc', keys.enter);
    expect(calls(engine, 'TerminateInstances')).toEqual([{ InstanceIds: ['i-9'], DryRun: true }]);
    await ui.press('h', keys.enter);
    await ui.waitFor(() => calls(engine, 'TerminateInstances').length === 2);
    expect(engine.audit.map((e) => e.operation)).toEqual(['ec2:TerminateInstances']);
  });

  it('a failed call is logged as an error and shown', async () => {
    const engine = engineWith({
      'ec2.DescribeInstances': [page(['i-1', 'web', 'stopped'])],
      'ec2.StartInstances#DryRun': [dryRunOk],
      'ec2.StartInstances': [Object.assign(serviceError('InsufficientInstanceCapacity', 'No capacity.'), { requestId: 'req-7' })],
    });
    const ui = await renderDashboard(engine, { size });
    await openInstances(ui);
    await ui.press('s');
    await ui.waitFor('y go ahead');
    await ui.press('y');
    await ui.waitFor('start instance failed');
    expect(engine.audit).toEqual([expect.objectContaining({ operation: 'ec2:StartInstances', outcome: 'error', requestId: 'req-7', error: 'InsufficientInstanceCapacity: No capacity.' })]);
  });

  it('read-only (awsdeck_read_only in the profile) removes the actions from keys, help and palette', async () => {
    const engine = engineWith({ 'ec2.DescribeInstances': [page(['i-1', 'web', 'running'])] }, true);
    const ui = await renderDashboard(engine, { size });
    await openInstances(ui);
    expect(ui.frame()).toContain('READ-ONLY');
    await ui.press('S', 'B');
    await ui.press('?');
    const help = await ui.waitFor('Keys (some depend');
    expect(help).not.toMatch(/stop instance|terminate instance/);
    expect(help).toContain('details (YAML/JSON)');
    await ui.press(keys.escape, ':', 'stop');
    await ui.waitFor(':stop');
    await ui.press(keys.enter);
    await ui.waitFor('not available in read-only mode');
    expect(engine.calls.filter((c) => c.service === 'ec2' && c.operation !== 'DescribeInstances')).toEqual([]);
  });
});
