// sync's decision: walk the source and destination listings together in compare-key order and
// keep what is missing or changed at the destination (and, with --delete, what the source lacks).
import { compareCodePoints, type FileStat } from './file-generator.js';

export interface SyncRules {
  sizeOnly: boolean;
  exactTimestamps: boolean;
  delete: boolean;
}

/** Whether a file present on both sides should be transferred again. */
export function changed(src: FileStat, dest: FileStat, rules: SyncRules): boolean {
  const sameSize = src.size === dest.size;
  if (rules.sizeOnly) return !sameSize;
  return !sameSize || !timeSaysCurrent(src, dest, rules.exactTimestamps);
}

/**
 * The CLI's time rule: an upload or copy is current when the destination is not older than the
 * source; a download is current when the local file is not newer than the object (exactly equal
 * with --exact-timestamps).
 */
function timeSaysCurrent(src: FileStat, dest: FileStat, exact: boolean): boolean {
  const delta = (dest.lastModified ?? 0) - (src.lastModified ?? 0);
  if (src.operation === 'download') return exact ? delta === 0 : delta <= 0;
  return delta >= 0;
}

export async function* compareListings(sources: AsyncIterable<FileStat>, destinations: AsyncIterable<FileStat>, rules: SyncRules): AsyncGenerator<FileStat> {
  const srcIt = sources[Symbol.asyncIterator]();
  const destIt = destinations[Symbol.asyncIterator]();
  let src = await next(srcIt);
  let dest = await next(destIt);
  while (src || dest) {
    const order = src && dest ? compareCodePoints(src.compareKey, dest.compareKey) : src ? -1 : 1;
    if (order === 0) {
      if (changed(src!, dest!, rules)) yield src!;
      src = await next(srcIt);
      dest = await next(destIt);
    } else if (order < 0) {
      yield src!;
      src = await next(srcIt);
    } else {
      if (rules.delete) yield { ...dest!, operation: 'delete' };
      dest = await next(destIt);
    }
  }
}

async function next(it: AsyncIterator<FileStat>): Promise<FileStat | undefined> {
  const r = await it.next();
  return r.done ? undefined : r.value;
}
