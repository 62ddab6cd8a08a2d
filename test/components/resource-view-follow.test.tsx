// Follow mode and the related view, driven through the whole dashboard on the fake engine: F on a
// log stream's events appends what is written while following, keeps the cursor on the last row
// when it was there, and ends with the view; v on a stack opens its events.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ResponseData } from '../../src/app/engine-port.js';
import { fakeEngine, profile } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const size = { columns: 110, rows: 26 };
type Ui = Awaited<ReturnType<typeof renderDashboard>>;

async function open(ui: Ui, command: string, title: string) {
  await ui.waitFor('valid');
  await ui.press(':', command);
  await ui.waitFor(`:${command}`);
  await ui.press(keys.enter);
  return ui.waitFor(new RegExp(`${title}\\s+\\d+ rows?`));
}

/** GetLogEvents over a stream the test writes to, with forward tokens as CloudWatch Logs gives them. */
function logStream() {
  const events: Array<{ timestamp: number; message: string }> = [];
  const requests: Array<Record<string, unknown>> = [];
  return {
    requests,
    put: (...times: number[]) => { for (const t of times) events.push({ timestamp: t, message: `event at ${t}` }); },
    answer(params: Record<string, unknown>): ResponseData {
      requests.push(params);
      const from = params.nextToken ? Number(String(params.nextToken).slice(2)) : 0;
      return { events: events.slice(from), nextForwardToken: `f/${events.length}`, nextBackwardToken: 'b/0' };
    },
  };
}

/**
 * The id of the row under the cursor, as `y` copies it (closing the "Copied" message after). The
 * cursor moves in the commit after the rows arrive, so `y` is asked again until two answers agree.
 */
async function cursorId(ui: Ui): Promise<string | undefined> {
  const deadline = Date.now() + 3000;
  let last: string | undefined;
  for (;;) {
    await ui.press('y');
    await ui.waitFor('Copied');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('Copied'));
    const now = ui.copied.at(-1);
    if (now === last || Date.now() > deadline) return now;
    last = now;
  }
}

