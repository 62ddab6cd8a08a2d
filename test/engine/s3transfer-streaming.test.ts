// The transfer engine against the sandbox with a real client: parts go up as streamed payloads
// with a bounded number of bytes read but not yet sent, ranged downloads are streamed to the file,
// a body cut off mid-way is fetched again (and its progress taken back), and progress adds up.
import { createHash, randomFillSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type AwsClient } from '../../src/engine/http/client.js';
import type { CallOptions } from '../../src/engine/http/types.js';
import { createTransferContext, downloadToFile, uploadFile, DEFAULT_TRANSFER_CONFIG, type S3Caller } from '../../src/engine/s3transfer/index.js';
import { PAYLOAD_SLICE } from '../../src/engine/s3transfer/file-payload.js';
import { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, type Sandbox } from '../../src/sandbox/index.js';

const MiB = 1024 * 1024;
const SIZE = 40 * MiB + 12345;
let sandbox: Sandbox;
let s3: AwsClient;
let root: string;
let source: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'empty' });
  s3 = createClient({
    service: 's3api', region: 'us-east-1', endpointUrl: sandbox.url,
    credentials: { accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: SANDBOX_SECRET_ACCESS_KEY },
  });
  await s3.call('CreateBucket', { Bucket: 'streams' });
  root = mkdtempSync(join(tmpdir(), 'awsdeck-streaming-'));
  source = join(root, 'source.bin');
  writeFileSync(source, randomFillSync(Buffer.allocUnsafe(SIZE)));
});

afterAll(async () => {
  await sandbox?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const config = { ...DEFAULT_TRANSFER_CONFIG, maxConcurrentRequests: 4 };
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('streamed multipart transfers', () => {
  it('upload parts as payloads read from the file, never more than two slices per request read ahead of the socket', async () => {
    let read = 0;
    let sent = 0;
    let mostInFlight = 0;
    const partCalls: Array<{ body: unknown; streamed: boolean }> = [];
    const counting: S3Caller = {
      call(op, params, options?: CallOptions) {
        if (op !== 'UploadPart') return s3.call(op, params, options);
        partCalls.push({ body: params?.Body, streamed: options?.payload !== undefined });
        const payload = options!.payload!;
        return s3.call(op, params, {
          ...options,
          payload: {
            ...payload,
            async *open() {
              for await (const slice of payload.open()) {
                read += slice.length;
                mostInFlight = Math.max(mostInFlight, read - sent);
                yield slice;
              }
            },
          },
          onBodySent: (bytes) => { sent += bytes; options?.onBodySent?.(bytes); },
        });
      },
    };
    let progress = 0;
    await uploadFile(createTransferContext(counting, config), source, SIZE, { bucket: 'streams', key: 'up.bin' }, {}, (n) => { progress += n; });
    expect(partCalls.length).toBe(6); // 8 MiB parts
    expect(partCalls.every((c) => c.streamed && c.body === undefined)).toBe(true);
    // Whole parts in memory would be 4 × 8 MiB here.
    expect(mostInFlight).toBeLessThanOrEqual(config.maxConcurrentRequests * 2 * PAYLOAD_SLICE);
    expect(sent).toBe(SIZE);
    expect(progress).toBe(SIZE);
    const head = await s3.call('HeadObject', { Bucket: 'streams', Key: 'up.bin' });
    expect(head.ContentLength).toBe(SIZE);
  }, 120_000);

  it('download ranges as streams, fetch a body cut off mid-way again, and report each byte once in the end', async () => {
    let cutOnce = false;
    const streamedRanges: boolean[] = [];
    const cutting: S3Caller = {
      async call(op, params, options?: CallOptions) {
        const result = await s3.call(op, params, options);
        if (op !== 'GetObject') return result;
        streamedRanges.push(options?.streamResponse === true && !(result.Body instanceof Uint8Array));
        if (cutOnce || params?.Range !== `bytes=${8 * MiB}-${16 * MiB - 1}`) return result;
        cutOnce = true;
        const body = result.Body as AsyncIterable<Uint8Array>;
        // The connection drops after the first MiB of the second range.
        return {
          ...result,
          Body: (async function* () {
            let passed = 0;
            for await (const chunk of body) {
              if (passed >= MiB) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
              passed += chunk.length;
              yield chunk;
            }
          })(),
        };
      },
    };
    const destination = join(root, 'down.bin');
    let progress = 0;
    let wentBack = false;
    await downloadToFile(createTransferContext(cutting, config), { bucket: 'streams', key: 'up.bin' }, SIZE, destination, {}, (n) => {
      progress += n;
      if (n < 0) wentBack = true;
    });
    expect(cutOnce).toBe(true);
    expect(wentBack).toBe(true);
    expect(streamedRanges.length).toBe(7); // six ranges, one of them twice
    expect(streamedRanges.every(Boolean)).toBe(true);
    expect(progress).toBe(SIZE);
    expect(sha256(destination)).toBe(sha256(source));
  }, 120_000);
});
