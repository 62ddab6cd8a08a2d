// `s3 ls`: buckets, or one level of a prefix (`PRE dir/` lines, then objects), or everything
// under it with --recursive; dates in local time, sizes right-aligned, optional summary.
import { listObjectPages } from '../../engine/s3transfer/index.js';
import { humanReadableSize } from './human-size.js';
import { integerOption, type S3Options } from './options.js';
import { findBucketKey } from './paths.js';
import { requestPayerParams } from './request-params.js';
import type { S3Session } from './session.js';

export async function runLs(options: S3Options, session: S3Session): Promise<number> {
  let path = options.paths[0] ?? 's3://';
  if (path.startsWith('s3://')) path = path.slice(5);
  const [bucket, key] = findBucketKey(path);
  const humanReadable = options.has('humanReadable');
  const size = (n: number) => (humanReadable ? humanReadableSize(n) : String(n)).padStart(10);
  const out: string[] = [];
  const flush = () => {
    if (out.length) session.io.stdout.write(out.join(''));
    out.length = 0;
  };
  if (!bucket) {
    const result = await session.client.call('ListBuckets', {});
    for (const b of (result.Buckets as Array<{ Name: string; CreationDate: string }> | undefined) ?? []) out.push(`${localTime(b.CreationDate)} ${b.Name}\n`);
    flush();
    return 0;
  }
  const recursive = options.has('recursive');
  let totalObjects = 0;
  let totalSize = 0;
  let firstPageEmpty = false;
  let pageNumber = 0;
  for await (const page of listObjectPages(session.client, {
    bucket, prefix: key, delimiter: recursive ? undefined : '/', pageSize: integerOption(options, 'pageSize'), extra: requestPayerParams(options),
  })) {
    pageNumber++;
    if (!page.objects.length && !page.prefixes.length) {
      if (pageNumber === 1) firstPageEmpty = true;
      continue;
    }
    for (const prefix of page.prefixes) {
      const parts = prefix.split('/');
      out.push(`${'PRE'.padStart(30)} ${parts[parts.length - 2]}/\n`);
    }
    for (const object of page.objects) {
      totalObjects++;
      totalSize += object.Size;
      const name = recursive ? object.Key : object.Key.slice(object.Key.lastIndexOf('/') + 1);
      out.push(`${localTime(object.LastModified)} ${size(object.Size)} ${name}\n`);
    }
    flush();
  }
  if (options.has('summarize')) {
    out.push(`\nTotal Objects: ${totalObjects}\n`, `   Total Size: ${humanReadable ? humanReadableSize(totalSize) : totalSize}\n`);
    flush();
  }
  return key && firstPageEmpty ? 1 : 0;
}

/** `YYYY-MM-DD HH:MM:SS` in the machine's time zone (TZ), as the CLI prints listing dates. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
