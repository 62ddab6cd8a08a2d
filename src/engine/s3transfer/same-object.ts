// Whether a local file already holds an S3 object, so a download can skip it: same size, and the
// same ETag computed from the file. A single-part upload's ETag is the MD5 of its bytes. A
// multipart ETag (`<md5 of the part MD5s>-N`) depends on the part size used to upload it: it is
// recomputed with the part size this profile's `s3` settings would use (what `s3 cp` and the
// browser upload with); if N parts do not fit that size, or the ETag is neither form (SSE-KMS,
// SSE-C), the file counts as different and is downloaded again.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { partSizeFor, type TransferConfig } from './config.js';

const SINGLE = /^"?([0-9a-f]{32})"?$/i;
const MULTI = /^"?([0-9a-f]{32})-(\d+)"?$/i;

export async function localFileMatches(path: string, size: number, etag: string | undefined, config: TransferConfig): Promise<boolean> {
  let local;
  try {
    local = await stat(path);
  } catch {
    return false;
  }
  if (!local.isFile() || local.size !== size || !etag) return false;
  const single = SINGLE.exec(etag);
  if (single) return (await fileDigests(path, [size]))[0] === single[1].toLowerCase();
  const multi = MULTI.exec(etag);
  if (!multi) return false;
  const parts = Number(multi[2]);
  const partSize = partSizeFor(size, config.multipartChunksize);
  if (Math.ceil(size / partSize) !== parts) return false;
  const digests = await fileDigests(path, Array.from({ length: parts }, (_, i) => Math.min(partSize, size - i * partSize)));
  const combined = createHash('md5').update(Buffer.concat(digests.map((d) => Buffer.from(d, 'hex')))).digest('hex');
  return `${combined}-${parts}` === `${multi[1].toLowerCase()}-${parts}`;
}

/** MD5 of consecutive pieces of the file, streamed (a large file is never held in memory). */
async function fileDigests(path: string, lengths: number[]): Promise<string[]> {
  const digests: string[] = [];
  let index = 0;
  let left = lengths[0];
  let hash = createHash('md5');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(left, chunk.length - offset);
      hash.update(chunk.subarray(offset, offset + take));
      offset += take;
      left -= take;
      if (left === 0 && index < lengths.length) {
        digests.push(hash.digest('hex'));
        hash = createHash('md5');
        left = lengths[++index] ?? Number.POSITIVE_INFINITY;
      }
    }
  }
  // An empty file (or a final empty piece) still has a digest.
  while (digests.length < lengths.length) {
    digests.push(hash.digest('hex'));
    hash = createHash('md5');
  }
  return digests;
}