describe('resource view: following a log stream', () => {
  it('F appends new events at the bottom, the cursor following from the last row only; leaving the view stops it', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('logs.DescribeLogGroups', [{ logGroups: [{ logGroupName: '/app/web', creationTime: 0 }] }]);
    engine.pages.set('logs.DescribeLogStreams', [{ logStreams: [{ logStreamName: 'web-1', creationTime: 0 }] }]);
    const stream = logStream();
    stream.put(1000, 2000, 3000);
    const service = engine.service.bind(engine);
    engine.service = (...args) => {
      const caller = service(...args);
      return { ...caller, call: async (operation, params) => (operation === 'GetLogEvents' ? stream.answer(params) : caller.call(operation, params)) };
    };
    const ui = await renderDashboard(engine, { size });
    await open(ui, 'logs', 'CloudWatch log groups');
    await ui.press(keys.enter);
    await ui.waitFor(/Streams of \/app\/web\s+1 row/);
    await ui.press(keys.enter);
    let frame = await ui.waitFor(/web-1\s+3 rows/);
    await ui.waitFor('F follow new events');
    expect(stream.requests[0]).toMatchObject({ logGroupName: '/app/web', logStreamName: 'web-1', startFromHead: true });

    await ui.press('G', 'F');
    await ui.waitFor('web-1 [following]');
    stream.put(4000, 5000);
    frame = await ui.waitFor(/web-1 \[following\]\s+5 rows/, 10_000);
    expect(frame.indexOf('event at 4000')).toBeLessThan(frame.indexOf('event at 5000'));
    expect(await cursorId(ui)).toBe('5000');
    // Every request after the first continues from the last forward token.
    expect(stream.requests.slice(1).every((r) => typeof r.nextToken === 'string')).toBe(true);

    // Away from the last row, new events do not move the cursor.
    await ui.press('g');
    stream.put(6000);
    await ui.waitFor(/web-1 \[following\]\s+6 rows/, 10_000);
    expect(await cursorId(ui)).toBe('1000');

    // F again stops following; going back and in again finds it off.
    await ui.press('F');
    await ui.waitFor((f) => /web-1\s+6 rows/.test(f) && !f.includes('[following]'));
    await ui.press('F', keys.escape);
    await ui.waitFor(/Streams of \/app\/web\s+1 row/);
    await ui.press(keys.enter);
    frame = await ui.waitFor(/web-1\s+6 rows/);
    expect(frame).not.toContain('[following]');
  });

  it('a failed request stops following, says why and keeps it with the recent errors', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('logs.DescribeLogGroups', [{ logGroups: [{ logGroupName: '/app/web', creationTime: 0 }] }]);
    engine.pages.set('logs.DescribeLogStreams', [{ logStreams: [{ logStreamName: 'web-1', creationTime: 0 }] }]);
    const stream = logStream();
    stream.put(1000);
    let failing = false;
    const service = engine.service.bind(engine);
    engine.service = (...args) => {
      const caller = service(...args);
      return {
        ...caller,
        call: async (operation, params) => {
          if (operation !== 'GetLogEvents') return caller.call(operation, params);
          if (failing) throw Object.assign(new Error('Rate exceeded'), { code: 'ThrottlingException' });
          return stream.answer(params);
        },
      };
    };
    const ui = await renderDashboard(engine, { size });
    await open(ui, 'logs', 'CloudWatch log groups');
    await ui.press(keys.enter);
    await ui.waitFor(/Streams of \/app\/web\s+1 row/);
    await ui.press(keys.enter);
    await ui.waitFor(/web-1\s+1 row/);
    failing = true;
    await ui.press('F');
    const frame = await ui.waitFor('Stopped following', 10_000);
    expect(frame).toContain('Rate exceeded');
    expect(ui.dashboard.errors.get().errors.map((e) => e.message).join('\n')).toContain('Rate exceeded');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('Stopped following') && !f.includes('[following]'));
  });

  it('F is offered only on a view that can be followed', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('logs.DescribeLogGroups', [{ logGroups: [{ logGroupName: '/app/web', creationTime: 0 }] }]);
    const ui = await renderDashboard(engine, { size });
    await open(ui, 'logs', 'CloudWatch log groups');
    await ui.waitFor('d details');
    expect(ui.frame()).not.toContain('follow');
    await ui.press('F');
    expect(ui.frame()).not.toContain('[following]');
  });
});

describe('resource view: a related view', () => {
  it('v on a stack opens its events; Enter opens its resources', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('cloudformation.DescribeStacks', [{ Stacks: [{ StackName: 'net', StackStatus: 'CREATE_COMPLETE', StackId: 'arn:aws:cloudformation:us-east-1:1:stack/net/1' }] }]);
    engine.pages.set('cloudformation.DescribeStackEvents', [{ StackEvents: [{ EventId: 'e1', LogicalResourceId: 'net', ResourceStatus: 'CREATE_COMPLETE', Timestamp: '2024-01-01T00:00:00Z' }] }]);
    engine.pages.set('cloudformation.ListStackResources', [{ StackResourceSummaries: [{ LogicalResourceId: 'Bucket', PhysicalResourceId: 'net-bucket', ResourceType: 'AWS::S3::Bucket', ResourceStatus: 'CREATE_COMPLETE' }] }]);
    const ui = await renderDashboard(engine, { size });
    await open(ui, 'cfn', 'CloudFormation stacks');
    await ui.waitFor('v other view of the row');
    await ui.press('v');
    await ui.waitFor(/Events of net\s+1 row/);
    expect(engine.calls.find((c) => c.operation === 'DescribeStackEvents')?.params).toEqual({ StackName: 'net' });
    await ui.press(keys.escape);
    await ui.waitFor(/CloudFormation stacks\s+1 row/);
    await ui.press(keys.enter);
    await ui.waitFor(/Resources of net\s+1 row/);
    expect(ui.frame()).toMatch(/Bucket\s+net-bucket\s+AWS::S3::Bucket/);
  });
});
