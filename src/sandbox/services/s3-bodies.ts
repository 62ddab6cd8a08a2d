// Object bodies. Small ones are Buffers in memory; large ones (a multipart upload's parts, a big
// PutObject) are written to files in a temporary folder, so a 1 GB object never sits in the
// sandbox's heap. A completed multipart object is the list of its parts' files, never
// concatenated; files are counted references (objects, copies, parts) and removed with the last.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bodies from this size on go to disk. */
export const SPILL_BYTES = 1024 * 1024;

class SpillFile {
  refs = 0;
  constructor(readonly path: string, readonly size: number) {}
}

/** A body made of files read in order; `length` as a Buffer's, so sizes read the same either way. */
export class DiskBody {
  readonly length: number;
  constructor(readonly segments: readonly SpillFile[]) {
    this.length = segments.reduce((sum, s) => sum + s.size, 0);
  }
}

export type ObjectBody = Buffer | DiskBody;

let spillDir: string | undefined;
let spillCount = 0;

/** This process's folder of body files, once one has been written. */
export function spillFolder(): string | undefined {
  return spillDir;
}

function newSpillPath(): string {
  if (!spillDir) {
    spillDir = mkdtempSync(join(tmpdir(), 'awsdeck-sandbox-bodies-'));
    const dir = spillDir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return join(spillDir, String(++spillCount));
}

/** The body as the sandbox keeps it: on disk from SPILL_BYTES on. */
export function storeBody(body: Buffer): ObjectBody {
  if (body.length < SPILL_BYTES) return body;
  const path = newSpillPath();
  writeFileSync(path, body);
  return new DiskBody([new SpillFile(path, body.length)]);
}

/** Several bodies as one, in order (a completed multipart upload); files are shared, not copied. */
export function joinBodies(bodies: ObjectBody[]): ObjectBody {
  if (bodies.every((b) => Buffer.isBuffer(b)) && bodies.reduce((n, b) => n + b.length, 0) < SPILL_BYTES) return Buffer.concat(bodies as Buffer[]);
  const segments: SpillFile[] = [];
  for (const body of bodies) {
    const stored = Buffer.isBuffer(body) ? toDisk(body) : body;
    segments.push(...stored.segments);
  }
  return new DiskBody(segments);
}

function toDisk(body: Buffer): DiskBody {
  const path = newSpillPath();
  writeFileSync(path, body);
  return new DiskBody([new SpillFile(path, body.length)]);
}

/** Bytes [start, end) of a body (all of it by default). */
export function readBody(body: ObjectBody, start = 0, end = body.length): Buffer {
  if (Buffer.isBuffer(body)) return start === 0 && end === body.length ? body : body.subarray(start, end);
  const out = Buffer.allocUnsafe(end - start);
  let offset = 0; // where the current segment starts within the body
  for (const segment of body.segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + segment.size);
    if (from < to) readFileRange(segment.path, out, from - start, to - from, from - offset);
    offset += segment.size;
    if (offset >= end) break;
  }
  return out;
}

function readFileRange(path: string, into: Buffer, at: number, length: number, position: number): void {
  const fd = openSync(path, 'r');
  try {
    for (let done = 0; done < length;) {
      const n = readSync(fd, into, at + done, length - done, position + done);
      if (n === 0) throw new Error(`sandbox body file ${path} is shorter than recorded`);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** One more holder (an object, a copy of it, an upload's part) of the body's files. */
export function retainBody(body: ObjectBody): void {
  if (!Buffer.isBuffer(body)) for (const s of body.segments) s.refs++;
}

/** A holder let go; files nothing holds any more are deleted. */
export function releaseBody(body: ObjectBody): void {
  if (Buffer.isBuffer(body)) return;
  for (const s of body.segments) {
    if (--s.refs > 0) continue;
    try {
      unlinkSync(s.path);
    } catch {
      // Already gone (the folder was removed at exit): nothing to free.
    }
  }
}
