// Event-stream frames for tests, built by hand where the encoder would not write them.
import { crc32 } from 'node:zlib';

/** A frame with correct CRCs around any header bytes (layouts the encoder never writes). */
export function frameAround(headerBytes: Buffer, payload: Buffer): Buffer {
  const total = 12 + headerBytes.length + payload.length + 4;
  const b = Buffer.alloc(total);
  b.writeUInt32BE(total, 0);
  b.writeUInt32BE(headerBytes.length, 4);
  b.writeUInt32BE(crc32(b.subarray(0, 8)) >>> 0, 8);
  headerBytes.copy(b, 12);
  payload.copy(b, 12 + headerBytes.length);
  b.writeUInt32BE(crc32(b.subarray(0, total - 4)) >>> 0, total - 4);
  return b;
}
