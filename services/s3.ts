// S3: buckets → one level of prefixes and objects (the server splits on the delimiter) → an
// object's detail (HeadObject with its tags). `f` lists every key under the prefix instead.
import { humanBytes, partitionOf, shortTime, str } from './format.js';
import { PREVIEW_BYTES, previewOf } from '../src/engine/s3transfer/preview.js';
import type { ResourceDescriptor } from './types.js';

const consoleHost = (region: string) => `https://s3.${partitionOf(region).console}/s3`;

const bucketRegion = (item: Record<string, unknown>) => (typeof item.BucketRegion === 'string' && item.BucketRegion ? item.BucketRegion : undefined);

export const buckets: ResourceDescriptor = {
  id: 's3.buckets',
  title: 'S3 buckets',
  aliases: ['s3', 'buckets'],
  service: 's3api',
  operation: 'ListBuckets',
  items: ['Buckets[]'],
  columns: [
    { id: 'name', title: 'Bucket', path: 'Name', min: 8, grow: 1 },
    { id: 'region', title: 'Region', path: 'BucketRegion', min: 6 },
    { id: 'created', title: 'Created', path: 'CreationDate', min: 16, format: shortTime },
  ],
  identity: { id: 'Name', name: 'Name', arn: (item, where) => `arn:${partitionOf(where.region).name}:s3:::${str(item.Name)}` },
  detail: 'row',
  // ListBuckets names each bucket's region: its objects are listed there (no redirect on the way).
  child: (item) => ({ view: 's3.objects', scope: { Bucket: str(item.Name), Prefix: '' }, label: str(item.Name), region: bucketRegion(item) }),
  consoleUrl: (item, where) => `${consoleHost(where.region)}/buckets/${encodeURIComponent(str(item.Name))}?region=${bucketRegion(item) ?? where.region}`,
  global: true,
  tasks: [{ command: 'create-bucket', keys: ['n'], description: 'create bucket (name, region)', task: 's3.create-bucket', mutates: true, onRows: false }],
};

/** The detail's `Preview`: the text of the first bytes, or what kind of content it is not shown. */
function presentPreview(result: Record<string, unknown>): unknown {
  const body = result.Body instanceof Uint8Array ? result.Body : new Uint8Array();
  const size = Number(/\/(\d+)$/.exec(str(result.ContentRange))?.[1] ?? result.ContentLength ?? body.length);
  const preview = previewOf(body, size);
  if (preview.kind === 'binary') return `(binary content, ${humanBytes(size)}: not shown)`;
  // One entry per line: YAML then shows the text line under line instead of one folded string.
  const lines = preview.text.replace(/\r?\n$/, '').split(/\r?\n/);
  return preview.truncated ? [...lines, `… (first ${humanBytes(PREVIEW_BYTES)} of ${humanBytes(size)})`] : lines;
}

/** A key shown relative to the prefix being browsed (`photos/2024/a.jpg` in `photos/` → `2024/a.jpg`). */
const relativeKey = (value: unknown, scope: Record<string, string>) => {
  const key = str(value);
  const prefix = scope.Prefix ?? '';
  return prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key;
};

export const objects: ResourceDescriptor = {
  id: 's3.objects',
  title: 'S3 objects',
  aliases: ['objects', 's3-objects'],
  service: 's3api',
  operation: 'ListObjectsV2',
  params: (scope) => ({ Bucket: scope.Bucket, Prefix: scope.Prefix ?? '', Delimiter: '/' }),
  flat: (scope) => ({ Bucket: scope.Bucket, Prefix: scope.Prefix ?? '' }),
  // Folders first, then objects: the order of the CLI's merged result.
  items: ['CommonPrefixes[]', 'Contents[]'],
  columns: [
    { id: 'key', title: 'Key', path: 'Key || Prefix', min: 8, grow: 1, format: relativeKey },
    { id: 'size', title: 'Size', path: 'Size', min: 6, align: 'right', format: humanBytes },
    { id: 'modified', title: 'Last modified', path: 'LastModified', min: 16, format: shortTime },
    { id: 'class', title: 'Class', path: 'StorageClass', min: 5 },
  ],
  identity: {
    id: 'Key || Prefix',
    arn: (item, where) => `arn:${partitionOf(where.region).name}:s3:::${where.scope.Bucket}/${str(item.Key ?? item.Prefix)}`,
  },
  detail: (item, scope) => (typeof item.Key === 'string'
    ? [
        { service: 's3api', operation: 'HeadObject', params: { Bucket: scope.Bucket, Key: item.Key } },
        { service: 's3api', operation: 'GetObjectTagging', params: { Bucket: scope.Bucket, Key: item.Key }, key: 'Tags', pick: 'TagSet', optional: true },
        // One ranged GET: an empty object has no byte 0 to ask for (S3 answers 416).
        ...(Number(item.Size) > 0 ? [{
          service: 's3api', operation: 'GetObject', params: { Bucket: scope.Bucket, Key: item.Key, Range: `bytes=0-${PREVIEW_BYTES - 1}` },
          key: 'Preview', optional: true, present: presentPreview,
        }] : []),
      ]
    : []),
  child: (item, scope) => (typeof item.Prefix === 'string'
    ? { view: 's3.objects', scope: { Bucket: scope.Bucket, Prefix: item.Prefix }, label: relativeKey(item.Prefix, scope) }
    : { detail: true }),
  label: (scope) => `${scope.Bucket}/${scope.Prefix ?? ''}`,
  tasks: [
    { command: 'download', keys: ['D'], description: 'download objects / prefixes to a folder', task: 's3.download', mutates: false, onRows: true },
    { command: 'presign', keys: ['P'], description: 'presigned URL (copied)', task: 's3.presign', mutates: false, onRows: true },
    { command: 'upload', keys: ['u'], description: 'upload a file or folder here', task: 's3.upload', mutates: true, onRows: false },
    { command: 'delete', keys: ['ctrl+d'], description: 'delete objects / prefixes', task: 's3.delete', mutates: true, onRows: true },
  ],
  consoleUrl: (item, where) => (typeof item.Key === 'string'
    ? `${consoleHost(where.region)}/object/${encodeURIComponent(where.scope.Bucket)}?region=${where.region}&prefix=${encodeURIComponent(item.Key)}`
    : `${consoleHost(where.region)}/buckets/${encodeURIComponent(where.scope.Bucket)}?region=${where.region}&prefix=${encodeURIComponent(str(item.Prefix))}`),
};

export const s3Views = [buckets, objects];
