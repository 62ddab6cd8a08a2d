// The transfer engine without a server: config parsing, part layout, multipart abort on failure,
// the request-slot limit, ordered ranged downloads, and presigning against AWS's published example.
import { describe, expect, it, vi } from 'vitest';
import {
  createTransferContext, downloadToWriter, parseHumanSize, partSizeFor, presignGetObject, transferConfigFromSection, uploadStream,
  BandwidthLimiter, DEFAULT_TRANSFER_CONFIG, type S3Caller,
} from '../../src/engine/s3transfer/index.js';
import { copyObject } from '../../src/engine/s3transfer/copy.js';
import { splitRanges } from '../../src/engine/s3transfer/multipart.js';
import { Readable } from 'node:stream';

const MiB = 1024 * 1024;

describe('the s3 config section', () => {
  it.each([
    ['8MB', 8 * MiB], ['10MiB', 10 * MiB], ['1048576', MiB], ['1kb', 1024], ['2GB', 2 * 1024 * MiB],
  ])('size %s is %d bytes', (text, bytes) => {
    expect(parseHumanSize(text)).toBe(bytes);
  });

  it('reads every key, rates in bytes or bits per second', () => {
    const config = transferConfigFromSection({
      multipart_threshold: '64MB', multipart_chunksize: '16MB', max_concurrent_requests: '20', max_queue_size: '50',
      max_bandwidth: '800Kb/s', preferred_transfer_client: 'default',
    });
    expect(config).toEqual({
      multipartThreshold: 64 * MiB, multipartChunksize: 16 * MiB, maxConcurrentRequests: 20, maxQueueSize: 50,
      maxBandwidth: 100 * 1024, preferredTransferClient: 'default',
    });
    expect(transferConfigFromSection({ max_bandwidth: '1MB/s' }).maxBandwidth).toBe(MiB);
    expect(transferConfigFromSection(undefined)).toEqual(DEFAULT_TRANSFER_CONFIG);
  });

  it.each([
    [{ max_concurrent_requests: '0' }, 'Value for max_concurrent_requests must be a positive integer: 0'],
    [{ multipart_chunksize: 'lots' }, 'Invalid size value: lots'],
    [{ max_bandwidth: '10MB' }, 'Invalid rate: 10MB. The value must be expressed as a rate in terms of bytes per second (e.g. 10MB/s or 800KB/s) or bits per second (e.g. 10Mb/s or 800Kb/s)'],
    [{ preferred_transfer_client: 'fast' }, 'Invalid value: "fast" for configuration option: "preferred_transfer_client". Supported values are: default, crt'],
  ])('rejects %j', (section, message) => {
    expect(() => transferConfigFromSection(section as Record<string, string>)).toThrow(message);
  });
});

describe('part layout', () => {
  it('never goes below 5 MiB parts and doubles the part size to stay within 10,000 parts', () => {
    expect(partSizeFor(100 * MiB, MiB)).toBe(5 * MiB);
    expect(partSizeFor(100 * MiB, 8 * MiB)).toBe(8 * MiB);
    expect(Math.ceil((200 * 1024 * MiB) / partSizeFor(200 * 1024 * MiB, 8 * MiB))).toBeLessThanOrEqual(10_000);
  });

  it('splits a size into contiguous ranges, the last one short', () => {
    expect(splitRanges(12, 5)).toEqual([{ partNumber: 1, start: 0, end: 5 }, { partNumber: 2, start: 5, end: 10 }, { partNumber: 3, start: 10, end: 12 }]);
  });
});

/** A scripted S3: records calls, can fail chosen ones, and tracks how many run at once. */
function fakeS3(fail: (op: string, params: Record<string, unknown>) => boolean = () => false) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  let active = 0;
  let maxActive = 0;
  const client: S3Caller = {
    async call(op, params = {}) {
      calls.push([op, params]);
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setImmediate(r));
      active--;
      if (fail(op, params)) throw new Error(`${op} failed`);
      if (op === 'CreateMultipartUpload') return { UploadId: 'u-1' };
      if (op === 'UploadPart') return { ETag: `"etag-${params.PartNumber}"` };
      if (op === 'UploadPartCopy') return { CopyPartResult: { ETag: `"etag-${params.PartNumber}"` } };
      if (op === 'GetObject') {
        const [start, end] = String(params.Range).slice(6).split('-').map(Number);
        return { Body: Buffer.from(Array.from({ length: end - start + 1 }, (_, i) => (start + i) % 251)) };
      }
      return {};
    },
  };
  return { client, calls, maxActive: () => maxActive };
}

