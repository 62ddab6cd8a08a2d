// Reads a Node stream in pieces of a chosen size (parts of a stdin upload).
import type { Readable } from 'node:stream';

export class ChunkReader {
  private readonly iterator: AsyncIterator<Buffer | string>;
  private leftover: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(stream: Readable) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** Up to `size` bytes; fewer only at the end of the stream, an empty buffer after it. */
  async read(size: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    let have = 0;
    if (this.leftover.length) {
      const take = this.leftover.subarray(0, size);
      this.leftover = this.leftover.subarray(take.length);
      pieces.push(take);
      have = take.length;
    }
    while (have < size && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      const take = chunk.subarray(0, size - have);
      pieces.push(take);
      have += take.length;
      if (take.length < chunk.length) this.leftover = chunk.subarray(take.length);
    }
    return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, have);
  }
}
