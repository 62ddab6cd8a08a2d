// Large bodies live on disk in the sandbox: a multipart object is its parts' files (never joined
// in memory), ranged reads cross part boundaries correctly, and the files go away with the last
// object or upload that holds them.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type AwsClient } from '../../src/engine/http/client.js';
import { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, type Sandbox } from '../../src/sandbox/index.js';
import { SPILL_BYTES, spillFolder } from '../../src/sandbox/services/s3-bodies.js';

const MiB = 1024 * 1024;
let sandbox: Sandbox;
let s3: AwsClient;

/** Bytes whose value says where they are, so a misplaced range shows. */
function pattern(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7 + seed) % 256;
  return out;
}

function spilledFiles(): number {
  const folder = spillFolder();
  return folder ? readdirSync(folder).length : 0;
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'empty' });
  s3 = createClient({
    service: 's3api', region: 'us-east-1', endpointUrl: sandbox.url,
    credentials: { accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: SANDBOX_SECRET_ACCESS_KEY },
  });
  await s3.call('CreateBucket', { Bucket: 'large' });
});

afterAll(async () => {
  await sandbox?.close();
});

async function multipart(key: string, parts: Buffer[]): Promise<string> {
  const { UploadId } = await s3.call('CreateMultipartUpload', { Bucket: 'large', Key: key });
  const done = [];
  for (const [i, body] of parts.entries()) {
    const { ETag } = await s3.call('UploadPart', { Bucket: 'large', Key: key, UploadId, PartNumber: i + 1, Body: body });
    done.push({ PartNumber: i + 1, ETag });
  }
  const result = await s3.call('CompleteMultipartUpload', { Bucket: 'large', Key: key, UploadId, MultipartUpload: { Parts: done } });
  return String(result.ETag);
}

describe('large object bodies', () => {
  it('serve a multipart object whole and by ranges that cross part boundaries, with the multipart ETag', async () => {
    const parts = [pattern(5 * MiB, 1), pattern(5 * MiB, 2), pattern(MiB + 3, 3)];
    const whole = Buffer.concat(parts);
    const etag = await multipart('big.bin', parts);
    const digests = Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()));
    expect(etag).toBe(`"${createHash('md5').update(digests).digest('hex')}-3"`);
    const full = await s3.call('GetObject', { Bucket: 'large', Key: 'big.bin' });
    expect(Buffer.compare(full.Body as Buffer, whole)).toBe(0);
    for (const [start, end] of [[0, 99], [5 * MiB - 10, 5 * MiB + 9], [4 * MiB, 10 * MiB + 5], [whole.length - 7, whole.length - 1]]) {
      const ranged = await s3.call('GetObject', { Bucket: 'large', Key: 'big.bin', Range: `bytes=${start}-${end}` });
      expect(Buffer.compare(ranged.Body as Buffer, whole.subarray(start, end + 1))).toBe(0);
    }
    const head = await s3.call('HeadObject', { Bucket: 'large', Key: 'big.bin' });
    expect(head.ContentLength).toBe(whole.length);
    const listed = await s3.call('ListObjectsV2', { Bucket: 'large' });
    expect((listed.Contents as Array<{ Size: number }>)[0]!.Size).toBe(whole.length);
  });

  it('keep a copy readable after its source is deleted, and remove the files with the last holder', async () => {
    const body = pattern(2 * SPILL_BYTES, 9);
    await s3.call('PutObject', { Bucket: 'large', Key: 'put.bin', Body: body });
    await s3.call('CopyObject', { Bucket: 'large', Key: 'copy.bin', CopySource: 'large/put.bin' });
    const before = spilledFiles();
    await s3.call('DeleteObject', { Bucket: 'large', Key: 'put.bin' });
    expect(spilledFiles()).toBe(before); // the copy still holds the file
    const copy = await s3.call('GetObject', { Bucket: 'large', Key: 'copy.bin' });
    expect(Buffer.compare(copy.Body as Buffer, body)).toBe(0);
    await s3.call('DeleteObject', { Bucket: 'large', Key: 'copy.bin' });
    expect(spilledFiles()).toBe(before - 1);
  });

  it('free an overwritten object and an aborted upload', async () => {
    await multipart('over.bin', [pattern(5 * MiB, 4), pattern(2 * MiB, 5)]);
    const withObject = spilledFiles();
    await s3.call('PutObject', { Bucket: 'large', Key: 'over.bin', Body: Buffer.from('small now') });
    expect(spilledFiles()).toBe(withObject - 2);
    const { UploadId } = await s3.call('CreateMultipartUpload', { Bucket: 'large', Key: 'gone.bin' });
    await s3.call('UploadPart', { Bucket: 'large', Key: 'gone.bin', UploadId, PartNumber: 1, Body: pattern(5 * MiB, 6) });
    expect(spilledFiles()).toBe(withObject - 1);
    await s3.call('AbortMultipartUpload', { Bucket: 'large', Key: 'gone.bin', UploadId });
    expect(spilledFiles()).toBe(withObject - 2);
    expect((await s3.call('GetObject', { Bucket: 'large', Key: 'over.bin' })).Body?.toString()).toBe('small now');
  });
});
