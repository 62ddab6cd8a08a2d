// Operations with event-stream output, differential against the AWS CLI:
//   - s3api select-object-content against moto (CSV and JSON), CLI v2: stdout, stderr, exit code
//     and the outfile's bytes;
//   - the same command against a local server sending crafted streams: records then an `error`
//     message, an `exception` message, and a corrupted CRC (partial outfile, same error);
//   - logs start-live-tail against the sandbox and against a crafted stream with a bad CRC. The
//     CLI v2 here (2.9.19) predates the operation, so the oracle is the CLI v1 (1.45, botocore
//     1.43), whose start-live-tail is the same print-only command.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type MotoServer } from '../support/moto.js';
import { runAwsCliAsync, runAwsCliV1Async, runAwsdeckAsync } from '../support/cli.js';
import { encodeMessage } from '../../src/engine/eventstream/frame.js';
import { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, type Sandbox } from '../../src/sandbox/index.js';

let moto: MotoServer;
let sandbox: Sandbox;
let crafted: Server;
let craftedUrl: string;

// moto's CSV reader splits on every comma, so no quoted commas here.
const CSV = 'name,size,city\nalpha,10,Paris\nbeta,2,Tōkyō\ngamma,33,Lima\n';
const JSON_LINES = '{"name": "alpha", "size": 10}\n{"name": "beta", "size": 2}\n{"name": "gamma", "size": 33}\n';

function isolated(extra: Record<string, string>): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-events-'));
  return {
    PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', TZ: 'UTC', ...extra,
  };
}

const event = (type: string, payload: string | Buffer, contentType = 'application/octet-stream') =>
  encodeMessage({ ':message-type': 'event', ':event-type': type, ':content-type': contentType }, Buffer.from(payload));

function corrupt(frame: Buffer): Buffer {
  const bad = Buffer.from(frame);
  bad[bad.length - 6]! ^= 0x20;
  return bad;
}

let held: Promise<void> | undefined;

const liveUpdate = (messages: string[]) => encodeMessage({ ':message-type': 'event', ':event-type': 'sessionUpdate', ':content-type': 'application/json' },
  Buffer.from(JSON.stringify({ sessionMetadata: { sampled: false }, sessionResults: messages.map((message, i) => ({ message, timestamp: 1700000000000 + i })) })));

/** Crafted SelectObjectContent streams, chosen by the object key; LiveTail streams by log group. */
function craftedBody(url: string, target: string | undefined): Buffer {
  if (target === 'Logs_20140328.StartLiveTail') {
    const update = liveUpdate;
    return Buffer.concat([
      encodeMessage({ ':message-type': 'event', ':event-type': 'initial-response', ':content-type': 'application/json' }, Buffer.from('{}')),
      update(['first line', 'second line']),
      corrupt(update(['never shown'])),
    ]);
  }
  const records = [event('Records', 'alpha,10\n'), event('Records', 'beta,2\n')];
  const stats = event('Stats', '<Stats><BytesScanned>100</BytesScanned><BytesProcessed>100</BytesProcessed><BytesReturned>16</BytesReturned></Stats>', 'text/xml');
  if (url.includes('/b/error')) {
    return Buffer.concat([...records, encodeMessage({ ':message-type': 'error', ':error-code': 'InternalError', ':error-message': 'We encountered an internal error. Please try again.' })]);
  }
  if (url.includes('/b/exception')) {
    return Buffer.concat([records[0]!, encodeMessage({ ':message-type': 'exception', ':exception-type': 'SelectThrottled', ':content-type': 'application/xml' }, Buffer.from('<Error><Message>slow down</Message></Error>'))]);
  }
  if (url.includes('/b/corrupt')) return Buffer.concat([records[0]!, corrupt(records[1]!), stats]);
  return Buffer.concat([records[0]!, event('Cont', ''), records[1]!, stats, event('End', '')]);
}

