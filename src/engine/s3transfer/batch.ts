// Many objects at once, as the browser asks for them: download a selection or a prefix into a
// folder, upload files or a folder into a prefix, delete keys. Every request goes through the
// shared transfer context (slots, bandwidth, multipart); at most max_concurrent_requests files are
// worked on at a time, so a prefix of 100,000 keys is streamed, not held as 100,000 promises.
import { utimes } from 'node:fs/promises';
import { mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { TransferContext } from './context.js';
import { downloadToFile } from './download.js';
import { listObjectPages } from './listing.js';
import { localPathFor } from './local-target.js';
import type { TransferMeter } from './meter.js';
import { localFileMatches } from './same-object.js';
import { uploadFile } from './upload.js';

export interface RemoteObject { key: string; size: number; etag?: string; lastModified?: string }
export interface LocalFile { path: string; size: number; key: string }

export interface BatchOutcome {
  done: string[];
  skipped: Array<{ key: string; reason: string }>;
  failed: Array<{ key: string; error: unknown }>;
}

export interface BatchOptions {
  meter: TransferMeter;
  signal?: AbortSignal;
}

const emptyOutcome = (): BatchOutcome => ({ done: [], skipped: [], failed: [] });

/** Runs `work` on each item of the pages with at most `limit` in flight; stops starting new ones once aborted. */
async function eachLimited<T>(pages: AsyncIterable<T[]> | Iterable<T[]>, limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const page of pages) {
    for (const item of page) {
      if (signal?.aborted) break;
      const task = work(item).finally(() => running.delete(task));
      running.add(task);
      if (running.size >= limit) await Promise.race(running);
    }
    if (signal?.aborted) break;
  }
  await Promise.all(running);
}

/** Every object under each prefix (no delimiter), page by page. */
export async function* objectsUnder(ctx: TransferContext, bucket: string, prefixes: string[]): AsyncGenerator<RemoteObject[]> {
  for (const prefix of prefixes) {
    for await (const page of listObjectPages(ctx.client, { bucket, prefix })) {
      yield page.objects.map((o) => ({ key: o.Key, size: o.Size, etag: o.ETag, lastModified: o.LastModified }));
    }
  }
}

/**
 * Downloads the objects into `root`, each at its key relative to `basePrefix`. Keys that would
 * land outside `root` and folder markers are skipped with the reason; a file already there with the
 * same size and ETag is skipped as up to date. The meter learns each page's files as it comes.
 */
export async function downloadObjects(
  ctx: TransferContext, bucket: string, pages: AsyncIterable<RemoteObject[]> | Iterable<RemoteObject[]>, root: string, basePrefix: string, options: BatchOptions,
): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  const { meter } = options;
  const made = new Set<string>();
  async function* counted() {
    for await (const page of pages) {
      meter.add(page.length, page.reduce((sum, o) => sum + o.size, 0));
      yield page;
    }
  }
  await eachLimited(counted(), ctx.config.maxConcurrentRequests, async (object) => {
    if (object.key.endsWith('/')) {
      meter.fileSkipped(object.size);
      outcome.skipped.push({ key: object.key, reason: 'a folder marker, not a file' });
      return;
    }
    const target = localPathFor(root, object.key, basePrefix);
    if ('refused' in target) {
      meter.fileSkipped(object.size);
      outcome.skipped.push({ key: object.key, reason: `${target.refused}: not written` });
      return;
    }
    let moved = 0;
    try {
      if (await localFileMatches(target.path, object.size, object.etag, ctx.config)) {
        meter.fileSkipped(object.size);
        outcome.skipped.push({ key: object.key, reason: 'already there (same size and ETag)' });
        return;
      }
      const folder = dirname(target.path);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      await downloadToFile(ctx, { bucket, key: object.key }, object.size, target.path, {}, (bytes) => { moved += bytes; meter.progress(bytes); });
      // As `s3 cp`: the file's modification time is the object's.
      const modified = object.lastModified ? new Date(object.lastModified) : undefined;
      if (modified && !Number.isNaN(modified.getTime())) await utimes(target.path, modified, modified).catch(() => undefined);
      meter.fileDone();
      outcome.done.push(object.key);
    } catch (error) {
      meter.fileFailed(object.size, moved);
      outcome.failed.push({ key: object.key, error });
    }
  }, options.signal);
  return outcome;
}

/**
 * The files to upload for a local path: a file becomes `prefix + its name`; a folder keeps its
 * name as the first level under `prefix` (as dropping a folder into the console does), with `/`
 * between levels whatever the platform. Symbolic links are followed, each folder visited once.
 */
export async function localFilesFor(path: string, prefix: string): Promise<LocalFile[]> {
  const top = await stat(path);
  if (top.isFile()) return [{ path, size: top.size, key: `${prefix}${basename(path)}` }];
  if (!top.isDirectory()) throw new Error(`${path} is neither a file nor a folder`);
  const files: LocalFile[] = [];
  const seen = new Set<string>();
  const walk = async (folder: string) => {
    const real = await realpath(folder);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(folder, entry.name);
      const info = await stat(full).catch(() => undefined);
      if (info?.isDirectory()) await walk(full);
      else if (info?.isFile()) files.push({ path: full, size: info.size, key: `${prefix}${basename(path)}/${relative(path, full).split(sep).join('/')}` });
    }
  };
  await walk(path);
  return files;
}

/** Uploads the files (multipart above the threshold, as `s3 cp`); `extraFor` adds e.g. the guessed Content-Type. */
export async function uploadFiles(
  ctx: TransferContext, bucket: string, files: LocalFile[], options: BatchOptions & { extraFor?: (file: LocalFile) => Record<string, unknown> },
): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  const { meter } = options;
  meter.add(files.length, files.reduce((sum, f) => sum + f.size, 0));
  await eachLimited([files], ctx.config.maxConcurrentRequests, async (file) => {
    let moved = 0;
    try {
      await uploadFile(ctx, file.path, file.size, { bucket, key: file.key }, options.extraFor?.(file) ?? {}, (bytes) => { moved += bytes; meter.progress(bytes); });
      meter.fileDone();
      outcome.done.push(file.key);
    } catch (error) {
      meter.fileFailed(file.size, moved);
      outcome.failed.push({ key: file.key, error });
    }
  }, options.signal);
  return outcome;
}

/** DeleteObject for each key, as `s3 rm --recursive` does, through the shared request slots. */
export async function deleteKeys(ctx: TransferContext, bucket: string, keys: string[], options: BatchOptions): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  options.meter.add(keys.length, 0);
  await eachLimited([keys], ctx.config.maxConcurrentRequests, async (key) => {
    try {
      await ctx.slots.use(() => ctx.client.call('DeleteObject', { Bucket: bucket, Key: key }));
      options.meter.fileDone();
      outcome.done.push(key);
    } catch (error) {
      options.meter.fileFailed(0, 0);
      outcome.failed.push({ key, error });
    }
  }, options.signal);
  return outcome;
}
