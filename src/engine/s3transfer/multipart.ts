// The multipart protocol shared by uploads and copies: create, run parts through the shared
// request slots, complete in part order, and abort on any failure so no parts are left billed.
import { completionParams, type ObjectRef, type TransferContext } from './context.js';

export interface PartRange {
  partNumber: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export function splitRanges(size: number, partSize: number): PartRange[] {
  const ranges: PartRange[] = [];
  for (let start = 0, n = 1; start < size || (size === 0 && n === 1); start += partSize, n++) {
    ranges.push({ partNumber: n, start, end: Math.min(start + partSize, size) });
    if (size === 0) break;
  }
  return ranges;
}

export interface CompletedPart {
  PartNumber: number;
  ETag: string;
}

/**
 * Create the upload, run `uploadPart` for each part (each returns the part's ETag), complete.
 * On the first failure the remaining parts are skipped and the upload is aborted.
 */
export async function runMultipartUpload(
  ctx: TransferContext,
  target: ObjectRef,
  extra: Record<string, unknown>,
  ranges: PartRange[],
  uploadPart: (range: PartRange, uploadId: string) => Promise<string>,
): Promise<void> {
  const created = await ctx.slots.use(() => ctx.client.call('CreateMultipartUpload', { Bucket: target.bucket, Key: target.key, ...extra }));
  const uploadId = String(created.UploadId);
  let failure: unknown;
  const parts = await Promise.all(ranges.map(async (range): Promise<CompletedPart | undefined> => {
    if (failure !== undefined) return undefined;
    try {
      return { PartNumber: range.partNumber, ETag: await uploadPart(range, uploadId) };
    } catch (err) {
      failure ??= err;
      return undefined;
    }
  }));
  if (failure !== undefined) {
    await abortQuietly(ctx, target, uploadId, extra);
    throw failure;
  }
  await completeOrAbort(ctx, target, uploadId, parts as CompletedPart[], extra);
}

export async function completeOrAbort(ctx: TransferContext, target: ObjectRef, uploadId: string, parts: CompletedPart[], extra: Record<string, unknown>): Promise<void> {
  try {
    await ctx.slots.use(() => ctx.client.call('CompleteMultipartUpload', {
      Bucket: target.bucket, Key: target.key, UploadId: uploadId, MultipartUpload: { Parts: parts }, ...completionParams(extra),
    }));
  } catch (err) {
    await abortQuietly(ctx, target, uploadId, extra);
    throw err;
  }
}

/** Abort after a failure; the original error is what the user needs to see, not the abort's. */
export async function abortQuietly(ctx: TransferContext, target: ObjectRef, uploadId: string, extra: Record<string, unknown>): Promise<void> {
  try {
    await ctx.client.call('AbortMultipartUpload', { Bucket: target.bucket, Key: target.key, UploadId: uploadId, ...completionParams(extra) });
  } catch {
    // Nothing more can be done here; a lifecycle rule cleans up what an abort could not.
  }
}
