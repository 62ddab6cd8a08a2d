// SSE-C (customer-provided keys) end to end, awsdeck beside the AWS CLI v2 against the sandbox,
// which enforces SSE-C as S3 does (key MD5 checked, the key required on every read and part).
// moto and the headers on the wire: s3-sse-c-wire.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from '../../src/sandbox/index.js';
import { freePort } from '../support/moto.js';
import { buildPrivateBundle } from '../support/private-bundle.js';
import { ensureDir, expectSame, pairHarness, runIn, usePrivateBundle, type Case, type PairHarness } from '../support/s3-pair.js';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');
const OTHER_KEY = randomBytes(32);
const BIG = randomBytes(11 * 1024 * 1024 + 17); // three 5 MiB parts with the config below

let sandbox: { url: string; process: ChildProcess };
let root: string;
let env: NodeJS.ProcessEnv;
let onSandbox: PairHarness;

beforeAll(async () => {
  [sandbox] = await Promise.all([sandboxProcess(), usePrivateBundle()]);
  root = mkdtempSync(join(tmpdir(), 'awsdeck-sse-c-'));
  const home = ensureDir(join(root, 'home'));
  writeFileSync(join(root, 'config'), '[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n');
  env = {
    PATH: process.env.PATH, TZ: 'UTC', HOME: home, AWS_CONFIG_FILE: join(root, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '',
    AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY,
  };
  onSandbox = pairHarness({ endpoint: sandbox.url, accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: SANDBOX_SECRET_ACCESS_KEY }, ensureDir(join(root, 'sandbox')), env);
}, 120_000);

afterAll(async () => {
  sandbox?.process.kill();
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

describe.concurrent('SSE-C on the sandbox (enforced as S3 does)', () => {
  it.concurrent('uploads, downloads (ranged, after HeadObject), copies with a new key, syncs and moves; reads without or with a wrong key fail alike', async () => {
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
  }, 180_000);

  it.concurrent('put-object, head-object, get-object, copy-object and a multipart upload give what the CLI gives', async () => {
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
  }, 180_000);
});

const KEY_MD5 = 'hRasmdxgYDKV3nvbahU1MA==';
