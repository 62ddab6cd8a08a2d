// ListObjects / ListObjectsV2 over a bucket: prefix, delimiter (common prefixes), start-after,
// continuation tokens and max-keys, walking keys in UTF-8 byte order and skipping whole common
// prefixes at once, so a page costs about max-keys steps whatever the bucket size.
import { fault } from '../fault.js';
import { compareUtf8, getObject, keysFrom, type Bucket, type S3Object } from './s3-store.js';

export interface ListingRequest { prefix: string; delimiter?: string; startAfter?: string; token?: string; maxKeys: number }
export interface ListingPage { objects: S3Object[]; commonPrefixes: string[]; truncated: boolean; nextToken?: string; lastEntry?: string }

/** Smallest string greater than every string that starts with `prefix`. */
export function prefixSuccessor(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

interface Position { bound: string; exclusive: boolean }

export function encodeListToken(pos: Position): string {
  return Buffer.from(JSON.stringify([pos.bound, pos.exclusive ? 1 : 0])).toString('base64');
}

function decodeListToken(token: string): Position {
  try {
    const [bound, exclusive] = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as [unknown, unknown];
    if (typeof bound !== 'string') throw new Error('bad');
    return { bound, exclusive: exclusive === 1 };
  } catch {
    throw fault('InvalidArgument', 'The continuation token provided is incorrect', { extra: { ArgumentName: 'continuation-token' } });
  }
}

export function listObjects(bucket: Bucket, req: ListingRequest): ListingPage {
  let pos: Position;
  if (req.token !== undefined) pos = decodeListToken(req.token);
  else if (req.startAfter && compareUtf8(req.startAfter, req.prefix) > 0) pos = { bound: req.startAfter, exclusive: true };
  else pos = { bound: req.prefix, exclusive: false };
  const page: ListingPage = { objects: [], commonPrefixes: [], truncated: false };
  if (req.maxKeys <= 0) return page;
  let entries = 0;
  let iter = keysFrom(bucket, pos.bound, pos.exclusive);
  for (;;) {
    const next = iter.next();
    if (next.done) break;
    const key = next.value;
    // Keys under the prefix are contiguous and we start at or after the prefix.
    if (!key.startsWith(req.prefix)) break;
    if (entries === req.maxKeys) {
      page.truncated = true;
      break;
    }
    const cut = req.delimiter ? key.indexOf(req.delimiter, req.prefix.length) : -1;
    if (cut >= 0) {
      const common = key.slice(0, cut + req.delimiter!.length);
      page.commonPrefixes.push(common);
      entries++;
      pos = { bound: prefixSuccessor(common), exclusive: false };
      page.lastEntry = common;
      iter = keysFrom(bucket, pos.bound, false);
      continue;
    }
    page.objects.push(getObject(bucket, key)!);
    entries++;
    pos = { bound: key, exclusive: true };
    page.lastEntry = key;
  }
  if (page.truncated) page.nextToken = encodeListToken(pos);
  return page;
}
