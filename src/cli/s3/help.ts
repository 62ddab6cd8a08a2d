// `awsdeck s3 help`: the commands and what each does, in the CLI's order.
const LINES: Array<[string, string]> = [
  ['ls', 'buckets, or the objects and folders under an S3 prefix (--recursive for all of them)'],
  ['website', 'set a bucket\'s index and error documents'],
  ['cp', 'copy files up, down, or between buckets (--recursive for folders)'],
  ['mv', 'like cp, then remove the source'],
  ['rm', 'delete an object, or everything under a prefix with --recursive'],
  ['sync', 'copy only what is new or changed; --delete removes what the source lacks'],
  ['mb', 'create a bucket'],
  ['rb', 'delete a bucket (--force empties it first)'],
  ['presign', 'print a time-limited GET URL for an object (--expires-in seconds)'],
];

export function s3Help(): string {
  const width = Math.max(...LINES.map(([name]) => name.length));
  return `awsdeck s3 <command> [options] <paths>\n\nHigh-level S3 commands, as the AWS CLI's \`aws s3\`:\n\n${LINES.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`).join('\n')}\n\nPaths are local paths or s3://bucket/key URIs; \`-\` is stdin or stdout for cp.\n` +
    '\nCustomer keys (SSE-C): --sse-c [AES256] --sse-c-key KEY (text, file:// or fileb://, not base64),\n' +
    'and --sse-c-copy-source / --sse-c-copy-source-key for the source of a bucket-to-bucket copy.\n' +
    '\nThe profile\'s s3 section: max_concurrent_requests, max_queue_size, multipart_threshold,\n' +
    'multipart_chunksize, max_bandwidth, addressing_style, use_accelerate_endpoint,\n' +
    'use_dualstack_endpoint, payload_signing_enabled, preferred_transfer_client (default|crt).\n';
}
