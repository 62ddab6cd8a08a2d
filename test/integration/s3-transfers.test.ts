// Differential tests of the transfer engine under the s3 commands, against the AWS CLI v2 on moto:
// multipart upload, ranged download and multipart copy above a small multipart_threshold; a part
// that fails once and is retried; a part that keeps failing, so the upload is aborted and no
// multipart upload is left behind (both through a fault-injecting proxy in front of moto); keys
// with spaces, `+`, `%`, non-ASCII and control characters; keys that would escape the destination.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type MotoServer } from '../support/moto.js';
// moto checks S3 signatures against a re-encoded query; this launcher checks the query as sent.
import { startMotoRawQuery } from '../support/moto-raw-query.js';
import { boto, ensureDir, expectSame, pairHarness, usePrivateBundle, treeOf, type PairHarness } from '../support/s3-pair.js';

let moto: MotoServer;
/** Signature checking off: moto 5.2.1 rejects valid signatures on keys with `+` or non-ASCII. */
let motoNoAuth: MotoServer;
let proxy: Server;
let proxyUrl: string;
let root: string;
let h: PairHarness;
let hNoAuth: PairHarness;
let hProxy: PairHarness;
let multipartEnv: NodeJS.ProcessEnv;

/** Decides per request whether the proxy answers 500 instead of passing it to moto. */
let shouldFail: (method: string, url: string) => boolean = () => false;
const seen: string[] = [];
const PART_2 = /[?&]partNumber=2(&|$)/;

