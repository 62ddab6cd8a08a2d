// The AWS SDK for JavaScript v3 side of bench/s3-listing.mjs: the same paginated ListObjectsV2 as
// `s3api list-objects-v2`, all pages merged and printed as JSON, as one process per run.
// Prints to stderr how long the process spent importing the SDK and listing (in-process times).
// Run: node bench/peers/sdk-list-objects.mjs ENDPOINT BUCKET PREFIX [MAX_PAGES]
const started = performance.now();
const { S3Client, paginateListObjectsV2 } = await import('@aws-sdk/client-s3');
const imported = performance.now();
const [endpoint, bucket, prefix, maxPages] = process.argv.slice(2);
const client = new S3Client({ endpoint, region: process.env.AWS_DEFAULT_REGION, forcePathStyle: true });
const contents = [];
let pages = 0;
for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
  contents.push(...(page.Contents ?? []));
  if (++pages === Number(maxPages)) break;
}
process.stdout.write(`${JSON.stringify({ Contents: contents }, null, 4)}\n`);
const listed = performance.now();
process.stderr.write(`${JSON.stringify({ importMs: imported - started, listMs: listed - imported, keys: contents.length })}\n`);
