// A part of a local file as an UploadPart payload that is never held whole: one pass hashes it
// for the signature (and Content-MD5), and each send (a retry too) reads it again in slices. In flight per part:
// a few slices, not the part, so memory does not grow with multipart_chunksize.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { StreamedPayload } from '../http/types.js';
import type { BandwidthLimiter } from './limits.js';

/** Slice size for reads while hashing and sending. */
export const PAYLOAD_SLICE = 256 * 1024;

export async function filePartPayload(file: FileHandle, start: number, length: number, bandwidth?: BandwidthLimiter): Promise<StreamedPayload> {
  const hash = createHash('sha256');
  const md5 = createHash('md5');
  const scratch = Buffer.allocUnsafe(Math.min(PAYLOAD_SLICE, Math.max(length, 1)));
  for (let done = 0; done < length;) {
    const n = await readSome(file, scratch, Math.min(scratch.length, length - done), start + done);
    hash.update(scratch.subarray(0, n));
    md5.update(scratch.subarray(0, n));
    done += n;
  }
  return {
    length,
    sha256: hash.digest('hex'),
    md5: md5.digest('base64'),
    async *open() {
      for (let done = 0; done < length;) {
        // A fresh buffer per slice: the socket may still hold the previous one.
        const slice = Buffer.allocUnsafe(Math.min(PAYLOAD_SLICE, length - done));
        const n = await readSome(file, slice, slice.length, start + done);
        await bandwidth?.consume(n);
        done += n;
        yield n === slice.length ? slice : slice.subarray(0, n);
      }
    },
  };
}

async function readSome(file: FileHandle, into: Buffer, length: number, position: number): Promise<number> {
  const { bytesRead } = await file.read(into, 0, length, position);
  // The signature covers the bytes as hashed: a file that shrank cannot be sent as signed.
  if (bytesRead === 0) throw Object.assign(new Error(`the file became shorter while it was uploaded (at byte ${position})`), { code: 'ESHRANK' });
  return bytesRead;
}
