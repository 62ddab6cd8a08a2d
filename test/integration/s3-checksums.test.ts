// Flexible checksums beside the AWS CLI v2 on moto (signature checking on): `--checksum-algorithm`
// sends the CLI's `x-amz-checksum-*` value for each algorithm (moto keeps what was sent and returns
// it), an unknown algorithm and a header given by hand behave alike, and `--checksum-mode ENABLED`
// fails on a body whose stored checksum is wrong with the CLI's message and exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type MotoServer } from '../support/moto.js';
import { ensureDir, expectSame, pairHarness, usePrivateBundle, type PairHarness } from '../support/s3-pair.js';
import { checksumBase64 } from '../../src/engine/protocols/checksums.js';

let moto: MotoServer;
let root: string;
let onMoto: PairHarness;

beforeAll(async () => {
  [moto] = await Promise.all([startMoto(), usePrivateBundle()]);
  root = mkdtempSync(join(tmpdir(), 'awsdeck-checksums-'));
  const env = moto.env({ TZ: 'UTC', HOME: ensureDir(join(root, 'home')), AWS_CONFIG_FILE: join(root, 'no-config') });
  onMoto = pairHarness(moto, ensureDir(join(root, 'moto')), env);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

// 300 KB of varied bytes, so that a table or byte-order slip in a CRC shows.
const BODY = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919 + (i >> 8)) & 0xff));

describe.concurrent('flexible checksums on moto, awsdeck beside the AWS CLI v2', () => {
  it.concurrent('put-object and upload-part send the CLI\'s checksum for CRC32, CRC32C, SHA1 and SHA256', async () => {
    const c = onMoto.newCase();
    for (const side of [c.cli, c.deck]) writeFileSync(join(side.dir, 'body.bin'), BODY);
    for (const algorithm of ['CRC32', 'CRC32C', 'SHA1', 'SHA256']) {
      const put = await onMoto.both(c, ['s3api', 'put-object', '--bucket', 'BUCKET', '--key', `k-${algorithm}`, '--body', 'body.bin', '--checksum-algorithm', algorithm]);
      expectSame(...put);
      expect(JSON.parse(put[1].stdout)[`Checksum${algorithm}`]).toBe(checksumBase64(algorithm.toLowerCase() as 'crc32', BODY));
      const head = await onMoto.both(c, ['s3api', 'head-object', '--bucket', 'BUCKET', '--key', `k-${algorithm}`, '--checksum-mode', 'ENABLED', '--query', `Checksum${algorithm}`]);
      expectSame(...head);
      const get = await onMoto.both(c, ['s3api', 'get-object', '--bucket', 'BUCKET', '--key', `k-${algorithm}`, '--checksum-mode', 'ENABLED', 'out.bin', '--query', `Checksum${algorithm}`]);
      expectSame(...get);
      expect(get[1].status).toBe(0);
    }
    // A part of a multipart upload carries its own checksum too (both tools send part 1 of one upload).
    const created = await onMoto.both(c, ['s3api', 'create-multipart-upload', '--bucket', 'BUCKET', '--key', 'mp', '--checksum-algorithm', 'SHA256', '--query', 'UploadId', '--output', 'text']);
    const part = await onMoto.bothOnOneBucket(c, ['s3api', 'upload-part', '--bucket', 'BUCKET', '--key', 'mp', '--part-number', '1', '--body', 'body.bin',
      '--checksum-algorithm', 'SHA256', `--upload-id=${created[0].stdout.trim()}`, '--query', 'ChecksumSHA256']);
    expectSame(...part);
    expect(part[1].stdout).toBe(`"${checksumBase64('sha256', BODY)}"\n`);
  });

  it.concurrent('an algorithm botocore lacks, and a checksum given by hand, are handled as the CLI handles them', async () => {
    const c = onMoto.newCase({ 'a.txt': 'hello\n' });
    const unknown = await onMoto.both(c, ['s3api', 'put-object', '--bucket', 'BUCKET', '--key', 'x', '--body', 'a.txt', '--checksum-algorithm', 'MD5']);
    expectSame(...unknown);
    expect(unknown[1]).toMatchObject({ status: 255, stderr: expect.stringContaining('Unsupported checksum algorithm: md5') });
    // Given by hand, the value is sent as it is, even a wrong one (moto keeps it).
    const given = 'WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgX=';
    const byHand = await onMoto.both(c, ['s3api', 'put-object', '--bucket', 'BUCKET', '--key', 'y', '--body', 'a.txt', '--checksum-algorithm', 'SHA256', '--checksum-sha256', given]);
    expectSame(...byHand);
    expect(JSON.parse(byHand[1].stdout).ChecksumSHA256).toBe(given);
    // Read back with validation: the body does not match, and both tools refuse it alike.
    const mismatch = await onMoto.both(c, ['s3api', 'get-object', '--bucket', 'BUCKET', '--key', 'y', '--checksum-mode', 'ENABLED', 'y.txt']);
    expect(mismatch[1]).toMatchObject({ status: 255, stderr: `\nExpected checksum ${given} did not match calculated checksum: ${checksumBase64('sha256', 'hello\n')}\n` });
    expect(mismatch[1].status).toBe(mismatch[0].status);
    expect(mismatch[1].stderr).toBe(mismatch[0].stderr);
    // Without validation the same object is simply read.
    const plain = await onMoto.both(c, ['s3api', 'get-object', '--bucket', 'BUCKET', '--key', 'y', 'y.txt', '--query', 'ContentLength']);
    expectSame(...plain);
    expect(plain[1].stdout).toBe('6\n');
  });
});
