// `s3://bucket/prefix…` candidates for completion: ListBuckets, or one ListObjectsV2 page under the
// prefix with `/` as delimiter, through the same client (profile, region, endpoint) the s3 commands
// build from the line's global options. Loaded only when such a path is being completed.
import { Readable } from 'node:stream';
import type { CliIO } from '../io.js';
import { parseGlobalArgs } from '../params/global-args.js';
import { createS3Session } from '../s3/session.js';

export async function listS3Paths(path: string, lineWords: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const sink = { write: () => true };
  // Nothing may be printed (the shell would show it) and nothing may be asked (no MFA prompt).
  const io: CliIO = { stdout: sink, stderr: sink, stdin: Readable.from([]), env, cwd: process.cwd() };
  const { globals } = parseGlobalArgs(lineWords);
  const { client } = createS3Session(globals, io);
  const rest = path.slice('s3://'.length);
  const slash = rest.indexOf('/');
  if (slash < 0) {
    const result = await client.call('ListBuckets', {});
    return ((result.Buckets ?? []) as { Name: string }[]).map((b) => `s3://${b.Name}/`);
  }
  const bucket = rest.slice(0, slash);
  const prefix = rest.slice(slash + 1);
  const page = await client.call('ListObjectsV2', { Bucket: bucket, Prefix: prefix, Delimiter: '/', MaxKeys: 1000 });
  const prefixes = ((page.CommonPrefixes ?? []) as { Prefix: string }[]).map((p) => `s3://${bucket}/${p.Prefix}`);
  const keys = ((page.Contents ?? []) as { Key: string }[]).map((o) => `s3://${bucket}/${o.Key}`);
  return [...prefixes, ...keys];
}
