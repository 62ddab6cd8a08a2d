// The files a transfer command works on, in the order the CLI visits them: a local directory
// walked depth-first with names sorted (a directory sorts as `name/`), or an S3 prefix listed
// page by page. Unreadable, special and vanished files become warnings and are skipped.
import { accessSync, constants, lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { AwsClient } from '../../engine/http/client.js';
import { ServiceError } from '../../engine/http/errors.js';
import { listObjectPages } from '../../engine/s3transfer/index.js';
import { destinationFor, findBucketKey, type Locations, type PathType } from './paths.js';

export type Operation = 'upload' | 'download' | 'copy' | 'delete' | '';

export interface FileStat {
  /** An absolute local path, or `bucket/key`. */
  src: string;
  dest: string;
  compareKey: string;
  size?: number;
  /** Milliseconds since the epoch (local files keep their sub-second part). */
  lastModified?: number;
  srcType: PathType;
  destType: PathType;
  operation: Operation;
  /** The listing entry or HeadObject answer of an S3 source. */
  response?: Record<string, unknown>;
}

export interface GeneratorOptions {
  client: Pick<AwsClient, 'call'>;
  operation: Operation;
  followSymlinks: boolean;
  pageSize?: number;
  listExtra: Record<string, unknown>;
  headExtra: Record<string, unknown>;
  warn: (message: string) => void;
}

export const skipWarning = (path: string, message: string) => `warning: Skipping file ${path}. ${message}`;

/** Code-point order, as Python compares str (JS's < compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}

export async function* generateFiles(locations: Locations, options: GeneratorOptions): AsyncGenerator<FileStat> {
  const { src, dest } = locations;
  const make = (path: string, size: number | undefined, lastModified: number | undefined, response?: Record<string, unknown>): FileStat => ({
    src: path, ...destinationFor(locations, path), size, lastModified, srcType: src.type, destType: dest.type, operation: options.operation, response,
  });
  if (src.type === 'local') {
    for await (const file of listLocal(src.path, locations.dirOp, options)) yield make(file.path, file.size, file.mtimeMs);
    return;
  }
  const [bucket, prefix] = findBucketKey(src.path);
  if (!locations.dirOp && prefix) {
    if (options.operation === 'delete') {
      yield make(src.path, undefined, undefined);
      return;
    }
    const head = await headObject(options, bucket, prefix);
    yield make(src.path, Number(head.ContentLength ?? 0), Date.parse(String(head.LastModified)), head);
    return;
  }
  for await (const page of listObjectPages(options.client, { bucket, prefix, pageSize: options.pageSize, extra: options.listExtra })) {
    for (const object of page.objects) {
      const path = `${bucket}/${object.Key}`;
      // Zero-byte `folder/` markers are not files: only rm removes them.
      if (object.Size === 0 && path.endsWith('/') && options.operation !== 'delete') continue;
      if (!locations.dirOp && src.path !== path) continue;
      yield make(path, object.Size, Date.parse(object.LastModified), object as unknown as Record<string, unknown>);
    }
  }
}

async function headObject(options: GeneratorOptions, bucket: string, key: string): Promise<Record<string, unknown>> {
  try {
    return await options.client.call('HeadObject', { Bucket: bucket, Key: key, ...options.headExtra });
  } catch (err) {
    if (err instanceof ServiceError && err.code === '404') {
      throw new ServiceError('HeadObject', 404, { ...err.info, Code: '404', Message: `Key "${key}" does not exist` }, err.requestId);
    }
    throw err;
  }
}

interface LocalFile {
  path: string;
  size: number;
  mtimeMs: number;
}

async function* listLocal(root: string, dirOp: boolean, options: GeneratorOptions): AsyncGenerator<LocalFile> {
  const start = dirOp ? root.replace(/\/+$/, '') || '/' : root;
  if (await shouldIgnore(start, options)) return;
  if (!dirOp) {
    const file = await fileStat(start, options);
    if (file) yield file;
    return;
  }
  yield* walk(dirOp ? root : start, options);
}

async function* walk(directory: string, options: GeneratorOptions): AsyncGenerator<LocalFile> {
  const entries: Array<{ name: string; path: string; file?: LocalFile }> = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    const info = usableEntry(path, options);
    if (!info) continue;
    const isDirectory = info.isDirectory();
    entries.push({ name: isDirectory ? name + sep : name, path, file: isDirectory ? undefined : { path, size: info.size, mtimeMs: info.mtimeMs } });
  }
  entries.sort((a, b) => compareCodePoints(a.name, b.name));
  for (const entry of entries) {
    if (entry.file) yield entry.file;
    else yield* walk(entry.path, options);
  }
}

async function fileStat(path: string, options: GeneratorOptions): Promise<LocalFile | undefined> {
  try {
    const s = statSync(path);
    return { path, size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    options.warn(skipWarning(path, 'File does not exist.'));
    return undefined;
  }
}

async function shouldIgnore(path: string, options: GeneratorOptions): Promise<boolean> {
  return usableEntry(path, options) === undefined;
}

/**
 * The entry's stat when it is to be transferred; undefined (after any warning) when it is skipped.
 * Synchronous on purpose: a walk makes a few calls per file, each far cheaper than a thread-pool
 * round trip (the CLI walks synchronously too).
 */
function usableEntry(path: string, options: GeneratorOptions): Stats | undefined {
  if (!options.followSymlinks && lstatSync(path.replace(/\/+$/, ''), { throwIfNoEntry: false })?.isSymbolicLink()) return undefined;
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) {
    options.warn(skipWarning(path, 'File does not exist.'));
    return undefined;
  }
  if (info.isCharacterDevice() || info.isBlockDevice() || info.isFIFO() || info.isSocket()) {
    options.warn(skipWarning(path, 'File is character special device, block special device, FIFO, or socket.'));
    return undefined;
  }
  const readable = info.isDirectory() ? canRead(() => readdirSync(path)) : canRead(() => accessSync(path, constants.R_OK));
  if (!readable) {
    options.warn(skipWarning(path, 'File/Directory is not readable.'));
    return undefined;
  }
  return info;
}

function canRead(probe: () => unknown): boolean {
  try {
    probe();
    return true;
  } catch {
    return false;
  }
}
