// S3: buckets, listings, objects (Range reads, Content-MD5 checks, aws-chunked uploads already
// decoded by the dispatcher), batch deletes and multipart uploads.
import { createHash } from 'node:crypto';
import { randomToken } from '../wire.js';
import type { CallContext, ServiceHandlers } from '../types.js';
import { fault } from '../fault.js';
import { buckets, createBucket, deleteObject, getObject, isEmpty, md5Hex, putObject, type Bucket, type MultipartUpload, type S3Object } from './s3-store.js';
import { listObjects } from './s3-listing.js';
import { joinBodies, readBody, releaseBody, retainBody, storeBody, type ObjectBody } from './s3-bodies.js';
import { tagsFromHeader, tagsFromTagging } from './s3-tagging.js';
import { checkPartKey, checkReadKey, requestSseC, sseCHeaders } from './s3-sse-c.js';
import { checksumOutput, uploadChecksum } from './s3-checksums.js';

const OWNER = (ctx: CallContext) => ({ DisplayName: ctx.state.accounts.get(ctx.principal.accountId)?.accountName ?? 'sandbox', ID: createHash('sha256').update(ctx.principal.accountId).digest('hex') });

function bucketOf(ctx: CallContext, name: unknown): Bucket {
  const bucket = buckets(ctx.state).get(String(name));
  if (!bucket) throw fault('NoSuchBucket', 'The specified bucket does not exist', { status: 404, extra: { BucketName: String(name) } });
  if (bucket.ownerAccountId !== ctx.principal.accountId) throw fault('AccessDenied', 'Access Denied', { status: 403 });
  return bucket;
}

function objectOf(bucket: Bucket, key: unknown): S3Object {
  const object = getObject(bucket, String(key));
  if (!object) throw fault('NoSuchKey', 'The specified key does not exist.', { status: 404, extra: { Key: String(key) } });
  return object;
}

/** `encoding-type=url`: keys and prefixes are percent-encoded (slashes kept) so any byte survives XML. */
function encoder(input: Record<string, any>): (s: string | undefined) => string | undefined {
  if (input.EncodingType === undefined) return (s) => s;
  if (input.EncodingType !== 'url') throw fault('InvalidArgument', 'Invalid Encoding Method specified in Request', { extra: { ArgumentName: 'encoding-type' } });
  return (s) => (s === undefined ? undefined : encodeURIComponent(s).replace(/%2F/g, '/'));
}

function maxKeysOf(input: Record<string, any>): number {
  const n = input.MaxKeys === undefined ? 1000 : Number(input.MaxKeys);
  if (n < 0) throw fault('InvalidArgument', 'Provided max-keys not an integer or within integer range', { extra: { ArgumentName: 'max-keys' } });
  return Math.min(n, 1000);
}

function contents(objects: S3Object[], enc: (s: string) => string | undefined, owner?: unknown) {
  return objects.map((o) => ({ Key: enc(o.Key), LastModified: o.LastModified, ETag: o.ETag, Size: o.body.length, StorageClass: o.StorageClass, Owner: owner }));
}

interface ByteRange { start: number; end: number }

function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // S3 ignores ranges it cannot parse
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) {
    throw fault('InvalidRange', 'The requested range is not satisfiable', { status: 416, extra: { RangeRequested: header, ActualObjectSize: String(size) } });
  }
  return { start, end };
}

function objectHeaders(o: S3Object) {
  return {
    LastModified: o.LastModified, ETag: o.ETag, ContentType: o.ContentType, Metadata: o.Metadata, AcceptRanges: 'bytes',
    ContentEncoding: o.ContentEncoding, CacheControl: o.CacheControl, ContentDisposition: o.ContentDisposition,
    StorageClass: o.StorageClass === 'STANDARD' ? undefined : o.StorageClass, ...sseCHeaders(o.sseC),
  };
}

