// Downloads: one GetObject below the multipart threshold, otherwise ranged GETs of one chunk each,
// run through the shared request slots and written at their offsets. The file is written under
// a temporary name beside the destination and renamed at the end, so a failed download never
// leaves a half-written file under the real name.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { SMALL_FILE } from './config.js';
import { basename, dirname, join } from 'node:path';
import { perPartParams, type ObjectRef, type ProgressListener, type TransferContext } from './context.js';
import { splitRanges, type PartRange } from './multipart.js';

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
      await ctx.slots.use(async () => {
        const body = await getBody(ctx, source, extra);
        await writeAll(file, body, 0);
        onProgress?.(body.length);
      });
    } else {
      await forEachRange(size, ctx.config.multipartChunksize, (range) => ctx.slots.use(async () => {
        const body = await getBody(ctx, source, extra, range);
        await writeAll(file, body, range.start);
        onProgress?.(body.length);
      }));
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

async function writeAll(file: FileHandle, body: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < body.length) {
    const { bytesWritten } = await file.write(body, done, body.length - done, position + done);
    done += bytesWritten;
  }
}
