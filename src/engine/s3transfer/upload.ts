// Uploads: one PutObject below the multipart threshold, otherwise a multipart upload whose parts
// are streamed from the file once a request slot is free (see file-payload.ts), so memory stays
// at a few slices per request in flight whatever the file's or the part's size.
import { readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SMALL_FILE } from './config.js';
import type { Readable } from 'node:stream';
import { partSizeFor } from './config.js';
import { perPartParams, type ObjectRef, type ProgressListener, type TransferContext } from './context.js';
import { abortQuietly, completeOrAbort, runMultipartUpload, splitRanges, type CompletedPart } from './multipart.js';
import { ChunkReader } from './chunk-reader.js';
import { filePartPayload } from './file-payload.js';

export async function uploadFile(
  ctx: TransferContext, path: string, size: number, target: ObjectRef, extra: Record<string, unknown>, onProgress?: ProgressListener,
): Promise<void> {
  if (size < ctx.config.multipartThreshold && size <= SMALL_FILE) {
    await ctx.slots.use(async () => {
      const body = withPath(path, () => readFileSync(path));
      await ctx.bandwidth?.consume(body.length);
      await ctx.client.call('PutObject', { Bucket: target.bucket, Key: target.key, Body: body, ...extra });
    });
    onProgress?.(size);
    return;
  }
  const file = await open(path, 'r');
  try {
    if (size < ctx.config.multipartThreshold) {
      await ctx.slots.use(async () => {
        const body = await readRange(file, 0, size);
        await ctx.bandwidth?.consume(body.length);
        await ctx.client.call('PutObject', { Bucket: target.bucket, Key: target.key, Body: body, ...extra }, { onBodySent: onProgress });
      });
      return;
    }
    const ranges = splitRanges(size, partSizeFor(size, ctx.config.multipartChunksize));
    await runMultipartUpload(ctx, target, extra, ranges, (range, uploadId) => ctx.slots.use(async () => {
      const payload = await filePartPayload(file, range.start, range.end - range.start, ctx.bandwidth);
      const result = await ctx.client.call('UploadPart', {
        Bucket: target.bucket, Key: target.key, UploadId: uploadId, PartNumber: range.partNumber, ...perPartParams(extra),
      }, { payload, onBodySent: onProgress });
      return String(result.ETag);
    }));
  } finally {
    await file.close();
  }
}

async function readRange(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break; // the file shrank while we read it: send what is there
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * Upload from a stream of unknown length (`cp - s3://…`). A stream shorter than the threshold
 * becomes one PutObject; a longer one is sent in parts, reading the next part only when fewer
 * than max_concurrent_requests parts are in flight.
 */
export async function uploadStream(
  ctx: TransferContext, stream: Readable, target: ObjectRef, extra: Record<string, unknown>, expectedSize?: number, onProgress?: ProgressListener,
): Promise<void> {
  const reader = new ChunkReader(stream);
  const first = await reader.read(ctx.config.multipartThreshold);
  if (first.length < ctx.config.multipartThreshold) {
    await ctx.slots.use(async () => {
      await ctx.bandwidth?.consume(first.length);
      await ctx.client.call('PutObject', { Bucket: target.bucket, Key: target.key, Body: first, ...extra });
    });
    onProgress?.(first.length);
    return;
  }
  const partSize = partSizeFor(expectedSize ?? 0, ctx.config.multipartChunksize);
  const created = await ctx.slots.use(() => ctx.client.call('CreateMultipartUpload', { Bucket: target.bucket, Key: target.key, ...extra }));
  const uploadId = String(created.UploadId);
  const parts: CompletedPart[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let pending: Buffer = first;
  try {
    for (let partNumber = 1; ; partNumber++) {
      // The first read used the threshold as its size: take parts of partSize from it and after.
      while (pending.length < partSize) {
        const more = await reader.read(partSize - pending.length);
        if (more.length === 0) break;
        pending = Buffer.concat([pending, more]);
      }
      if (pending.length === 0 && partNumber > 1) break;
      const body = pending.subarray(0, partSize);
      pending = pending.subarray(body.length);
      const task = ctx.slots.use(async () => {
        await ctx.bandwidth?.consume(body.length);
        const result = await ctx.client.call('UploadPart', {
          Bucket: target.bucket, Key: target.key, UploadId: uploadId, PartNumber: partNumber, Body: body, ...perPartParams(extra),
        }, { onBodySent: onProgress });
        parts.push({ PartNumber: partNumber, ETag: String(result.ETag) });
      }).catch((err) => { failure ??= err; });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= ctx.slots.limit) await Promise.race(inFlight);
      if (failure !== undefined) break;
      if (body.length < partSize && pending.length === 0) break;
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
  } catch (err) {
    await abortQuietly(ctx, target, uploadId, extra);
    throw err;
  }
  parts.sort((a, b) => a.PartNumber - b.PartNumber);
  await completeOrAbort(ctx, target, uploadId, parts, extra);
}

/** Local file errors name the file (a failed read of a directory does not say which one). */
function withPath<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err && typeof err === 'object' && (err as { path?: string }).path === undefined) Object.assign(err, { path });
    throw err;
  }
}
