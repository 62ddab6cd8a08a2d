// SSE-C on moto (which stores SSE-C objects without checking keys, but checks signatures) for
// both tools, and the SSE-C headers on the wire: a recording server shows that awsdeck sends the
// CLI v2's headers, and --debug never shows a key. The sandbox's enforcement: s3-sse-c.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type MotoServer } from '../support/moto.js';
import { ensureDir, expectSame, pairHarness, runIn, usePrivateBundle, type PairHarness } from '../support/s3-pair.js';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');
const OTHER_KEY = randomBytes(32);

let moto: MotoServer;
let root: string;
let env: NodeJS.ProcessEnv;
let onMoto: PairHarness;

beforeAll(async () => {
  [moto] = await Promise.all([startMoto(), usePrivateBundle()]);
  root = mkdtempSync(join(tmpdir(), 'awsdeck-sse-c-wire-'));
  writeFileSync(join(root, 'config'), '[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n');
  env = moto.env({ TZ: 'UTC', HOME: ensureDir(join(root, 'home')), AWS_CONFIG_FILE: join(root, 'config') });
  onMoto = pairHarness(moto, ensureDir(join(root, 'moto')), env);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
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

describe.concurrent('SSE-C against the CLI v2', () => {
  it.concurrent('a multipart upload and a ranged download with a key round-trip for both tools', async () => {
    const h = onMoto;
    const c = h.newCase({});
    const medium = randomBytes(6 * 1024 * 1024); // two parts
    for (const side of [c.cli, c.deck]) {
      writeFileSync(join(side.dir, 'medium.bin'), medium);
      writeFileSync(join(side.dir, 'key.bin'), KEY);
    }
    for (const args of [
      ['s3', 'cp', 'medium.bin', 's3://BUCKET/m.bin', '--sse-c', '--sse-c-key', 'fileb://key.bin'],
      ['s3', 'cp', 's3://BUCKET/m.bin', 'down.bin', '--sse-c', '--sse-c-key', 'fileb://key.bin'],
    ]) {
      const [cli, deck] = await h.both(c, args);
      expectSame(cli, deck, 'progress');
    }
    for (const side of [c.cli, c.deck]) expect(readFileSync(join(side.dir, 'down.bin')).equals(medium)).toBe(true);
  }, 180_000);

  it.concurrent('are the CLI v2\'s for s3api and s3 commands, and --debug shows no key', async () => {
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
        expect(sent).toEqual(wire(before).slice(0, middle - before));
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
  }, 180_000);
});
