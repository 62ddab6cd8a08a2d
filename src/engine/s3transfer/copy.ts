// S3-to-S3 copies: CopyObject below the multipart threshold, UploadPartCopy ranges above it.
import { encodeS3Key } from '../protocols/s3-addressing.js';
import { partSizeFor } from './config.js';
import { perPartParams, type ObjectRef, type ProgressListener, type TransferContext } from './context.js';
import { runMultipartUpload, splitRanges } from './multipart.js';

/** The CopySource header value: `bucket/key` with the key percent-encoded as botocore does. */
export function copySourceHeader(source: ObjectRef): string {
  return `${source.bucket}/${encodeS3Key(source.key)}`;
}

/** Parameters CopyObject takes that UploadPartCopy's CreateMultipartUpload does not. */
const COPY_ONLY = ['MetadataDirective', 'TaggingDirective', 'CopySourceSSECustomerAlgorithm', 'CopySourceSSECustomerKey', 'CopySourceSSECustomerKeyMD5'];

export async function copyObject(
  ctx: TransferContext, source: ObjectRef, size: number, target: ObjectRef, extra: Record<string, unknown>, onProgress?: ProgressListener,
): Promise<void> {
  const copySource = copySourceHeader(source);
  if (size < ctx.config.multipartThreshold) {
    await ctx.slots.use(() => ctx.client.call('CopyObject', { Bucket: target.bucket, Key: target.key, CopySource: copySource, ...extra }));
    onProgress?.(size);
    return;
  }
  const createParams = Object.fromEntries(Object.entries(extra).filter(([name]) => !COPY_ONLY.includes(name)));
  const sourceKeys = Object.fromEntries(Object.entries(extra).filter(([name]) => name.startsWith('CopySourceSSE')));
  const ranges = splitRanges(size, partSizeFor(size, ctx.config.multipartChunksize));
  await runMultipartUpload(ctx, target, createParams, ranges, (range, uploadId) => ctx.slots.use(async () => {
    const result = await ctx.client.call('UploadPartCopy', {
      Bucket: target.bucket, Key: target.key, UploadId: uploadId, PartNumber: range.partNumber, CopySource: copySource,
      CopySourceRange: `bytes=${range.start}-${range.end - 1}`, ...perPartParams(extra), ...sourceKeys,
    });
    onProgress?.(range.end - range.start);
    return String((result.CopyPartResult as { ETag?: string } | undefined)?.ETag);
  }));
}
