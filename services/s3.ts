// S3: buckets → one level of prefixes and objects (the server splits on the delimiter) → an
// object's detail (HeadObject with its tags). `f` lists every key under the prefix instead.
import { humanBytes, partitionOf, shortTime, str } from './format.js';
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
};

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
      ]
    : []),
  child: (item, scope) => (typeof item.Prefix === 'string'
    ? { view: 's3.objects', scope: { Bucket: scope.Bucket, Prefix: item.Prefix }, label: relativeKey(item.Prefix, scope) }
    : { detail: true }),
  label: (scope) => `${scope.Bucket}/${scope.Prefix ?? ''}`,
  consoleUrl: (item, where) => (typeof item.Key === 'string'
    ? `${consoleHost(where.region)}/object/${encodeURIComponent(where.scope.Bucket)}?region=${where.region}&prefix=${encodeURIComponent(item.Key)}`
    : `${consoleHost(where.region)}/buckets/${encodeURIComponent(where.scope.Bucket)}?region=${where.region}&prefix=${encodeURIComponent(str(item.Prefix))}`),
};

export const s3Views = [buckets, objects];
