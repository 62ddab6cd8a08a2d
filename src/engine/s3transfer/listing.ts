// Paged ListObjectsV2 as the s3 commands use it: one page at a time, so a listing of any size is
// printed or compared while it streams in.
import type { AwsClient } from '../http/client.js';

export interface ListedObject {
  Key: string;
  Size: number;
  LastModified: string;
  StorageClass?: string;
  ETag?: string;
}

export interface ListedPage {
  objects: ListedObject[];
  prefixes: string[];
}

export interface ListOptions {
  bucket: string;
  prefix?: string;
  delimiter?: string;
  pageSize?: number;
  extra?: Record<string, unknown>;
}

export async function* listObjectPages(client: Pick<AwsClient, 'call'>, options: ListOptions): AsyncGenerator<ListedPage> {
  let token: string | undefined;
  do {
    const page = await client.call('ListObjectsV2', {
      Bucket: options.bucket,
      ...(options.prefix !== undefined && { Prefix: options.prefix }),
      ...(options.delimiter !== undefined && { Delimiter: options.delimiter }),
      ...(options.pageSize !== undefined && { MaxKeys: options.pageSize }),
      ...(token !== undefined && { ContinuationToken: token }),
      ...options.extra,
    });
    const contents = (page.Contents as Array<Record<string, unknown>> | undefined) ?? [];
    const prefixes = (page.CommonPrefixes as Array<{ Prefix?: string }> | undefined) ?? [];
    yield {
      objects: contents.map((o) => ({
        Key: String(o.Key), Size: Number(o.Size ?? 0), LastModified: String(o.LastModified),
        StorageClass: o.StorageClass as string | undefined, ETag: o.ETag as string | undefined,
      })),
      prefixes: prefixes.map((p) => String(p.Prefix)),
    };
    token = page.IsTruncated ? (page.NextContinuationToken as string | undefined) : undefined;
  } while (token);
}
