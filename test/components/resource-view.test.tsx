// The resource browser driven through the whole dashboard on the fake engine: palette → view →
// filter, sort, detail, drill-down, flat mode, query bar, show as CLI, copy, errors, SSO sign-in
// and a long stream of pages. Every step waits for what it expects on screen.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { resourceViews } from '../../services/index.js';
import type { ResponseData } from '../../src/app/engine-port.js';
import { fakeEngine, profile, type FakeEngine } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const size = { columns: 110, rows: 26 };
const ctrlQ = '\x11';
const ctrlX = '\x18';

type Ui = Awaited<ReturnType<typeof renderDashboard>>;

const instance = (id: string, name: string, state: string, extra: Record<string, unknown> = {}) => ({
  InstanceId: id, State: { Name: state }, InstanceType: 't3.micro', Placement: { AvailabilityZone: 'us-east-1a' },
  Tags: [{ Key: 'Name', Value: name }], ...extra,
});

/** Three instances over two pages, listed out of name order. */
const instancePages = (): ResponseData[] => [
  { Reservations: [{ Instances: [instance('i-0003', 'web-b', 'running', { PrivateIpAddress: '10.0.0.3' }), instance('i-0001', 'db', 'stopped')] }], NextToken: 't' },
  { Reservations: [{ Instances: [instance('i-0002', 'web-a', 'running')] }] },
];

function engineWith(pages: Record<string, Array<ResponseData | Error>>, profiles = [profile('default', { isDefault: true })]): FakeEngine {
  const engine = fakeEngine(profiles);
  for (const [key, list] of Object.entries(pages)) engine.pages.set(key, list);
  return engine;
}

/** Opens a view from the palette and waits for its title line. */
async function open(ui: Ui, command: string, title: string) {
  await ui.waitFor('valid');
  await ui.press(':', command);
  await ui.waitFor(`:${command}`);
  await ui.press(keys.enter);
  return ui.waitFor(new RegExp(`${title}\\s+\\d+(/\\d+)? rows?`));
}

/** Lines of the frame between the table header (starting with `header`) and the footer, trimmed. */
function tableLines(frame: string, header: string): string[] {
  const lines = frame.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  return lines.slice(start + 1).map((l) => l.trimEnd()).filter((l) => /^\S/.test(l) && !/^(⏎|t YAML|\/)/.test(l));
}

const rowOrder = (frame: string) => tableLines(frame, 'Instance').map((l) => l.split(/\s+/)[0]).filter((w) => w.startsWith('i-'));

describe('palette: models prepared while typing', () => {
  it('opening the palette loads each view service\'s model once, before Enter needs it', async () => {
    const engine = engineWith({ 'ec2.DescribeInstances': instancePages() });
    const ui = await renderDashboard(engine, { size });
    await ui.waitFor('valid');
    expect(engine.prepared).toEqual([]);
    const services = [...new Set(resourceViews.map((v) => v.service))];
    expect(services.slice(0, 2)).toEqual(['ec2', 's3api']);
    await ui.press(':');
    await ui.waitFor(() => engine.prepared.length === services.length);
    expect(engine.prepared).toEqual(services);
    await ui.press(keys.escape, ':');
    // Nothing to wait for when nothing should happen: give a second round the time the first took.
    await new Promise((r) => setTimeout(r, 50 + 10 * services.length));
    expect(engine.prepared).toEqual(services);
  });
});

