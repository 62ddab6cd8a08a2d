// Downloads: one GetObject below the multipart threshold, otherwise ranged GETs of one chunk each,
// run through the shared request slots. Bodies are written at their offsets as they arrive (never
// held whole), and a body cut off mid-way is fetched again. The file is written under
// a temporary name beside the destination and renamed at the end, so a failed download never
// leaves a half-written file under the real name.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { SMALL_FILE } from './config.js';
import { basename, dirname, join } from 'node:path';
import { perPartParams, type ObjectRef, type ProgressListener, type TransferContext } from './context.js';
import { splitRanges, type PartRange } from './multipart.js';
import { TransportError } from '../http/errors.js';

export async function downloadToFile(
  ctx: TransferContext, source: ObjectRef, size: number, destination: string, extra: Record<string, unknown>, onProgress?: ProgressListener,
): Promise<void> {
  const temporary = join(dirname(destination), `${basename(destination)}.${randomBytes(4).toString('hex')}`);
  if (size <= SMALL_FILE && size < ctx.config.multipartThreshold) {
    const body = await ctx.slots.use(() => getBody(ctx, source, extra));
    try {
      writeFileSync(temporary, body);
      renameSync(temporary, destination);
    } catch (err) {
      rmSync(temporary, { force: true });
      throw err;
    }
    onProgress?.(body.length);
    return;
  }
  const file = await open(temporary, 'w');
  let closed = false;
  try {
    if (size < ctx.config.multipartThreshold) {
      await ctx.slots.use(() => streamRangeToFile(ctx, source, extra, file, undefined, size, onProgress));
    } else {
      await forEachRange(size, ctx.config.multipartChunksize, (range) => ctx.slots.use(
        () => streamRangeToFile(ctx, source, extra, file, range, range.end - range.start, onProgress),
      ));
    }
    await file.close();
    closed = true;
    await rename(temporary, destination);
  } catch (err) {
    if (!closed) await file.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw err;
  }
}

/**
 * Download into a sequential writer (stdout). Ranges are fetched concurrently but written in
 * order, with at most max_concurrent_requests ranges fetched ahead of the writer.
 */
export async function downloadToWriter(
  ctx: TransferContext, source: ObjectRef, size: number, extra: Record<string, unknown>, write: (chunk: Buffer) => Promise<void>, onProgress?: ProgressListener,
): Promise<void> {
  if (size < ctx.config.multipartThreshold) {
    const body = await ctx.slots.use(() => getBody(ctx, source, extra));
    await write(body);
    onProgress?.(body.length);
    return;
  }
  const ranges = splitRanges(size, ctx.config.multipartChunksize);
  const window = Math.max(1, ctx.slots.limit);
  const fetches: Array<Promise<Buffer>> = [];
  const start = (i: number) => {
    const fetched = ctx.slots.use(() => getBody(ctx, source, extra, ranges[i]));
    fetched.catch(() => {}); // awaited in order below; avoid an unhandled rejection meanwhile
    fetches[i] = fetched;
  };
  for (let i = 0; i < Math.min(window, ranges.length); i++) start(i);
  for (let i = 0; i < ranges.length; i++) {
    const body = await fetches[i];
    delete fetches[i];
    if (i + window < ranges.length) start(i + window);
    await write(body);
    onProgress?.(body.length);
  }
}

async function getBody(ctx: TransferContext, source: ObjectRef, extra: Record<string, unknown>, range?: PartRange): Promise<Buffer> {
  const result = await ctx.client.call('GetObject', {
    Bucket: source.bucket, Key: source.key, ...perPartParams(extra),
    ...(range && { Range: `bytes=${range.start}-${range.end - 1}` }),
  });
  const body = result.Body instanceof Uint8Array ? Buffer.from(result.Body.buffer, result.Body.byteOffset, result.Body.byteLength) : Buffer.alloc(0);
  await ctx.bandwidth?.consume(body.length);
  return body;
}

async function forEachRange(size: number, chunksize: number, run: (range: PartRange) => Promise<void>): Promise<void> {
  let failure: unknown;
  await Promise.all(splitRanges(size, chunksize).map(async (range) => {
    if (failure !== undefined) return;
    try {
      await run(range);
    } catch (err) {
      failure ??= err;
    }
  }));
  if (failure !== undefined) throw failure;
}

/** Attempts per range when its body is cut off while streaming, as the CLI's s3transfer. */
export const DOWNLOAD_ATTEMPTS = 5;
/** Received bytes are gathered up to this much per file write. */
const WRITE_BATCH = 1024 * 1024;

class BodyCutOff extends Error {}

/**
 * GET one range (or the whole object) and write its body at its offset as it arrives. The
 * request itself is retried by the client; a body that breaks off is fetched again here, and the
 * progress it had reported is taken back.
 */
async function streamRangeToFile(
  ctx: TransferContext, source: ObjectRef, extra: Record<string, unknown>, file: FileHandle, range: PartRange | undefined, expected: number, onProgress?: ProgressListener,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result = await ctx.client.call('GetObject', {
      Bucket: source.bucket, Key: source.key, ...perPartParams(extra),
      ...(range && { Range: `bytes=${range.start}-${range.end - 1}` }),
    }, { streamResponse: true });
    let received = 0;
    try {
      await writeChunks(file, bodyChunks(result.Body), range?.start ?? 0, ctx, (n) => { received += n; onProgress?.(n); });
      // The response says how long its body is; a listing's size may be older than the object.
      const length = result.ContentLength === undefined ? expected : Number(result.ContentLength);
      if (received !== length) throw new BodyCutOff(`received ${received} of ${length} bytes`);
      return;
    } catch (err) {
      if (received) onProgress?.(-received);
      const cutOff = err instanceof BodyCutOff || err instanceof TransportError || isSocketError(err);
      if (!cutOff || attempt >= DOWNLOAD_ATTEMPTS) throw err;
    }
  }
}

async function writeChunks(
  file: FileHandle, chunks: AsyncIterable<Uint8Array>, position: number, ctx: TransferContext, onReceived: (bytes: number) => void,
): Promise<void> {
  let batch: Buffer[] = [];
  let batched = 0;
  let written = 0;
  const flush = async () => {
    let at = 0;
    while (at < batched) {
      // writev may write less than asked: continue from where it stopped.
      const rest = at === 0 ? batch : [Buffer.concat(batch).subarray(at)];
      const { bytesWritten } = await file.writev(rest, position + written + at);
      at += bytesWritten;
    }
    written += batched;
    batch = [];
    batched = 0;
  };
  for await (const chunk of chunks) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    await ctx.bandwidth?.consume(bytes.length);
    batch.push(bytes);
    batched += bytes.length;
    onReceived(bytes.length);
    if (batched >= WRITE_BATCH) await flush();
  }
  if (batched) await flush();
}

/** A body as chunks: streamed from the socket, or whole (clients that do not stream). */
async function* bodyChunks(body: unknown): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') yield* body as AsyncIterable<Uint8Array>;
}

function isSocketError(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE' || code === 'ETIMEDOUT' || (err as Error)?.message === 'aborted';
}
