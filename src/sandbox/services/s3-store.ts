// S3 buckets and objects. Keys are kept in UTF-8 byte order (S3's listing order). A bucket may
// also have a generated key range (the demo's 100,000 objects) that exists only as a formula:
// objects are made when listed or read, and writes/deletes over it are layered on top.
import { createHash } from 'node:crypto';
import type { StoredChecksum } from './s3-checksums.js';
import type { SandboxState, Tag } from '../state.js';
import { releaseBody, retainBody, type ObjectBody } from './s3-bodies.js';
import type { SseC } from './s3-sse-c.js';

export interface S3Object {
  Key: string;
  body: ObjectBody;
  ETag: string;
  LastModified: Date;
  ContentType: string;
  Metadata: Record<string, string>;
  StorageClass: string;
  ContentEncoding?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  /** Absent or empty: untagged. */
  Tags?: Tag[];
  /** Written with a customer key (SSE-C): reads must bring the same key. */
  sseC?: SseC;
  /** The flexible checksum it was uploaded with (PutObject). */
  checksum?: StoredChecksum;
}

/** A virtual, sorted key range: `keyAt(i)` must increase with i in UTF-8 byte order. */
export interface GeneratedKeys {
  count: number;
  keyAt(index: number): string;
  objectAt(index: number): S3Object;
}

export interface MultipartUpload {
  UploadId: string; Key: string; Initiated: Date; ContentType: string; Metadata: Record<string, string>; Tags: Tag[]; sseC?: SseC;
  parts: Map<number, { body: ObjectBody; ETag: string; LastModified: Date }>;
}

export interface Bucket {
  Name: string;
  CreationDate: Date;
  region: string;
  ownerAccountId: string;
  keys: string[];
  objects: Map<string, S3Object>;
  generated?: GeneratedKeys;
  /** Generated keys that were deleted. */
  hidden: Set<string>;
  uploads: Map<string, MultipartUpload>;
}

/** Compare by UTF-8 bytes without encoding: equal to code-point order, which UTF-16 breaks only for surrogates. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    const sa = ca >= 0xd800 && ca <= 0xdfff;
    const sb = cb >= 0xd800 && cb <= 0xdfff;
    if (sa !== sb) return sa ? 1 : -1;
    return ca - cb;
  }
  return a.length - b.length;
}

/** First index whose key is ≥ bound (or > bound when `exclusive`). */
export function lowerBound(count: number, keyAt: (i: number) => string, bound: string, exclusive: boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareUtf8(keyAt(mid), bound);
    if (c < 0 || (exclusive && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buckets(state: SandboxState): Map<string, Bucket> {
  return state.store('s3', '', '', () => new Map<string, Bucket>());
}

export function createBucket(state: SandboxState, name: string, ownerAccountId: string, region: string, created = new Date()): Bucket {
  const bucket: Bucket = { Name: name, CreationDate: created, region, ownerAccountId, keys: [], objects: new Map(), hidden: new Set(), uploads: new Map() };
  buckets(state).set(name, bucket);
  return bucket;
}

export function md5Hex(body: Buffer | string): string {
  return createHash('md5').update(body).digest('hex');
}

export function putObject(bucket: Bucket, object: S3Object): void {
  const replaced = bucket.objects.get(object.Key);
  retainBody(object.body);
  if (replaced) releaseBody(replaced.body);
  if (!replaced) {
    const at = lowerBound(bucket.keys.length, (i) => bucket.keys[i]!, object.Key, false);
    bucket.keys.splice(at, 0, object.Key);
  }
  bucket.objects.set(object.Key, object);
  bucket.hidden.delete(object.Key);
}

function generatedIndex(bucket: Bucket, key: string): number {
  const g = bucket.generated;
  if (!g) return -1;
  const i = lowerBound(g.count, g.keyAt, key, false);
  return i < g.count && g.keyAt(i) === key && !bucket.hidden.has(key) ? i : -1;
}

export function getObject(bucket: Bucket, key: string): S3Object | undefined {
  const stored = bucket.objects.get(key);
  if (stored) return stored;
  const i = generatedIndex(bucket, key);
  return i >= 0 ? bucket.generated!.objectAt(i) : undefined;
}

/** True when something was there to delete. */
export function deleteObject(bucket: Bucket, key: string): boolean {
  let deleted = false;
  const stored = bucket.objects.get(key);
  if (stored && bucket.objects.delete(key)) {
    releaseBody(stored.body);
    const at = lowerBound(bucket.keys.length, (i) => bucket.keys[i]!, key, false);
    bucket.keys.splice(at, 1);
    deleted = true;
  }
  if (generatedIndex(bucket, key) >= 0) {
    bucket.hidden.add(key);
    deleted = true;
  }
  return deleted;
}

export function isEmpty(bucket: Bucket): boolean {
  return keysFrom(bucket, '', false).next().done === true;
}

/** Keys from `bound` on, in order, merging stored and generated keys (stored wins on a tie). */
export function* keysFrom(bucket: Bucket, bound: string, exclusive: boolean): Generator<string> {
  const stored = bucket.keys;
  const g = bucket.generated;
  let si = lowerBound(stored.length, (i) => stored[i]!, bound, exclusive);
  let gi = g ? lowerBound(g.count, g.keyAt, bound, exclusive) : 0;
  const gCount = g?.count ?? 0;
  while (si < stored.length || gi < gCount) {
    const gk = gi < gCount ? g!.keyAt(gi) : undefined;
    if (gk !== undefined && bucket.hidden.has(gk)) { gi++; continue; }
    const sk = si < stored.length ? stored[si] : undefined;
    if (sk === undefined) { gi++; yield gk!; continue; }
    if (gk === undefined) { si++; yield sk; continue; }
    const c = compareUtf8(sk, gk);
    if (c <= 0) { si++; if (c === 0) gi++; yield sk; } else { gi++; yield gk; }
  }
}