function checkPreconditions(o: S3Object, input: Record<string, any>): number | undefined {
  if (input.IfMatch && input.IfMatch !== o.ETag && input.IfMatch !== '*') throw fault('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { status: 412, extra: { Condition: 'If-Match' } });
  if (input.IfNoneMatch && (input.IfNoneMatch === o.ETag || input.IfNoneMatch === '*')) return 304;
  return undefined;
}

function checkMd5(body: Buffer, contentMd5: unknown): void {
  if (contentMd5 === undefined) return;
  const given = Buffer.from(String(contentMd5), 'base64');
  if (given.length !== 16) throw fault('InvalidDigest', 'The Content-MD5 you specified was invalid.', { extra: { 'Content-MD5': String(contentMd5) } });
  if (!createHash('md5').update(body).digest().equals(given)) throw fault('BadDigest', 'The Content-MD5 you specified did not match what we received.', { extra: { ExpectedDigest: given.toString('hex'), CalculatedDigest: md5Hex(body) } });
}

function storedEncoding(value: unknown): string | undefined {
  // aws-chunked describes the transfer, not the object; S3 drops it.
  const rest = String(value ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== 'aws-chunked');
  return rest.length ? rest.join(',') : undefined;
}

const BUCKET_NAME = /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const s3Handlers: ServiceHandlers = {
  ListBuckets(input, ctx) {
    const mine = [...buckets(ctx.state).values()].filter((b) => b.ownerAccountId === ctx.principal.accountId && (!input.Prefix || b.Name.startsWith(String(input.Prefix))));
    mine.sort((a, b) => (a.Name < b.Name ? -1 : 1));
    return { Buckets: mine.map((b) => ({ Name: b.Name, CreationDate: b.CreationDate, BucketRegion: b.region })), Owner: OWNER(ctx), Prefix: input.Prefix };
  },

  CreateBucket(input, ctx) {
    const name = String(input.Bucket);
    if (!BUCKET_NAME.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) throw fault('InvalidBucketName', 'The specified bucket is not valid.', { extra: { BucketName: name } });
    const existing = buckets(ctx.state).get(name);
    if (existing) {
      if (existing.ownerAccountId === ctx.principal.accountId) throw fault('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', { status: 409, extra: { BucketName: name } });
      throw fault('BucketAlreadyExists', 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.', { status: 409, extra: { BucketName: name } });
    }
    const region = (input.CreateBucketConfiguration as { LocationConstraint?: string } | undefined)?.LocationConstraint ?? ctx.region;
    if (ctx.region !== region && !(ctx.region === 'us-east-1' && region === 'us-east-1')) {
      if (ctx.region !== 'us-east-1' || region === 'us-east-1') throw fault('IllegalLocationConstraintException', `The ${region} location constraint is incompatible for the region specific endpoint this request was sent to.`);
    }
    createBucket(ctx.state, name, ctx.principal.accountId, region);
    return { Location: `/${name}` };
  },

  DeleteBucket(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    if (!isEmpty(bucket)) throw fault('BucketNotEmpty', 'The bucket you tried to delete is not empty', { status: 409, extra: { BucketName: bucket.Name } });
    buckets(ctx.state).delete(bucket.Name);
    return {};
  },

  HeadBucket(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    return { BucketRegion: bucket.region };
  },

  GetBucketLocation(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    return { LocationConstraint: bucket.region === 'us-east-1' ? undefined : bucket.region };
  },

  ListObjectsV2(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const enc = encoder(input);
    const maxKeys = maxKeysOf(input);
    const prefix = String(input.Prefix ?? '');
    const page = listObjects(bucket, { prefix, delimiter: input.Delimiter || undefined, startAfter: input.StartAfter, token: input.ContinuationToken, maxKeys });
    return {
      IsTruncated: page.truncated,
      Contents: page.objects.length ? contents(page.objects, enc as (s: string) => string, input.FetchOwner ? OWNER(ctx) : undefined) : undefined,
      Name: bucket.Name, Prefix: enc(prefix), Delimiter: enc(input.Delimiter), MaxKeys: maxKeys,
      CommonPrefixes: page.commonPrefixes.length ? page.commonPrefixes.map((p) => ({ Prefix: enc(p) })) : undefined,
      EncodingType: input.EncodingType, KeyCount: page.objects.length + page.commonPrefixes.length,
      ContinuationToken: input.ContinuationToken, NextContinuationToken: page.nextToken, StartAfter: enc(input.StartAfter),
    };
  },

  ListObjects(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const enc = encoder(input);
    const maxKeys = maxKeysOf(input);
    const prefix = String(input.Prefix ?? '');
    const page = listObjects(bucket, { prefix, delimiter: input.Delimiter || undefined, startAfter: input.Marker, maxKeys });
    return {
      IsTruncated: page.truncated, Marker: enc(input.Marker ?? ''),
      NextMarker: page.truncated && input.Delimiter ? enc(page.lastEntry) : undefined,
      Contents: page.objects.length ? contents(page.objects, enc as (s: string) => string, OWNER(ctx)) : undefined,
      Name: bucket.Name, Prefix: enc(prefix), Delimiter: enc(input.Delimiter), MaxKeys: maxKeys,
      CommonPrefixes: page.commonPrefixes.length ? page.commonPrefixes.map((p) => ({ Prefix: enc(p) })) : undefined,
      EncodingType: input.EncodingType,
    };
  },

  HeadObject(input, ctx) {
    const o = objectOf(bucketOf(ctx, input.Bucket), input.Key);
    checkReadKey(o.sseC, requestSseC(input));
    const status = checkPreconditions(o, input);
    return { ...objectHeaders(o), ContentLength: o.body.length, ...checksumOutput(o.checksum, input.ChecksumMode === 'ENABLED'), $status: status };
  },

  GetObject(input, ctx) {
    const o = objectOf(bucketOf(ctx, input.Bucket), input.Key);
    checkReadKey(o.sseC, requestSseC(input));
    const status = checkPreconditions(o, input);
    if (status === 304) return { ...objectHeaders(o), $status: 304 };
    const range = parseRange(input.Range, o.body.length);
    const body = range ? readBody(o.body, range.start, range.end + 1) : readBody(o.body);
    return {
      ...objectHeaders(o), Body: body, ContentLength: body.length,
      ContentRange: range ? `bytes ${range.start}-${range.end}/${o.body.length}` : undefined,
      ContentType: input.ResponseContentType ?? o.ContentType,
      TagCount: o.Tags?.length || undefined,
      ...checksumOutput(o.checksum, input.ChecksumMode === 'ENABLED' && !range),
      $status: range ? 206 : undefined,
    };
  },

  PutObject(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const body: Buffer = input.Body ?? Buffer.alloc(0);
    checkMd5(body, input.ContentMD5);
    const checksum = uploadChecksum(input, body);
    const sseC = requestSseC(input);
    const object: S3Object = {
      Key: String(input.Key), body: storeBody(body), ETag: `"${md5Hex(body)}"`, LastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
      ContentType: input.ContentType ?? 'binary/octet-stream', Metadata: input.Metadata ?? {}, StorageClass: input.StorageClass ?? 'STANDARD',
      ContentEncoding: storedEncoding(input.ContentEncoding), CacheControl: input.CacheControl, ContentDisposition: input.ContentDisposition,
      Tags: tagsFromHeader(input.Tagging), sseC, checksum,
    };
    putObject(bucket, object);
    return { ETag: object.ETag, ...checksumOutput(checksum), ...sseCHeaders(sseC) };
  },

  GetObjectTagging(input, ctx) {
    const o = objectOf(bucketOf(ctx, input.Bucket), input.Key);
    return { TagSet: o.Tags ?? [] };
  },

  PutObjectTagging(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const o = objectOf(bucket, input.Key);
    // A generated object (the big demo bucket) is made on each read: a tagged one is stored.
    putObject(bucket, { ...o, Tags: tagsFromTagging(input.Tagging) });
    return {};
  },

  DeleteObjectTagging(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const o = objectOf(bucket, input.Key);
    if (o.Tags?.length) putObject(bucket, { ...o, Tags: [] });
    return { $status: 204 };
  },

  CopyObject(input, ctx) {
    const target = bucketOf(ctx, input.Bucket);
    const from = copySourceOf(ctx, input);
    const sseC = requestSseC(input);
    const replace = input.MetadataDirective === 'REPLACE';
    const object: S3Object = {
      ...from, Key: String(input.Key), LastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
      Metadata: replace ? input.Metadata ?? {} : from.Metadata, ContentType: replace ? input.ContentType ?? 'binary/octet-stream' : from.ContentType,
      Tags: input.TaggingDirective === 'REPLACE' ? tagsFromHeader(input.Tagging) : from.Tags, sseC,
    };
    putObject(target, object);
    return { CopyObjectResult: { ETag: object.ETag, LastModified: object.LastModified }, ...sseCHeaders(sseC) };
  },

  DeleteObject(input, ctx) {
    deleteObject(bucketOf(ctx, input.Bucket), String(input.Key));
    return {};
  },

  DeleteObjects(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const objects = ((input.Delete as { Objects?: Array<{ Key: string }> })?.Objects) ?? [];
    if (objects.length > 1000) throw fault('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
    for (const o of objects) deleteObject(bucket, o.Key);
    return { Deleted: (input.Delete as { Quiet?: boolean }).Quiet ? undefined : objects.map((o) => ({ Key: o.Key })) };
  },

  CreateMultipartUpload(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const uploadId = randomToken(32);
    const sseC = requestSseC(input);
    bucket.uploads.set(uploadId, { UploadId: uploadId, Key: String(input.Key), Initiated: new Date(), ContentType: input.ContentType ?? 'binary/octet-stream', Metadata: input.Metadata ?? {}, Tags: tagsFromHeader(input.Tagging), sseC, parts: new Map() });
    return { Bucket: bucket.Name, Key: input.Key, UploadId: uploadId, ...sseCHeaders(sseC) };
  },

  UploadPart(input, ctx) {
    const upload = partTarget(ctx, input);
    const body: Buffer = input.Body ?? Buffer.alloc(0);
    checkMd5(body, input.ContentMD5);
    const etag = `"${md5Hex(body)}"`;
    setPart(upload, Number(input.PartNumber), body, etag, new Date());
    return { ETag: etag, ...sseCHeaders(upload.sseC) };
  },

  UploadPartCopy(input, ctx) {
    const upload = partTarget(ctx, input);
    const from = copySourceOf(ctx, input);
    const range = parseRange(input.CopySourceRange, from.body.length);
    const body = range ? readBody(from.body, range.start, range.end + 1) : readBody(from.body);
    const etag = `"${md5Hex(body)}"`;
    const modified = new Date(Math.floor(Date.now() / 1000) * 1000);
    setPart(upload, Number(input.PartNumber), body, etag, modified);
    return { CopyPartResult: { ETag: etag, LastModified: modified }, ...sseCHeaders(upload.sseC) };
  },

  CompleteMultipartUpload(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const upload = bucket.uploads.get(String(input.UploadId));
    if (!upload || upload.Key !== input.Key) throw noSuchUpload(input.UploadId);
    const parts = ((input.MultipartUpload as { Parts?: Array<{ PartNumber: number; ETag: string }> })?.Parts) ?? [];
    if (!parts.length) throw fault('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
    let previous = 0;
    const bodies: ObjectBody[] = [];
    const digests: Buffer[] = [];
    for (const [n, p] of parts.entries()) {
      if (p.PartNumber <= previous) throw fault('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.');
      previous = p.PartNumber;
      const stored = upload.parts.get(p.PartNumber);
      if (!stored || stored.ETag.replace(/"/g, '') !== String(p.ETag).replace(/"/g, '')) throw fault('InvalidPart', 'One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part\'s entity tag.', { extra: { UploadId: upload.UploadId, PartNumber: String(p.PartNumber) } });
      if (n < parts.length - 1 && stored.body.length < 5 * 1024 * 1024) throw fault('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', { extra: { PartNumber: String(p.PartNumber) } });
      bodies.push(stored.body);
      // A part's ETag is its MD5: no need to read the part again.
      digests.push(Buffer.from(stored.ETag.replace(/"/g, ''), 'hex'));
    }
    const etag = `"${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${parts.length}"`;
    putObject(bucket, { Key: upload.Key, body: joinBodies(bodies), ETag: etag, LastModified: new Date(Math.floor(Date.now() / 1000) * 1000), ContentType: upload.ContentType, Metadata: upload.Metadata, StorageClass: 'STANDARD', Tags: upload.Tags, sseC: upload.sseC });
    bucket.uploads.delete(upload.UploadId);
    for (const part of upload.parts.values()) releaseBody(part.body);
    return { Location: `${ctx.state.options.baseUrl}/${bucket.Name}/${encodeURIComponent(upload.Key)}`, Bucket: bucket.Name, Key: upload.Key, ETag: etag };
  },

  AbortMultipartUpload(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const upload = bucket.uploads.get(String(input.UploadId));
    if (!upload) throw noSuchUpload(input.UploadId);
    bucket.uploads.delete(upload.UploadId);
    for (const part of upload.parts.values()) releaseBody(part.body);
    return {};
  },

  ListParts(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const upload = bucket.uploads.get(String(input.UploadId));
    if (!upload) throw noSuchUpload(input.UploadId);
    const parts = [...upload.parts.entries()].sort((a, b) => a[0] - b[0]).map(([n, p]) => ({ PartNumber: n, LastModified: p.LastModified, ETag: p.ETag, Size: p.body.length }));
    return { Bucket: bucket.Name, Key: upload.Key, UploadId: upload.UploadId, Parts: parts, IsTruncated: false, MaxParts: 1000, StorageClass: 'STANDARD', Owner: OWNER(ctx), Initiator: OWNER(ctx) };
  },

  ListMultipartUploads(input, ctx) {
    const bucket = bucketOf(ctx, input.Bucket);
    const uploads = [...bucket.uploads.values()].map((u) => ({ UploadId: u.UploadId, Key: u.Key, Initiated: u.Initiated, StorageClass: 'STANDARD', Owner: OWNER(ctx), Initiator: OWNER(ctx) }));
    return { Bucket: bucket.Name, Uploads: uploads, IsTruncated: false, MaxUploads: 1000 };
  },
};

/** A copy's source object (`bucket/key`, percent-encoded), read with the copy-source key. */
function copySourceOf(ctx: CallContext, input: Record<string, any>): S3Object {
  const source = decodeURIComponent(String(input.CopySource).replace(/^\//, '').split('?')[0]!);
  const slash = source.indexOf('/');
  const from = objectOf(bucketOf(ctx, source.slice(0, slash)), source.slice(slash + 1));
  checkReadKey(from.sseC, requestSseC(input, 'CopySourceSSECustomer'));
  return from;
}

/** Keeps a part (on disk when large), letting go of the one it replaces. */
function setPart(upload: MultipartUpload, partNumber: number, body: Buffer, etag: string, modified: Date): void {
  const replaced = upload.parts.get(partNumber);
  const stored = storeBody(body);
  retainBody(stored);
  upload.parts.set(partNumber, { body: stored, ETag: etag, LastModified: modified });
  if (replaced) releaseBody(replaced.body);
}

/** The upload a part request names, with the part number and the upload's key checked. */
function partTarget(ctx: CallContext, input: Record<string, any>): MultipartUpload {
  const bucket = bucketOf(ctx, input.Bucket);
  const upload = bucket.uploads.get(String(input.UploadId));
  if (!upload || upload.Key !== input.Key) throw noSuchUpload(input.UploadId);
  const partNumber = Number(input.PartNumber);
  if (!(partNumber >= 1 && partNumber <= 10000)) throw fault('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', { extra: { ArgumentName: 'partNumber' } });
  checkPartKey(upload.sseC, requestSseC(input));
  return upload;
}

function noSuchUpload(id: unknown) {
  return fault('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', { status: 404, extra: { UploadId: String(id) } });
}
