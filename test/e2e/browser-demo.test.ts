// The resource browser of `awsdeck --demo` in a real terminal (tmux 120x32, CI=false, the bundle):
// EC2 instances listed, filtered, sorted and described (YAML, JSON), other regions (`:ec2 R` and
// `:region`), S3 prefixes drilled into and back out, the 100,000-object bucket in flat mode with
// the cursor moving while pages stream in, the query bar, show-as-CLI (read from the screen and
// from the clipboard via OSC 52), a CSV export into the folder awsdeck started in, and a palette
// operation (`:ec2 describe-vpcs`). The app runs with its cwd, HOME and TMPDIR in a fresh temporary
// folder, so exports land there and ~/.aws is never read. Every wait is for content on screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliLine } from '../../src/app/browse/cli-line.js';
import { BIG_BUCKET } from '../../src/sandbox/seed-resources.js';

const socket = `awsdeck-browser-demo-${process.pid}`;
const session = 'browse';
const root = new URL('../..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/awsdeck.js'))) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const pane = () => tmux('capture-pane', '-p', '-t', session);
const press = (...keys: string[]) => { for (const key of keys) tmux('send-keys', '-t', session, key); };
const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);
const palette = (command: string) => { press(':'); type(command); press('Enter'); };

async function waitForPane(test: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = pane();
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${text}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

const lines = (text: string) => text.split('\n');
/** The resource view's title line (the third: header, trail, title). */
const titleLine = (text: string) => lines(text)[2] ?? '';
const trail = (text: string) => lines(text)[1] ?? '';
/** Table rows under the column header line that starts with `header`. */
function tableRows(text: string, header: string): string[] {
  const all = lines(text);
  const at = all.findIndex((l) => l.startsWith(header));
  if (at < 0) return [];
  const rows: string[] = [];
  for (const line of all.slice(at + 1)) {
    // The table ends at a blank line or at the footer of key hints.
    if (!line.trim() || line.startsWith('⏎')) break;
    rows.push(line);
  }
  return rows;
}
const firstCells = (rows: string[]) => rows.map((r) => r.split(/\s{2,}/)[0]);

/** SGR parameter lists of a line, with 38/48 colour arguments skipped: is 7 (inverse) set? */
function hasInverse(line: string): boolean {
  for (const match of line.matchAll(/\x1b\[([0-9;]*)m/g)) {
    const params = match[1].split(';');
    for (let i = 0; i < params.length; i++) {
      if (params[i] === '38' || params[i] === '48') i += params[i + 1] === '5' ? 2 : 4;
      else if (params[i] === '7') return true;
    }
  }
  return false;
}
/** The row under the cursor (drawn in inverse video), without its styling. */
function selectedRow(): string | undefined {
  const styled = tmux('capture-pane', '-p', '-e', '-t', session).split('\n');
  // The first three lines are header, trail and title; the cursor is in the table below them.
  const line = styled.slice(3).find(hasInverse);
  return line?.replace(/\x1b\[[0-9;]*m/g, '');
}
async function waitForSelected(test: (row: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const row = selectedRow();
    if (row !== undefined && test(row)) return row;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the cursor on ${what}; it is on ${JSON.stringify(row)}\n${pane()}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** The text of a message modal: its boxed lines from the title to the close hint, borders removed. */
function modalText(text: string, title: string): string {
  const boxed = lines(text).filter((l) => l.startsWith('│')).map((l) => l.replace(/^│ ?/, '').replace(/ ?│$/, '').trimEnd());
  const start = boxed.findIndex((l) => l.startsWith(title));
  const end = boxed.findIndex((l, i) => i > start && l.includes('esc close'));
  return boxed.slice(start + 1, end).join('\n');
}
const squash = (s: string) => s.replace(/\s+/g, '');
const eventIndex = (row: string) => Number(/event-(\d{6})\.json/.exec(row)?.[1] ?? NaN);
const rowCount = (text: string) => Number(/ (\d+)(?:\/\d+)? rows/.exec(titleLine(text))?.[1] ?? NaN);

let tmp: string;
let cwd: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'awsdeck-browser-demo-'));
  cwd = mkdtempSync(join(tmp, 'cwd-'));
  const home = mkdtempSync(join(tmp, 'home-'));
  // FORCE_COLOR: supports-color reads any CI variable as "no colour", and the cursor is found by its inverse video.
  const env = { CI: 'false', FORCE_COLOR: '3', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, AWS_EC2_METADATA_DISABLED: 'true' };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '32', '-c', cwd, ...envArgs,
    `node ${join(root, 'dist/awsdeck.js')} --demo; echo EXITED:$?; sleep 60`);
  // OSC 52 from the app becomes a tmux paste buffer: what `c` and `y` copy can be read back.
  tmux('set-option', '-s', 'set-clipboard', 'on');
});