beforeAll(async () => {
  moto = await startMoto();
  sandbox = await startSandbox({ seed: 'demo' });
  crafted = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.headers['x-amz-target'] === 'Logs_20140328.StartLiveTail' && held) {
        // The held session: one update now, the rest when the test has seen it printed.
        res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'req-1' });
        res.write(Buffer.concat([encodeMessage({ ':message-type': 'event', ':event-type': 'initial-response', ':content-type': 'application/json' }, Buffer.from('{}')), liveUpdate(['arrived first'])]));
        held.then(() => res.end(liveUpdate(['arrived later'])));
        return;
      }
      const body = craftedBody(req.url ?? '/', req.headers['x-amz-target'] as string | undefined);
      res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'req-1', 'x-amz-request-id': 'req-1', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => crafted.listen(0, '127.0.0.1', resolve));
  craftedUrl = `http://127.0.0.1:${(crafted.address() as { port: number }).port}`;
  const env = moto.env();
  const seed = async (args: string[]) => {
    const r = await runAwsCliAsync(['--endpoint-url', moto.endpoint, 's3api', ...args], env);
    if (r.status !== 0) throw new Error(`seeding failed: ${args.join(' ')}\n${r.stderr}`);
  };
  await seed(['create-bucket', '--bucket', 'sel']);
  await seed(['put-object', '--bucket', 'sel', '--key', 'data.csv', '--body', writeTemp(CSV)]);
  await seed(['put-object', '--bucket', 'sel', '--key', 'data.json', '--body', writeTemp(JSON_LINES)]);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
  await sandbox?.close();
  await new Promise<void>((resolve) => (crafted ? crafted.close(() => resolve()) : resolve()));
});

function writeTemp(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'awsdeck-select-')), 'body');
  writeFileSync(path, text);
  return path;
}

/** Runs both tools with their own outfile; returns both results and both files' bytes (null when absent). */
async function selectBoth(endpoint: string, env: NodeJS.ProcessEnv, args: string[]) {
  const outCli = join(mkdtempSync(join(tmpdir(), 'awsdeck-sel-cli-')), 'out');
  const outOurs = join(mkdtempSync(join(tmpdir(), 'awsdeck-sel-ours-')), 'out');
  const line = (out: string) => ['--endpoint-url', endpoint, 's3api', 'select-object-content', ...args, out];
  const [cli, ours] = await Promise.all([runAwsCliAsync(line(outCli), env), runAwsdeckAsync(line(outOurs), env)]);
  const read = (p: string) => (existsSync(p) ? readFileSync(p, 'latin1') : null);
  return { cli, ours, fileCli: read(outCli), fileOurs: read(outOurs) };
}

function expectSame(r: Awaited<ReturnType<typeof selectBoth>>): void {
  expect(r.ours.stdout, r.ours.stderr).toBe(r.cli.stdout);
  expect(r.ours.stderr.replace(/awsdeck/g, 'aws')).toBe(r.cli.stderr);
  expect(r.ours.status).toBe(r.cli.status);
  expect(r.fileOurs).toBe(r.fileCli);
}

const SQL = ['--expression-type', 'SQL'];

describe('s3api select-object-content against moto, as the AWS CLI v2', () => {
  // moto's SQL reader is narrow (a lower-case s3object for WHERE; results always JSON).
  it('CSV in, with a WHERE clause', async () => {
    const r = await selectBoth(moto.endpoint, moto.env(), ['--bucket', 'sel', '--key', 'data.csv', '--expression', "SELECT * FROM s3object s WHERE s.name = 'beta'", ...SQL,
      '--input-serialization', '{"CSV": {"FileHeaderInfo": "USE"}}', '--output-serialization', '{"CSV": {}}']);
    expect(r.cli.status, r.cli.stderr).toBe(0);
    expect(r.fileCli).toContain('beta');
    expectSame(r);
  }, 60_000);

  it('JSON lines in, JSON out', async () => {
    const r = await selectBoth(moto.endpoint, moto.env(), ['--bucket', 'sel', '--key', 'data.json', '--expression', 'SELECT * FROM S3Object s', ...SQL,
      '--input-serialization', '{"JSON": {"Type": "LINES"}}', '--output-serialization', '{"JSON": {}}']);
    expect(r.cli.status, r.cli.stderr).toBe(0);
    expect(r.fileCli).toContain('gamma');
    expectSame(r);
  }, 60_000);

  it('a missing key is the HTTP error, and no stream', async () => {
    const r = await selectBoth(moto.endpoint, moto.env(), ['--bucket', 'sel', '--key', 'missing.csv', '--expression', 'SELECT * FROM S3Object', ...SQL,
      '--input-serialization', '{"CSV": {}}', '--output-serialization', '{"CSV": {}}']);
    expect(r.cli.status).not.toBe(0);
    expectSame(r);
  }, 60_000);
});

describe('s3api select-object-content on crafted streams, as the AWS CLI v2', () => {
  const env = () => isolated({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });
  const select = (key: string) => selectBoth(craftedUrl, env(), ['--bucket', 'b', '--key', key, '--expression', 'SELECT * FROM S3Object', ...SQL,
    '--input-serialization', '{"CSV": {}}', '--output-serialization', '{"CSV": {}}']);

  it('records, continuation, stats and end', async () => {
    const r = await select('ok');
    expect(r.fileCli).toBe('alpha,10\nbeta,2\n');
    expectSame(r);
  }, 60_000);

  for (const key of ['error', 'exception', 'corrupt']) {
    it(`records, then ${key === 'corrupt' ? 'a corrupted CRC' : `an ${key} message`}: the records before it, then the CLI's error`, async () => {
      const r = await select(key);
      expect(r.cli.status).not.toBe(0);
      expect(r.fileCli).toMatch(/^alpha,10\n/);
      expectSame(r);
    }, 60_000);
  }
});