describe('resource view: EC2 instances', () => {
  it(':ec2 then Enter lists the instances of every page, calling DescribeInstances with the profile and region', async () => {
    const engine = engineWith({ 'ec2.DescribeInstances': instancePages() });
    const ui = await renderDashboard(engine, { size });
    const frame = await open(ui, 'ec2', 'EC2 instances');
    await ui.waitFor(/EC2 instances\s+3 rows · 2 pages/);
    expect(ui.frame()).toMatch(/i-0003\s+web-b\s+running\s+t3\.micro\s+us-east-1a\s+10\.0\.0\.3/);
    expect(ui.frame()).toMatch(/i-0001\s+db\s+stopped/);
    expect(ui.frame()).toMatch(/i-0002\s+web-a\s+running/);
    expect(frame).toContain('default › us-east-1 › EC2 instances');
    expect(engine.calls.filter((c) => c.operation === 'DescribeInstances')).toEqual([
      { profile: 'default', region: 'us-east-1', service: 'ec2', operation: 'DescribeInstances', params: {} },
    ]);
  });

  it('/ filters as you type and shows shown/total; Esc clears the filter first, then goes back', async () => {
    const ui = await renderDashboard(engineWith({ 'ec2.DescribeInstances': instancePages() }), { size });
    await open(ui, 'ec2', 'EC2 instances');
    await ui.waitFor(/3 rows · 2 pages/);
    await ui.press('/', 'WEB');
    let frame = await ui.waitFor(/EC2 instances\s+2\/3 rows/);
    expect(rowOrder(frame)).toEqual(['i-0003', 'i-0002']);
    await ui.press(keys.enter);
    // A column filter: only the State column.
    await ui.press('/', keys.backspace, keys.backspace, keys.backspace, 'state:stop', keys.enter);
    frame = await ui.waitFor(/EC2 instances\s+1\/3 rows/);
    expect(rowOrder(frame)).toEqual(['i-0001']);
    await ui.press(keys.escape);
    frame = await ui.waitFor(/EC2 instances\s+3 rows/);
    expect(frame).toContain('default › us-east-1 › EC2 instances');
    await ui.press(keys.escape);
    await ui.waitFor((f) => f.includes('PROFILE') && !f.includes('EC2 instances'));
  });

  it('1 and 2 sort by the first and second column: ascending, descending, then listed order', async () => {
    const ui = await renderDashboard(engineWith({ 'ec2.DescribeInstances': instancePages() }), { size });
    await open(ui, 'ec2', 'EC2 instances');
    await ui.waitFor(/3 rows · 2 pages/);
    expect(rowOrder(ui.frame())).toEqual(['i-0003', 'i-0001', 'i-0002']);
    const sorted = async (key: string, order: string[]) => {
      await ui.press(key);
      await ui.waitFor((f) => JSON.stringify(rowOrder(f)) === JSON.stringify(order));
    };
    await sorted('2', ['i-0001', 'i-0002', 'i-0003']); // db, web-a, web-b
    await sorted('2', ['i-0003', 'i-0002', 'i-0001']);
    await sorted('2', ['i-0003', 'i-0001', 'i-0002']);
    await sorted('1', ['i-0001', 'i-0002', 'i-0003']);
    await sorted('1', ['i-0003', 'i-0002', 'i-0001']);
  });

  it('d opens the row as YAML, t switches to JSON, / searches inside; Esc clears the search, then goes back', async () => {
    const ui = await renderDashboard(engineWith({ 'ec2.DescribeInstances': instancePages() }), { size });
    await open(ui, 'ec2', 'EC2 instances');
    await ui.waitFor(/3 rows · 2 pages/);
    await ui.press('j', 'd');
    let frame = await ui.waitFor('InstanceId: i-0001');
    expect(frame).toMatch(/i-0001\s+YAML · \d+ lines/);
    expect(frame).toContain('default › us-east-1 › EC2 instances › i-0001');
    expect(frame).toMatch(/^State:\n {2}Name: stopped$/m);
    expect(frame).toContain('console: https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#InstanceDetails:instanceId=i-0001');
    await ui.press('t');
    frame = await ui.waitFor('"InstanceId": "i-0001"');
    expect(frame).toMatch(/i-0001\s+JSON · \d+ lines/);
    expect(frame).not.toContain('InstanceId: i-0001');
    await ui.press('/', 'us-east', keys.enter);
    frame = await ui.waitFor('/us-east  n/N next/previous');
    expect(frame).toMatch(/JSON · \d+ lines\s+match 1\/1/);
    await ui.press('/', keys.backspace.repeat(7), 'value', keys.enter);
    await ui.waitFor('/value  n/N');
    // "Value" is on one line of the JSON (the Name tag).
    expect(ui.frame()).toMatch(/match 1\/1/);
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('n/N next/previous') && f.includes('"InstanceId": "i-0001"'));
    await ui.press(keys.escape);
    await ui.waitFor(/EC2 instances\s+3 rows/);
  });

  it('y copies the selected id; c shows the aws … line and copies it', async () => {
    const ui = await renderDashboard(engineWith({ 'ec2.DescribeInstances': instancePages() }), { size });
    await open(ui, 'ec2', 'EC2 instances');
    await ui.waitFor(/3 rows · 2 pages/);
    await ui.press('j', 'j', 'y');
    await ui.waitFor('id i-0002 is on the clipboard');
    expect(ui.copied).toEqual(['i-0002']);
    await ui.press(keys.enter);
    await ui.waitFor((f) => !f.includes('is on the clipboard'));
    await ui.press('c');
    const frame = await ui.waitFor('Show as CLI');
    expect(frame).toContain('aws ec2 describe-instances --region us-east-1 --profile default --query');
    expect(ui.copied[1]).toMatch(/^aws ec2 describe-instances --region us-east-1 --profile default --query 'Reservations\[\]\.Instances\[\]\.\[InstanceId, .*\]' --output text$/);
  });

  it('Ctrl-q runs a query over the listing: a projection becomes the columns; a syntax error shows the caret', async () => {
    const engine = engineWith({ 'ec2.DescribeInstances': [{ Reservations: [{ Instances: instancePages().flatMap((p) => (p.Reservations as Array<{ Instances: unknown[] }>)[0].Instances) }] }] });
    const ui = await renderDashboard(engine, { size });
    await open(ui, 'ec2', 'EC2 instances');
    await ui.waitFor(/3 rows · 1 page/);
    await ui.press(ctrlQ);
    await ui.waitFor(/^query\s*$/m);
    await ui.press('Reservations[].[a,');
    let frame = await ui.waitFor((f) => f.includes('query Reservations[].[a,') && f.includes('Incomplete expression'));
    // The caret sits under the end of the expression: "query " + 18 characters.
    expect(frame).toMatch(new RegExp(`^ {${'query '.length + 18}}\\^ Invalid jmespath expression: Incomplete expression:`, 'm'));
    await ui.press(keys.backspace.repeat('Reservations[].[a,'.length), 'Reservations[].Instances[].[InstanceId, State.Name]');
    frame = await ui.waitFor(/^InstanceId\s+State\.Name\s*$/m);
    expect(frame).toMatch(/^i-0003\s+running\s*$/m);
    expect(frame).toMatch(/^i-0001\s+stopped\s*$/m);
    expect(frame).not.toMatch(/^Instance\s+Name/m);
    await ui.press(keys.enter);
    frame = await ui.waitFor(/query: Reservations\[\]\.Instances\[\]\.\[InstanceId, State\.Name\]/);
    // Sorting and copying work on the query's columns: State.Name descending puts the stopped one first.
    await ui.press('2', '2', 'y');
    await ui.waitFor('id i-0001 is on the clipboard');
    expect(ui.copied).toEqual(['i-0001']);
    await ui.press(keys.enter);
    // Esc drops the query (the descriptor's columns are back), then goes back.
    await ui.press(keys.escape);
    frame = await ui.waitFor((f) => !f.includes('query:') && /^Instance\s+Name\s+State/m.test(f));
    await ui.press(keys.escape);
    await ui.waitFor((f) => f.includes('PROFILE') && !f.includes('EC2 instances'));
  });

  it('a query that is not a list opens as a detail', async () => {
    // One page: the fake engine gives no paginator result keys to merge several pages with.
    const ui = await renderDashboard(engineWith({ 'ec2.DescribeInstances': [{ Reservations: [...instancePages()[0].Reservations as unknown[], ...instancePages()[1].Reservations as unknown[]] }] }), { size });
    await open(ui, 'ec2', 'EC2 instances');
    await ui.waitFor(/3 rows · 1 page/);
    await ui.press(ctrlQ, 'length(Reservations[].Instances[])', keys.enter);
    const frame = await ui.waitFor(/query length\(Reservations\[\]\.Instances\[\]\)\s+YAML · 1 lines/);
    expect(frame).toMatch(/^3$/m);
  });

  it('shows an AccessDenied listing as the problem and what to do, in place of the table', async () => {
    const denied = Object.assign(new Error('You are not authorized to perform this operation.'), { code: 'UnauthorizedOperation', statusCode: 403 });
    const ui = await renderDashboard(engineWith({ 'ec2.DescribeInstances': [denied] }), { size });
    await ui.waitFor('valid');
    await ui.press(':', 'ec2', keys.enter);
    const frame = await ui.waitFor('Access denied');
    expect(frame).toContain('You are not authorized to perform this operation.');
    expect(frame).toContain('profile default may not call ec2:DescribeInstances here');
    expect(frame).toMatch(/EC2 instances\s+0 rows · failed after 0 pages/);
    expect(frame).not.toMatch(/^Instance\s+Name/m);
  });

  it('keeps the rows of the pages before a failed page, with the problem on the title line', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { code: 'Throttling' });
    const ui = await renderDashboard(engineWith({ 'ec2.DescribeInstances': [instancePages()[0], throttled] }), { size });
    await ui.waitFor('valid');
    await ui.press(':', 'ec2', keys.enter);
    const frame = await ui.waitFor('failed after 1 page');
    expect(frame).toContain('Throttled: the service asked to slow down');
    expect(rowOrder(frame)).toEqual(['i-0003', 'i-0001']);
  });

  it('an SSO token that needs a login opens the SSO modal; after approval the listing continues', async () => {
    const needsLogin = Object.assign(new Error('Error loading SSO Token: Token for corp does not exist'), { name: 'SsoTokenLoadError' });
    const engine = engineWith({ 'ec2.DescribeInstances': [needsLogin] }, [profile('dev-admin', { kind: 'sso', ssoSession: 'corp', isDefault: true })]);
    const ui = await renderDashboard(engine, { size });
    await ui.waitFor('valid');
    await ui.press(':', 'ec2', keys.enter);
    const modal = await ui.waitFor('ABCD-EFGH');
    expect(modal).toContain('SSO login for dev-admin');
    engine.pages.set('ec2.DescribeInstances', instancePages());
    (engine as unknown as { approveSso: () => void }).approveSso();
    const frame = await ui.waitFor(/EC2 instances\s+3 rows · 2 pages/);
    expect(frame).not.toContain('ABCD-EFGH');
    expect(engine.calls.filter((c) => c.operation === 'DescribeInstances').length).toBe(2);
  });

  it('keeps the cursor responsive while many pages stream in, and ^x stops after the page in flight', async () => {
    const pages: ResponseData[] = Array.from({ length: 3000 }, (_, p) => ({
      Reservations: [{ Instances: Array.from({ length: 20 }, (_, i) => instance(`i-${String(p * 20 + i).padStart(6, '0')}`, `n${p}`, 'running')) }],
    }));
    const engine = engineWith({ 'ec2.DescribeInstances': pages });
    const ui = await renderDashboard(engine, { size });
    await ui.waitFor('valid');
    await ui.press(':', 'ec2', keys.enter);
    await ui.waitFor(/EC2 instances\s+\d+ rows · loading more/);
    await ui.press('j', 'j', 'j', 'y');
    await ui.waitFor('id i-000003 is on the clipboard');
    expect(ui.copied).toEqual(['i-000003']);
    await ui.press(keys.enter);
    await ui.waitFor(/loading more… \d+ pages \(\^x stops\)/);
    // G goes to the last row loaded so far.
    await ui.press('G', 'y');
    await ui.waitFor((f) => ui.copied.length === 2 && f.includes(`id ${ui.copied[1]} is on the clipboard`));
    expect(Number(ui.copied[1].slice(2))).toBeGreaterThan(3);
    await ui.press(keys.enter);
    await ui.waitFor((f) => !f.includes('is on the clipboard'));
    // Still loading: ^x stops it (it would be a no-op after the last page).
    await ui.press(ctrlX);
    const stopped = await ui.waitFor(/EC2 instances\s+\d+ rows · stopped after \d+ pages/);
    const [, rows, pageCount] = /(\d+) rows · stopped after (\d+) pages/.exec(stopped)!;
    expect(Number(pageCount)).toBeLessThan(pages.length);
    expect(Number(rows)).toBe(Number(pageCount) * 20);
  });
});