afterAll(() => { spawnSync('tmux', ['-L', socket, 'kill-server']); });

describe('the resource browser of awsdeck --demo in tmux', () => {
  it('lists EC2 instances, filters, sorts, describes as YAML and JSON, and goes back', async () => {
    await waitForPane((t) => /demo\s+static keys\s+valid/.test(t), 'the demo home with the demo profile signed in');
    palette('ec2');
    const list = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  7 rows · 1 page') && t.includes('dev-bastion'), 'the instances of us-east-1');
    expect(trail(list)).toMatch(/^demo › us-east-1 › EC2 instances\s*$/);
    expect(tableRows(list, 'Instance ')).toHaveLength(7);
    expect(list).toMatch(/^Instance\s+Name\s+State\s+Type\s+AZ\s+Private IP\s+Public IP\s+Launched/m);

    // `/web`: only the two web servers; the title says 2 of 7.
    press('/'); type('web');
    const filtered = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  2/7 rows'), 'the filter');
    expect(tableRows(filtered, 'Instance ').map((r) => r.split(/\s{2,}/)[1])).toEqual(['dev-web-1', 'dev-web-2']);
    press('Enter'); // keep the filter, close its bar
    await waitForPane((t) => !lines(t).some((l) => l.startsWith('/web')), 'the filter bar closed');
    press('Escape'); // first Esc clears the filter, the view stays
    await waitForPane((t) => titleLine(t).startsWith('EC2 instances  7 rows'), 'the filter cleared');
    // A column filter and a negation: `state:stop` and `!dev`.
    press('/'); type('state:stop !dev');
    const column = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  1/7 rows'), 'the column filter');
    expect(tableRows(column, 'Instance ')[0]).toMatch(/ batch-worker-very\S*\s+stopped /);
    press('Escape'); // Esc in the bar cancels the filter
    await waitForPane((t) => titleLine(t).startsWith('EC2 instances  7 rows') && !lines(t).some((l) => l.startsWith('/state')), 'the filter cancelled');

    // 3 sorts by State; again reverses it.
    press('3');
    const states = (t: string) => tableRows(t, 'Instance ').map((r) => r.split(/\s{2,}/)[2]).join(' ');
    // Unsorted they are: running running stopped running running stopped terminated.
    await waitForPane((t) => states(t) === 'running running running running stopped stopped terminated', 'sorted by state');
    press('3');
    const descending = await waitForPane((t) => states(t) === 'terminated stopped stopped running running running running', 'sorted by state, reversed');
    const bastion = firstCells(tableRows(descending, 'Instance '))[0];
    expect(await waitForSelected((r) => r.startsWith(bastion), 'the first sorted row')).toContain('dev-bastion');

    // d: the row's object as YAML, t: as JSON; Esc back to the sorted table.
    press('d');
    const yaml = await waitForPane((t) => titleLine(t).startsWith(`${bastion}  YAML`) && t.includes(`InstanceId: ${bastion}`), 'the YAML detail');
    expect(trail(yaml)).toMatch(new RegExp(`^demo › us-east-1 › EC2 instances › ${bastion}`));
    expect(yaml).toContain('InstanceType: t3.nano');
    press('t');
    const json = await waitForPane((t) => titleLine(t).startsWith(`${bastion}  JSON`) && t.includes(`"InstanceId": "${bastion}",`), 'the JSON detail');
    expect(json).toContain('"InstanceType": "t3.nano",');
    press('Escape');
    const back = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  7 rows'), 'back in the table');
    expect(firstCells(tableRows(back, 'Instance '))[0]).toBe(bastion);

    // y copies the id under the cursor (OSC 52).
    press('y');
    await waitForPane((t) => t.includes(`id ${bastion} is on the clipboard`), 'the copy message');
    expect(tmux('show-buffer')).toBe(bastion);
    press('Escape');
    await waitForPane((t) => !t.includes('is on the clipboard'), 'the message closed');
  });

  it('opens instances in other regions with `:ec2 REGION` and after `:region`', async () => {
    palette('ec2 eu-west-1');
    const eu = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  4 rows') && t.includes('dev-cache'), 'the eu-west-1 instances');
    expect(trail(eu)).toMatch(/^demo › eu-west-1 › EC2 instances\s*$/);
    expect(tableRows(eu, 'Instance ').every((r) => / eu-west-1[ab] /.test(r))).toBe(true);
    press('Escape');
    await waitForPane((t) => titleLine(t).startsWith('EC2 instances  7 rows') && trail(t).startsWith('demo › us-east-1 ›'), 'back on us-east-1');

    palette('region ap-southeast-2');
    await waitForPane((t) => lines(t)[0].includes('region ap-southeast-2'), 'the header on ap-southeast-2');
    palette('ec2');
    const ap = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  3 rows') && trail(t).startsWith('demo › ap-southeast-2 ›'), 'the ap-southeast-2 instances');
    expect(tableRows(ap, 'Instance ').map((r) => r.split(/\s{2,}/)[1])).toEqual(['dev-web-1', 'dev-web-2', 'dev-worker']);
    expect(tableRows(ap, 'Instance ').every((r) => / ap-southeast-2[ab] /.test(r))).toBe(true);
  });

  it('drills through the prefixes of a bucket and back out with Esc', async () => {
    palette('s3');
    const buckets = await waitForPane((t) => titleLine(t).startsWith('S3 buckets  3 rows'), 'the buckets');
    expect(trail(buckets)).toMatch(/^demo › global › S3 buckets\s*$/);
    expect(firstCells(tableRows(buckets, 'Bucket '))).toEqual(['awsdeck-demo-dev-assets', 'awsdeck-demo-dev-logs', BIG_BUCKET]);
    await waitForSelected((r) => r.startsWith('awsdeck-demo-dev-assets'), 'the first bucket');
    press('Enter');
    const bucket = await waitForPane((t) => titleLine(t).startsWith('awsdeck-demo-dev-assets/  5 rows'), 'the bucket');
    expect(firstCells(tableRows(bucket, 'Key '))).toEqual(['css/', 'docs/', 'i18n/', 'img/', 'index.html']);
    press('j');
    await waitForSelected((r) => r.startsWith('docs/'), 'docs/');
    press('Enter');
    const docs = await waitForPane((t) => titleLine(t).startsWith('awsdeck-demo-dev-assets/docs/  2 rows'), 'docs/');
    expect(firstCells(tableRows(docs, 'Key '))).toEqual(['2024/', 'readme with spaces.txt']);
    expect(trail(docs)).toMatch(/ › S3 buckets › awsdeck-demo-dev-assets \(us-east-1\) › docs\/\s*$/);
    press('Enter');
    const year = await waitForPane((t) => titleLine(t).startsWith('awsdeck-demo-dev-assets/docs/2024/  2 rows'), '2024/');
    expect(firstCells(tableRows(year, 'Key '))).toEqual(['q1/', 'q2/']);
    press('j');
    await waitForSelected((r) => r.startsWith('q2/'), 'q2/');
    press('Enter');
    const q2 = await waitForPane((t) => titleLine(t).startsWith('awsdeck-demo-dev-assets/docs/2024/q2/  2 rows'), 'q2/');
    expect(firstCells(tableRows(q2, 'Key '))).toEqual(['notes/', 'report.txt']);
    // An object opens its detail (HeadObject, and its tags from GetObjectTagging).
    press('j');
    await waitForSelected((r) => r.startsWith('report.txt'), 'report.txt');
    press('Enter');
    const detail = await waitForPane((t) => titleLine(t).startsWith('docs/2024/q2/report.txt  YAML') && t.includes('ContentType: text/plain'), 'the object detail');
    expect(detail).toContain("Tags:\n- Key: classification\n  Value: confidential\n- Key: team\n  Value: finance\n- Key: review\n  Value: '2024-07-15'");
    const assets = 'awsdeck-demo-dev-assets/';
    for (const title of [`${assets}docs/2024/q2/  2 rows`, `${assets}docs/2024/  2 rows`, `${assets}docs/  2 rows`, `${assets}  5 rows`, 'S3 buckets  3 rows']) {
      press('Escape');
      await waitForPane((t) => titleLine(t).startsWith(title), `back to ${title}`);
    }
  });

  it('lists the 100,000-object bucket flat: the cursor moves while pages stream in, then reaches the end', async () => {
    press('G');
    await waitForSelected((r) => r.startsWith(BIG_BUCKET), 'the big bucket');
    press('Enter');
    await waitForPane((t) => titleLine(t).startsWith(`${BIG_BUCKET}/  1 row `) && tableRows(t, 'Key ')[0]?.startsWith('events/'), 'the big bucket folders');
    press('f');
    const loading = await waitForPane((t) => titleLine(t).startsWith(`${BIG_BUCKET}/ [flat]`) && titleLine(t).includes('loading more…'), 'the flat listing loading');
    expect(loading).toContain('^x stop loading pages');
    await waitForSelected((r) => eventIndex(r) === 0, 'the first key');

    // j while loading: the cursor moves one row, and more pages are still coming.
    press('j');
    await waitForSelected((r) => eventIndex(r) === 1, 'the second key');
    expect(titleLine(pane())).toContain('loading more…');

    // G while loading: the last row loaded so far, at the bottom of the screen.
    press('G');
    const bottom = eventIndex(await waitForSelected((r) => eventIndex(r) > 1, 'the last loaded key'));
    const atG = pane();
    expect(titleLine(atG)).toContain('loading more…');
    expect(eventIndex(tableRows(atG, 'Key ').at(-1)!)).toBe(bottom);
    // More rows arrive below; the cursor stays on its key, and G goes further.
    await waitForPane((t) => rowCount(t) > bottom + 1000, 'more rows');
    expect(eventIndex(selectedRow()!)).toBe(bottom);
    press('G');
    await waitForSelected((r) => eventIndex(r) > bottom, 'a later key after G');

    const done = await waitForPane((t) => titleLine(t).startsWith(`${BIG_BUCKET}/ [flat]  100000 rows · 100 pages`), 'every key', 40_000);
    expect(done).not.toContain('loading more');
    press('G');
    await waitForSelected((r) => eventIndex(r) === 99_999, 'the very last key');
    press('g');
    await waitForSelected((r) => eventIndex(r) === 0, 'the first key again');

    // R reloads, ^x stops after the page in flight.
    press('R');
    await waitForPane((t) => titleLine(t).includes('loading more…'), 'the reload');
    press('C-x');
    const stopped = await waitForPane((t) => / stopped after \d+ pages \(R reloads\)/.test(titleLine(t)), 'the listing stopped');
    expect(rowCount(stopped)).toBeLessThan(100_000);

    press('Escape');
    await waitForPane((t) => titleLine(t).startsWith('S3 buckets  3 rows'), 'back to the buckets');
  });

  it('queries with Ctrl-q, shows the CLI line, exports a CSV into the cwd, and runs describe-vpcs from the palette', async () => {
    palette('ec2 us-east-1');
    const table = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  7 rows') && trail(t).startsWith('demo › us-east-1 ›'), 'the us-east-1 instances');
    const ids = firstCells(tableRows(table, 'Instance '));

    const query = 'Reservations[].Instances[].[InstanceId,State.Name]';
    // ^q and the query in one write, as a busy app reads them (one chunk): the ^q must not be lost.
    tmux('send-keys', '-t', session, 'C-q', query);
    press('Enter');
    const projected = await waitForPane((t) => /^InstanceId\s+State\.Name\s*$/m.test(t) && titleLine(t).includes(`query: ${query}`) && !lines(t).some((l) => l.startsWith('query ')), 'the projection');
    const rows = tableRows(projected, 'InstanceId').map((r) => r.trim().split(/\s+/));
    expect(rows.map((r) => r[0])).toEqual(ids);
    expect(rows.every((r) => r.length === 2 && ['running', 'stopped', 'terminated'].includes(r[1]))).toBe(true);

    // c: the `aws …` line, drawn (wrapped inside the message) and on the clipboard.
    press('c');
    const shown = await waitForPane((t) => t.includes('Show as CLI') && t.includes('--output text'), 'the CLI line');
    const expected = cliLine({ service: 'ec2', operation: 'DescribeInstances', params: {}, query, region: 'us-east-1', profile: 'demo' });
    expect(expected).toBe(`aws ec2 describe-instances --region us-east-1 --profile demo --query '${query}' --output text`);
    const drawn = modalText(shown, 'Show as CLI');
    expect(drawn.startsWith('aws ec2 describe-instances')).toBe(true);
    expect(squash(drawn)).toBe(squash(expected));
    expect(tmux('show-buffer')).toBe(expected);
    press('Escape');
    await waitForPane((t) => !t.includes('Show as CLI'), 'the message closed');

    // e c: the rows as shown (the projection) to a CSV in the folder awsdeck started in.
    press('e');
    await waitForPane((t) => t.includes('Export 7 rows as shown to the current folder'), 'the export bar');
    press('c');
    const exported = await waitForPane((t) => t.includes('Exported') && /7 rows written to \S+\.csv/.test(t), 'the export message');
    const path = /7 rows written to (\S+\.csv)/.exec(exported)![1];
    expect(dirname(path)).toBe(cwd);
    expect(readdirSync(cwd)).toEqual([path.slice(cwd.length + 1)]);
    expect(readFileSync(path, 'utf8')).toBe(['InstanceId,State.Name', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n');
    press('Escape');
    await waitForPane((t) => !t.includes('Exported'), 'the message closed');

    // Esc clears the query first: the view's own columns again.
    press('Escape');
    await waitForPane((t) => /^Instance\s+Name\s+State\s+/m.test(t) && !titleLine(t).includes('query:'), 'the query cleared');

    // Any read operation from the palette, in the session's region (ap-southeast-2).
    palette('ec2 describe-vpcs');
    const vpcs = await waitForPane((t) => titleLine(t).startsWith('ec2 describe-vpcs  2 rows'), 'the describe-vpcs table');
    expect(trail(vpcs)).toMatch(/^demo › ap-southeast-2 › ec2 describe-vpcs\s*$/);
    expect(vpcs).toMatch(/^VpcId\s+DhcpOptionsId\s+OwnerId\s+CidrBlock\s+State\s+/m);
    const vpcRows = tableRows(vpcs, 'VpcId');
    expect(vpcRows.some((r) => / 10\.2\.0\.0\/16 /.test(r))).toBe(true);
    expect(vpcRows.every((r) => /^vpc-[0-9a-f]+ /.test(r))).toBe(true);
    press('p');
    await waitForPane((t) => /demo\s+static keys\s+valid/.test(t), 'the home');
    press('q');
    await waitForPane((t) => t.includes('EXITED:0'), 'exit');
  });
});