describe('logs start-live-tail, as the AWS CLI v1 prints it', () => {
  const group = (name: string) => `arn:aws:logs:us-east-1:111111111111:log-group:${name}`;
  // botocore puts the operation's `streaming-` host prefix in front of a custom endpoint too.
  const sandboxEnv = () => isolated({ AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY, AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' });
  const both = async (endpoint: string, env: NodeJS.ProcessEnv, args: string[]) => {
    const line = ['--endpoint-url', endpoint, 'logs', 'start-live-tail', ...args];
    return Promise.all([runAwsCliV1Async(line, env), runAwsdeckAsync(line, env)]);
  };

  const cases: Array<[string, string[]]> = [
    ['one group, a filter pattern', ['--log-group-identifiers', group('/aws/lambda/dev-api-handler'), '--log-event-filter-pattern', 'ERROR']],
    ['two groups', ['--log-group-identifiers', group('/aws/lambda/dev-thumbnailer'), group('/dev/app/access')]],
    ['a stream name prefix', ['--log-group-identifiers', group('/dev/app/access'), '--log-stream-name-prefixes', '2024/06/02']],
    ['a group that does not exist', ['--log-group-identifiers', group('/nope')]],
  ];
  for (const [name, args] of cases) {
    it(`against the sandbox: ${name}`, async () => {
      const [cli, ours] = await both(sandbox.url, sandboxEnv(), args);
      expect(ours.stdout).toBe(cli.stdout);
      expect(ours.stderr.replace(/awsdeck/g, 'aws')).toBe(cli.stderr);
      // The CLI v1 exits 255 on a service error where v2 (and awsdeck) exit 254.
      expect(ours.status).toBe(cli.status === 255 && /An error occurred/.test(cli.stderr) ? 254 : cli.status);
    }, 60_000);
  }

  it('a corrupted frame ends the session with the checksum error, after the good updates', async () => {
    const env = isolated({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' });
    const [cli, ours] = await both(craftedUrl, env, ['--log-group-identifiers', group('/x')]);
    expect(cli.stdout).toMatch(/^first line\nsecond line\nChecksum mismatch/);
    expect(ours.stdout).toBe(cli.stdout);
    expect(ours.status).toBe(cli.status);
  }, 60_000);

  it('prints each update as it arrives, not when the session ends', async () => {
    let release!: () => void;
    held = new Promise<void>((resolve) => { release = resolve; });
    try {
      const env = isolated({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });
      const child = spawn(process.execPath, ['dist/awsdeck.js', '--endpoint-url', craftedUrl, 'logs', 'start-live-tail', '--log-group-identifiers', group('/held')], { env });
      let stdout = '';
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // The server holds the rest of the session until the first update is on awsdeck's stdout.
      await new Promise<void>((resolve) => child.stdout.on('data', (d) => { stdout += d; if (stdout.includes('arrived first\n')) resolve(); }));
      release();
      expect(await exited).toBe(0);
      expect(stdout).toBe('arrived first\narrived later\n');
    } finally {
      release();
      held = undefined;
    }
  }, 60_000);

  it('Ctrl-C ends a session quietly with exit code 0, as the CLI v1 does', async () => {
    let release!: () => void;
    held = new Promise<void>((resolve) => { release = resolve; });
    const env = isolated({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' });
    const interruptAfterFirstLine = (command: string, args: string[]) => new Promise<{ stdout: string; status: number | null }>((resolve) => {
      const child = spawn(command, [...args, '--endpoint-url', craftedUrl, 'logs', 'start-live-tail', '--log-group-identifiers', group('/held')], { env });
      let stdout = '';
      let sent = false;
      child.stdout.on('data', (d) => {
        stdout += d;
        if (!sent && stdout.includes('arrived first\n')) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('close', (status) => resolve({ stdout, status }));
    });
    try {
      const cli = await interruptAfterFirstLine('python3', ['-m', 'awscli']);
      const ours = await interruptAfterFirstLine(process.execPath, ['dist/awsdeck.js']);
      expect(cli).toEqual({ stdout: 'arrived first\n', status: 0 });
      expect(ours).toEqual(cli);
    } finally {
      release();
      held = undefined;
    }
  }, 60_000);
});
