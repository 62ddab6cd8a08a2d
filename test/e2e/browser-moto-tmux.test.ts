// The resource browser against a real AWS-compatible server, in a real terminal: moto 5.2.1 with
// signature checking on, reached through a profile's endpoint_url; the dashboard opened with
// `--profile` from the bundle (tmux 120x32, CI=false). EC2 names holding an OSC title sequence and
// a CSI colour sequence are drawn as visible escapes and leave the pane title and colours alone.
// Then show-as-CLI is read from the screen (and from the clipboard, OSC 52) and run with the AWS
// CLI v2 against the same server: its `--output text` rows equal the rows of the CSV that `e c`
// exported (None in the CLI is an empty cell in the CSV).
//
// The CLI differential runs on eu-west-1, whose names are hard for CSV (comma, quotes, non-ASCII,
// a missing Name, a stopped instance without public IP) but valid XML: moto writes ESC and BEL raw
// into its XML, which XML 1.0 forbids, so the AWS CLI (expat) rejects any listing that holds the
// hostile names in us-east-1, while awsdeck reads it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instances } from '../../services/ec2.js';
import { cliLine, rowsQuery } from '../../src/app/browse/cli-line.js';
import { awsCliV2Path } from '../support/aws-cli.js';
import { startMoto, type MotoServer } from '../support/moto.js';

const socket = `awsdeck-browser-moto-${process.pid}`;
const root = new URL('../..', import.meta.url).pathname;
const bundle = join(root, 'dist/awsdeck.js');
if (!existsSync(bundle)) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const pane = (target = 'dash') => tmux('capture-pane', '-p', '-t', target);
const titleOf = (target: string) => tmux('display', '-p', '-t', target, '#{pane_title}').trim();
const press = (...keys: string[]) => { for (const key of keys) tmux('send-keys', '-t', 'dash', key); };
const type = (text: string) => tmux('send-keys', '-t', 'dash', '-l', text);
const palette = (command: string) => { press(':'); type(command); press('Enter'); };