describe('resource view: S3', () => {
  const bucketsPage = { Buckets: [{ Name: 'alpha', CreationDate: '2023-01-02T03:04:05+00:00' }, { Name: 'beta', CreationDate: '2024-01-02T03:04:05+00:00' }] };
  const topLevel = {
    CommonPrefixes: [{ Prefix: 'logs/' }, { Prefix: 'photos/' }],
    Contents: [{ Key: 'readme.txt', Size: 10, StorageClass: 'STANDARD' }, { Key: 'photo-index.html', Size: 2048, StorageClass: 'STANDARD' }],
  };
  const lastListCall = (engine: FakeEngine) => engine.calls.filter((c) => c.operation === 'ListObjectsV2').at(-1);

  it('? lists every key of the view, the row keys included; an empty table runs none of them', async () => {
    const engine = engineWith({ 's3api.ListBuckets': [bucketsPage], 's3api.ListObjectsV2': [topLevel] });
    // Tall enough for the whole help list without scrolling it.
    const ui = await renderDashboard(engine, { size: { columns: 120, rows: 50 } });
    await open(ui, 's3', 'S3 buckets');
    await ui.press(keys.enter);
    await ui.waitFor(/alpha\/\s+4 rows/);
    await ui.press('?');
    const help = await ui.waitFor('Keys (some depend');
    for (const what of ['details (YAML/JSON)', 'copy id (OSC 52)', 'copy ARN (OSC 52)', 'copy console URL', 'flat: every key under the prefix', 'show as CLI command', 'export rows as shown']) expect(help).toContain(what);
    engine.pages.set('s3api.ListObjectsV2', [{ Contents: [] }]);
    await ui.press(keys.escape, keys.escape, 'j', keys.enter);
    await ui.waitFor(/beta\/\s+0 rows/);
    await ui.press('y', 'd');
    // Nothing selected: no copy, no detail (the footer offers neither).
    expect(ui.copied).toEqual([]);
    expect(ui.frame()).not.toContain(' d details');
    await ui.press('?');
    expect(await ui.waitFor('Keys (some depend')).toContain('copy id (OSC 52)');
  });

  it('Enter on a bucket lists its objects (folders first); Enter on a prefix drills in; Esc returns with the filter and cursor kept', async () => {
    const engine = engineWith({ 's3api.ListBuckets': [bucketsPage], 's3api.ListObjectsV2': [topLevel] });
    const ui = await renderDashboard(engine, { size });
    await open(ui, 's3', 'S3 buckets');
    await ui.waitFor('beta');
    await ui.press('j', keys.enter);
    let frame = await ui.waitFor(/beta\/\s+4 rows/);
    expect(lastListCall(engine)?.params).toEqual({ Bucket: 'beta', Prefix: '', Delimiter: '/' });
    expect(tableLines(frame, 'Key').map((l) => l.split(/\s+/)[0])).toEqual(['logs/', 'photos/', 'readme.txt', 'photo-index.html']);
    expect(frame).toMatch(/photo-index\.html\s+2\.0 KiB/);

    await ui.press('/', 'o', keys.enter);
    frame = await ui.waitFor(/beta\/\s+3\/4 rows/);
    await ui.press('j');
    engine.pages.set('s3api.ListObjectsV2', [{ Contents: [{ Key: 'photos/cat.jpg', Size: 1536 }] }]);
    await ui.press(keys.enter);
    frame = await ui.waitFor(/beta\/photos\/\s+1 row · /);
    expect(lastListCall(engine)?.params).toEqual({ Bucket: 'beta', Prefix: 'photos/', Delimiter: '/' });
    expect(frame).toMatch(/^cat\.jpg\s+1\.5 KiB/m);

    await ui.press(keys.escape);
    frame = await ui.waitFor(/beta\/\s+3\/4 rows/);
    // The cursor is still on photos/: y copies its key, Enter opens it again.
    await ui.press('y');
    await ui.waitFor('id photos/ is on the clipboard');
    expect(ui.copied).toEqual(['photos/']);
  });

  it('Enter on an object opens its detail from HeadObject and its tags', async () => {
    const engine = engineWith({
      's3api.ListBuckets': [bucketsPage],
      's3api.ListObjectsV2': [topLevel],
      's3api.HeadObject': [{ ContentLength: 10, ContentType: 'text/plain', ETag: '"abc"', ResponseMetadata: { RequestId: 'r' } }],
      's3api.GetObjectTagging': [{ TagSet: [{ Key: 'team', Value: 'data' }] }],
    });
    const ui = await renderDashboard(engine, { size });
    await open(ui, 's3', 'S3 buckets');
    await ui.press(keys.enter);
    await ui.waitFor(/alpha\/\s+4 rows/);
    await ui.press('j', 'j', keys.enter);
    const frame = await ui.waitFor('ContentType: text/plain');
    expect(frame).toMatch(/readme\.txt\s+YAML/);
    expect(frame).toMatch(/^Tags:\n- Key: team\n {2}Value: data$/m);
    expect(frame).not.toContain('RequestId');
    expect(engine.calls.find((c) => c.operation === 'HeadObject')?.params).toEqual({ Bucket: 'alpha', Key: 'readme.txt' });
  });

  it('shows the detail title while HeadObject is in flight, and a failed HeadObject as the problem under it', async () => {
    const denied = Object.assign(new Error('Forbidden'), { code: 'AccessDenied', statusCode: 403 });
    const engine = engineWith({ 's3api.ListBuckets': [bucketsPage], 's3api.ListObjectsV2': [topLevel], 's3api.HeadObject': [denied] });
    // HeadObject answers only when the test lets it.
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    const service = engine.service.bind(engine);
    engine.service = (...args) => {
      const caller = service(...args);
      return { ...caller, call: async (operation, params) => { if (operation === 'HeadObject') await held; return caller.call(operation, params); } };
    };
    const ui = await renderDashboard(engine, { size });
    await open(ui, 's3', 'S3 buckets');
    await ui.press(keys.enter);
    await ui.waitFor(/alpha\/\s+4 rows/);
    await ui.press('j', 'j', keys.enter);
    let frame = await ui.waitFor('loading…');
    expect(frame).toMatch(/^readme\.txt\s+YAML · 0 lines/m);
    release();
    frame = await ui.waitFor('Access denied: Forbidden');
    expect(frame).toMatch(/^readme\.txt\s+YAML · 0 lines/m);
    expect(frame).not.toContain('loading…');
  });

  it('f lists every key under the prefix (no Delimiter), f again goes back to folders', async () => {
    const engine = engineWith({ 's3api.ListBuckets': [bucketsPage], 's3api.ListObjectsV2': [topLevel] });
    const ui = await renderDashboard(engine, { size });
    await open(ui, 's3', 'S3 buckets');
    await ui.press(keys.enter);
    await ui.waitFor(/alpha\/\s+4 rows/);
    engine.pages.set('s3api.ListObjectsV2', [{ Contents: [{ Key: 'logs/a.log', Size: 1 }, { Key: 'photos/cat.jpg', Size: 2 }, { Key: 'readme.txt', Size: 3 }] }]);
    await ui.press('f');
    const frame = await ui.waitFor(/alpha\/ \[flat\]\s+3 rows/);
    expect(lastListCall(engine)?.params).toEqual({ Bucket: 'alpha', Prefix: '' });
    expect(tableLines(frame, 'Key').map((l) => l.split(/\s+/)[0])).toEqual(['logs/a.log', 'photos/cat.jpg', 'readme.txt']);
    await ui.press('c');
    await ui.waitFor('Show as CLI');
    expect(ui.copied.at(-1)).toMatch(/^aws s3api list-objects-v2 --bucket alpha --prefix '' --region us-east-1 --profile default --query/);
    await ui.press(keys.enter);
    await ui.press('f');
    await ui.waitFor((f) => /alpha\/\s+4 rows/.test(f) && !f.includes('[flat]'));
  });
});