beforeAll(async () => {
  [moto, motoNoAuth] = await Promise.all([startMotoRawQuery(), startMoto({ auth: false })]);
  await usePrivateBundle();
  root = mkdtempSync(join(tmpdir(), 'awsdeck-s3x-'));
  const configFile = join(root, 'config');
  writeFileSync(configFile, '[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n  max_concurrent_requests = 4\n');
  const env = (server: MotoServer) => server.env({ TZ: 'UTC', HOME: ensureDir(join(root, 'home')), AWS_CONFIG_FILE: join(root, 'no-config') });
  multipartEnv = { AWS_CONFIG_FILE: configFile };
  h = pairHarness(moto, join(root, 'auth'), env(moto));
  hNoAuth = pairHarness(motoNoAuth, join(root, 'noauth'), env(motoNoAuth));
  proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (shouldFail(req.method ?? '', req.url ?? '')) {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>');
      return;
    }
    const upstream = request(`${moto.endpoint}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  // Seeding and inspection go straight to moto: boto() blocks this process, and so the proxy.
  hProxy = pairHarness(moto, join(root, 'proxy'), env(moto), proxyUrl);
}, 120_000);

afterAll(async () => {
  proxy?.close();
  await Promise.all([moto?.stop(), motoNoAuth?.stop()]);
});

// ASCII, so that files, stdin and captured stdout all hold the same bytes; 12 MiB and a bit.
const big = randomBytes(9 * 1024 * 1024 + 93).toString('base64');

describe('multipart above multipart_threshold', () => {
  it('uploads in parts, downloads in ranges and copies with UploadPartCopy', async () => {
    const c = h.newCase({ 'big.bin': big, 'small.txt': 'small' });
    let [cli, deck] = await h.both(c, ['s3', 'cp', '.', 's3://BUCKET/up/', '--recursive', '--no-progress'], { env: multipartEnv });
    expectSame(cli, deck, 'sorted');
    expect(h.bucketOf(c.deck.bucket)['up/big.bin'].parts).not.toBe('');
    h.expectSameBuckets(c);
    [cli, deck] = await h.both(c, ['s3', 'cp', 's3://BUCKET/up/big.bin', 'down/big.bin', '--no-progress'], { env: multipartEnv });
    expectSame(cli, deck);
    expect(readFileSync(join(c.deck.dir, 'down/big.bin'), 'latin1') === big).toBe(true);
    [cli, deck] = await h.both(c, ['s3', 'cp', 's3://BUCKET/up/big.bin', 's3://BUCKET/copied.bin', '--no-progress'], { env: multipartEnv });
    expectSame(cli, deck);
    [cli, deck] = await h.both(c, ['s3', 'cp', 's3://BUCKET/up/big.bin', '-'], { env: multipartEnv });
    expect(deck.stdout.length).toBe(cli.stdout.length);
    expect(deck.stdout === cli.stdout).toBe(true);
    h.expectSameBuckets(c);
  }, 240_000);

  it('streams a large stdin upload in parts', async () => {
    const c = h.newCase();
    const [cli, deck] = await h.both(c, ['s3', 'cp', '-', 's3://BUCKET/from-stdin'], { env: multipartEnv, input: big });
    expectSame(cli, deck);
    expect(h.bucketOf(c.deck.bucket)['from-stdin'].parts).not.toBe('');
    h.expectSameBuckets(c);
  }, 240_000);
});

describe('failed parts', () => {
  it('retries a part that fails once; the upload succeeds', async () => {
    const c = hProxy.newCase({ 'big.bin': big });
    const failedOnce = new Set<string>();
    shouldFail = (method, url) => {
      if (method !== 'PUT' || !PART_2.test(url)) return false;
      const bucket = url.split('/')[1];
      if (failedOnce.has(bucket)) return false;
      failedOnce.add(bucket);
      return true;
    };
    seen.length = 0;
    const [cli, deck] = await hProxy.both(c, ['s3', 'cp', 'big.bin', 's3://BUCKET/big.bin', '--no-progress'], { env: multipartEnv });
    shouldFail = () => false;
    expectSame(cli, deck);
    expect(deck.status).toBe(0);
    expect(seen.filter((s) => s.startsWith(`PUT /${c.deck.bucket}/big.bin?`) && PART_2.test(s))).toHaveLength(2);
    hProxy.expectSameBuckets(c);
  }, 240_000);

  it('aborts the multipart upload when a part keeps failing', async () => {
    const c = hProxy.newCase({ 'big.bin': big });
    shouldFail = (method, url) => method === 'PUT' && PART_2.test(url);
    const [cli, deck] = await hProxy.both(c, ['s3', 'cp', 'big.bin', 's3://BUCKET/big.bin', '--no-progress'], { env: multipartEnv });
    shouldFail = () => false;
    expectSame(cli, deck);
    expect(deck.status).toBe(1);
    expect(deck.stderr).toMatch(/^upload failed: \.\/big\.bin to s3:\/\/BUCKET\/big\.bin An error occurred \(InternalError\) when calling the UploadPart operation/);
    for (const bucket of [c.cli.bucket, c.deck.bucket]) {
      expect(boto(moto, [['uploads', { Bucket: bucket }]])[0]).toEqual([]);
    }
    hProxy.expectSameBuckets(c);
  }, 240_000);
});

describe('keys people actually have', () => {
  const files = { 'k/sp ace.txt': '1', 'k/plus+sign.txt': '2', 'k/pct%41.txt': '3', 'k/ünï-東京.txt': '4', 'k/tab\there.txt': '5', 'k/emoji😀.md': '6' };

  it('uploads, lists, downloads, syncs and removes them (signature checking off, see above)', async () => {
    const c = hNoAuth.newCase(files);
    for (const [args, how] of [
      [['s3', 'cp', 'k', 's3://BUCKET/k', '--recursive', '--no-progress'], 'sorted'],
      [['s3', 'ls', 's3://BUCKET/k/'], 'exact'],
      [['s3', 'cp', 's3://BUCKET/k', 'down', '--recursive', '--no-progress'], 'sorted'],
      [['s3', 'sync', 's3://BUCKET/k', 'down', '--no-progress'], 'exact'],
      [['s3', 'cp', 's3://BUCKET/k/ünï-東京.txt', 'one/', '--no-progress'], 'exact'],
      [['s3', 'rm', 's3://BUCKET/k/', '--recursive', '--exclude', '*%*'], 'sorted'],
    ] as Array<[string[], 'exact' | 'sorted']>) {
      const [cli, deck] = args[1] === 'ls' ? await hNoAuth.bothOnOneBucket(c, args) : await hNoAuth.both(c, args);
      expectSame(cli, deck, how);
    }
    expect(treeOf(c.deck.dir)).toEqual(treeOf(c.cli.dir));
    hNoAuth.expectSameBuckets(c);
  }, 240_000);

  it('skips keys that would be written outside the destination folder, with the CLI warning and exit code 2', async () => {
    const c = hNoAuth.newCase({}, { '../escape.txt': 'e', 'a/../../up.txt': 'u', 'a/../inside.txt': 'i', 'ok.txt': 'o' });
    for (const args of [['s3', 'cp', 's3://BUCKET', 'dest/inner', '--recursive', '--no-progress'], ['s3', 'sync', 's3://BUCKET', 'synced/inner', '--no-progress']]) {
      const [cli, deck] = await hNoAuth.both(c, args);
      expectSame(cli, deck, 'sorted');
      expect(deck.status).toBe(2);
    }
    expect(treeOf(c.deck.dir)).toEqual(treeOf(c.cli.dir));
    for (const outside of ['dest/escape.txt', 'dest/up.txt', 'escape.txt', 'up.txt', 'synced/escape.txt']) expect(existsSync(join(c.deck.dir, outside))).toBe(false);
  }, 240_000);
});