async function waitFor<T>(read: () => T, test: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${typeof value === 'string' ? value : JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const waitForPane = (test: (text: string) => boolean, what: string) => waitFor(() => pane(), test, what);

const lines = (text: string) => text.split('\n');
const titleLine = (text: string) => lines(text)[2] ?? '';
function tableRows(text: string, header: string): string[] {
  const all = lines(text);
  const at = all.findIndex((l) => l.startsWith(header));
  const rows: string[] = [];
  for (const line of at < 0 ? [] : all.slice(at + 1)) {
    if (!line.trim() || line.startsWith('⏎')) break;
    rows.push(line);
  }
  return rows;
}
/** A message modal's text between its title and the close hint, borders removed. */
function modalText(text: string, title: string): string {
  const boxed = lines(text).filter((l) => l.startsWith('│')).map((l) => l.replace(/^│ ?/, '').replace(/ ?│$/, '').trimEnd());
  const start = boxed.findIndex((l) => l.startsWith(title));
  const end = boxed.findIndex((l, i) => i > start && l.includes('esc close'));
  return boxed.slice(start + 1, end).join('\n');
}
const squash = (s: string) => s.replace(/\s+/g, '');

/** RFC 4180 (as export.ts writes it): quoted fields may hold commas, quotes and line breaks; CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const OSC_NAME = 'evil\x1b]0;pwned\x07';
const CSI_NAME = 'red\x1b[31mhot';
const EU_NAMES = ['api, "primary"', 'données-é 🚀', null, 'worker'];

// Instances are launched with a plain name and then tagged: moto's RunInstances response would echo
// the hostile name in XML that boto3 cannot parse, CreateTags answers only `true`.
const seedScript = `
import boto3, json, sys
endpoint, key, secret, plan = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
out = {}
for region, names in plan.items():
    ec2 = boto3.client('ec2', endpoint_url=endpoint, region_name=region, aws_access_key_id=key, aws_secret_access_key=secret)
    image = ec2.describe_images(Owners=['amazon'])['Images'][0]['ImageId']
    ids = []
    for name in names:
        iid = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType='t3.micro')['Instances'][0]['InstanceId']
        if name is not None:
            ec2.create_tags(Resources=[iid], Tags=[{'Key': 'Name', 'Value': name}])
        ids.append(iid)
    out[region] = ids
ec2 = boto3.client('ec2', endpoint_url=endpoint, region_name='eu-west-1', aws_access_key_id=key, aws_secret_access_key=secret)
ec2.stop_instances(InstanceIds=[out['eu-west-1'][-1]])
print(json.dumps(out))
`;

let moto: MotoServer;
let tmp: string;
let cwd: string;
let files: { HOME: string; AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string };
let ids: Record<string, string[]>;

beforeAll(async () => {
  moto = await startMoto();
  const plan = { 'us-east-1': ['web-1', OSC_NAME, CSI_NAME], 'eu-west-1': EU_NAMES };
  ids = JSON.parse(execFileSync('python3', ['-c', seedScript, moto.endpoint, moto.accessKeyId, moto.secretAccessKey, JSON.stringify(plan)], {
    encoding: 'utf8', env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' },
  }).trim());

  tmp = mkdtempSync(join(tmpdir(), 'awsdeck-browser-moto-'));
  cwd = mkdtempSync(join(tmp, 'cwd-'));
  const home = mkdtempSync(join(tmp, 'home-'));
  mkdirSync(join(home, '.aws'));
  files = { HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials') };
  writeFileSync(files.AWS_CONFIG_FILE, `[profile moto]\nregion = us-east-1\nendpoint_url = ${moto.endpoint}\n`);
  writeFileSync(files.AWS_SHARED_CREDENTIALS_FILE, `[moto]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n`);

  // This tmux does let a raw OSC 0 retitle a pane, so "the title stayed" below means something.
  tmux('new-session', '-d', '-s', 'probe', '-x', '80', '-y', '24', "printf '\\033]0;probe-title\\007'; sleep 30");
  await waitFor(() => titleOf('probe'), (t) => t === 'probe-title', 'the probe title');

  // NO_COLOR: any red on screen could then only come from a name.
  const env = { CI: 'false', NO_COLOR: '1', TERM: 'xterm-256color', ...files, AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1' };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', 'dash', '-x', '120', '-y', '32', '-c', cwd, ...envArgs, `node ${bundle} --profile moto; echo EXITED:$?; sleep 60`);
  tmux('set-option', '-s', 'set-clipboard', 'on');
  tmux('select-pane', '-t', 'dash', '-T', 'before-awsdeck');
});

afterAll(async () => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  await moto?.stop();
});

describe('the resource browser on moto through a profile endpoint_url, in tmux', () => {
  it('lists the instances; hostile names are drawn escaped and change neither the title nor the colours', async () => {
    await waitForPane((t) => lines(t)[0].includes('profile moto') && /account \d{12}/.test(lines(t)[0]), 'the dashboard on profile moto with its identity');
    palette('ec2');
    const list = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  3 rows · 1 page'), 'the us-east-1 instances');
    expect(lines(list)[1]).toMatch(/^moto › us-east-1 › EC2 instances\s*$/);
    const rows = tableRows(list, 'Instance ');
    expect(rows.map((r) => r.split(/\s{2,}/)[0])).toEqual(ids['us-east-1']);
    expect(rows.map((r) => r.split(/\s{2,}/)[1])).toEqual(['web-1', 'evil\\e]0;pwned\\x07', 'red\\e[31mhot']);
    expect(titleOf('dash')).toBe('before-awsdeck');
    const styled = tmux('capture-pane', '-p', '-e', '-t', 'dash');
    expect(styled).toContain('red\\e[31mhot');
    expect(styled).not.toMatch(/\x1b\[(?:[0-9;]*;)?31m/);

    // The detail of the OSC-named instance: its YAML shows the name escaped, the title stays.
    press('j', 'd');
    await waitForPane((t) => titleLine(t).startsWith(`${ids['us-east-1'][1]}  YAML`), 'the detail of the OSC-named instance');
    press('/'); type('pwned'); press('Enter'); // the detail's search scrolls to the tag
    const detail = await waitForPane((t) => lines(t).some((l) => l.includes('pwned') && l.includes('Value:')), 'the Name tag in the detail');
    expect(lines(detail).find((l) => l.includes('pwned'))).toMatch(/Value: .*evil\\e\]0;pwned\\(?:x07|a)/);
    expect(titleOf('dash')).toBe('before-awsdeck');
    press('Escape'); // clears the search
    await waitForPane((t) => !lines(t).some((l) => l.startsWith('/pwned')), 'the search cleared');
    press('Escape');
    await waitForPane((t) => titleLine(t).startsWith('EC2 instances  3 rows'), 'back in the table');

    // The export keeps the raw values: the names as they are, in the folder awsdeck started in.
    press('e');
    await waitForPane((t) => t.includes('Export 3 rows as shown'), 'the export bar');
    press('c');
    const message = await waitForPane((t) => /3 rows written to \S+\.csv/.test(t), 'the export message');
    const path = /3 rows written to (\S+\.csv)/.exec(message)![1];
    expect(dirname(path)).toBe(cwd);
    const csv = parseCsv(readFileSync(path, 'utf8'));
    expect(csv[0]).toEqual(instances.columns.map((c) => c.title));
    expect(csv.slice(1).map((r) => r[1])).toEqual(['web-1', OSC_NAME, CSI_NAME]);
    press('Escape');
    await waitForPane((t) => !t.includes('rows written to'), 'the message closed');
    expect(titleOf('dash')).toBe('before-awsdeck');
  });

  it('shows the CLI line of eu-west-1; the AWS CLI v2 running it prints the rows of the CSV export', async () => {
    palette('ec2 eu-west-1');
    const list = await waitForPane((t) => titleLine(t).startsWith('EC2 instances  4 rows · 1 page'), 'the eu-west-1 instances');
    expect(lines(list)[1]).toMatch(/^moto › eu-west-1 › EC2 instances\s*$/);
    expect(tableRows(list, 'Instance ').map((r) => r.split(/\s{2,}/)[0])).toEqual(ids['eu-west-1']);

    press('c');
    const shown = await waitForPane((t) => t.includes('Show as CLI') && t.includes('--output text'), 'the CLI line');
    const drawn = modalText(shown, 'Show as CLI');
    const expected = cliLine({
      service: 'ec2', operation: 'DescribeInstances', params: {}, query: rowsQuery(instances.items, instances.columns), region: 'eu-west-1', profile: 'moto',
    });
    expect(drawn.startsWith('aws ec2 describe-instances --region eu-west-1 --profile moto --query ')).toBe(true);
    expect(squash(drawn)).toBe(squash(expected));
    expect(tmux('show-buffer')).toBe(expected);
    press('Escape');
    await waitForPane((t) => !t.includes('Show as CLI'), 'the message closed');

    press('e');
    await waitForPane((t) => t.includes('Export 4 rows as shown'), 'the export bar');
    press('c');
    const message = await waitForPane((t) => /4 rows written to \S+\.csv/.test(t), 'the export message');
    const path = /4 rows written to (\S+\.csv)/.exec(message)![1];
    expect(dirname(path)).toBe(cwd);
    expect(readdirSync(cwd)).toHaveLength(2);
    const [header, ...csvRows] = parseCsv(readFileSync(path, 'utf8'));
    expect(header).toEqual(instances.columns.map((c) => c.title));
    expect(csvRows.map((r) => r[1])).toEqual(EU_NAMES.map((n) => n ?? ''));

    // The line as drawn (its wrapped lines joined at the spaces they broke at), run by the AWS CLI
    // v2, which reads no endpoint_url from a profile before 2.13.
    const line = drawn.split('\n').join(' ').replace(/^aws /, `${awsCliV2Path()} `);
    const out = execFileSync('sh', ['-c', `${line} --endpoint-url ${moto.endpoint}`], {
      encoding: 'utf8', env: { PATH: process.env.PATH, ...files, AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '' },
    });
    const cliRows = out.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(cliRows).toHaveLength(4);
    expect(csvRows.map((r) => r.map((cell) => (cell === '' ? 'None' : cell)))).toEqual(cliRows);
    expect(cliRows[3]).toContain('stopped');

    press('Escape');
    await waitForPane((t) => !t.includes('rows written to'), 'the message closed');
    press('p');
    await waitForPane((t) => /moto\s+static keys/.test(t), 'the home');
    press('q');
    await waitForPane((t) => t.includes('EXITED:0'), 'exit');
    expect(titleOf('dash')).toBe('before-awsdeck');
  });
});