const smallParts = { ...DEFAULT_TRANSFER_CONFIG, multipartThreshold: 5 * MiB, multipartChunksize: 5 * MiB, maxConcurrentRequests: 2 };

describe('multipart transfers', () => {
  it('uploads a stream in parts, completes them in order, and keeps at most max_concurrent_requests in flight', async () => {
    const s3 = fakeS3();
    const ctx = createTransferContext(s3.client, smallParts);
    await uploadStream(ctx, Readable.from([Buffer.alloc(12 * MiB, 1)]), { bucket: 'b', key: 'k' }, { ContentType: 'text/plain' });
    const ops = s3.calls.map(([op]) => op);
    expect(ops[0]).toBe('CreateMultipartUpload');
    expect(s3.calls[0][1].ContentType).toBe('text/plain');
    expect(ops.filter((o) => o === 'UploadPart')).toHaveLength(3);
    const complete = s3.calls.find(([op]) => op === 'CompleteMultipartUpload')![1];
    expect((complete.MultipartUpload as { Parts: unknown[] }).Parts).toEqual([1, 2, 3].map((n) => ({ PartNumber: n, ETag: `"etag-${n}"` })));
    expect(s3.maxActive()).toBeLessThanOrEqual(2);
  });

  it('aborts the upload when a part fails for good, and reports the part failure', async () => {
    const s3 = fakeS3((op, p) => op === 'UploadPart' && p.PartNumber === 2);
    const ctx = createTransferContext(s3.client, smallParts);
    await expect(uploadStream(ctx, Readable.from([Buffer.alloc(12 * MiB)]), { bucket: 'b', key: 'k' }, {})).rejects.toThrow('UploadPart failed');
    const ops = s3.calls.map(([op]) => op);
    expect(ops).toContain('AbortMultipartUpload');
    expect(ops).not.toContain('CompleteMultipartUpload');
  });

  it('copies above the threshold with UploadPartCopy ranges and aborts on failure', async () => {
    const s3 = fakeS3((op, p) => op === 'UploadPartCopy' && p.PartNumber === 3);
    const ctx = createTransferContext(s3.client, smallParts);
    await expect(copyObject(ctx, { bucket: 'src', key: 'a b+c' }, 11 * MiB, { bucket: 'dst', key: 'k' }, {})).rejects.toThrow();
    const part = s3.calls.find(([op]) => op === 'UploadPartCopy')![1];
    expect(part.CopySource).toBe('src/a%20b%2Bc');
    expect(s3.calls.map(([op]) => op)).toContain('AbortMultipartUpload');
  });

  it('downloads ranges concurrently but writes them in order', async () => {
    const s3 = fakeS3();
    const ctx = createTransferContext(s3.client, smallParts);
    const chunks: Buffer[] = [];
    await downloadToWriter(ctx, { bucket: 'b', key: 'k' }, 11 * MiB + 7, {}, async (c) => { chunks.push(c); });
    const all = Buffer.concat(chunks);
    expect(all.length).toBe(11 * MiB + 7);
    expect(all.every((byte, i) => byte === i % 251)).toBe(true);
    expect(s3.maxActive()).toBeLessThanOrEqual(2);
  });
});

describe('presigned URLs', () => {
  // AWS's published SigV4 query-string example (GET examplebucket/test.txt, 2013-05-24, 86400 s).
  it('match the signature of the example in the S3 documentation', () => {
    const url = presignGetObject({
      bucket: 'examplebucket', key: 'test.txt', endpoint: new URL('https://s3.amazonaws.com'), customEndpoint: false,
      addressingStyle: 'auto', region: 'us-east-1', expiresIn: 86400, now: new Date('2013-05-24T00:00:00Z'),
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    });
    expect(url).toBe('https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256'
      + '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z'
      + '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });
});

describe('max_bandwidth', () => {
  it('lets a second of bytes through at once, then holds each caller until the bucket refills (fake clock)', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const limiter = new BandwidthLimiter(1000);
      let done = 0;
      await limiter.consume(1000);
      const next = limiter.consume(500).then(() => { done++; });
      await vi.advanceTimersByTimeAsync(499);
      expect(done).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      await next;
      expect(done).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
