// S3 region redirects over real HTTP: a bucket in another region answers 301 PermanentRedirect
// with x-amz-bucket-region; the client retries once there and remembers the bucket's region.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/engine/http/client.js';
import { ServiceError } from '../../src/engine/http/errors.js';

let server: Server;
let url: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const region = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
    seen.push(`${region} ${req.url}`);
    if (req.url?.startsWith('/loop')) {
      res.writeHead(301, { 'x-amz-bucket-region': region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1', 'content-type': 'application/xml' });
      res.end('<Error><Code>PermanentRedirect</Code><Message>elsewhere</Message></Error>');
      return;
    }
    if (region !== 'eu-west-1') {
      res.writeHead(301, { 'x-amz-bucket-region': 'eu-west-1', 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Bucket>euro</Bucket></Error>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>euro</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>a.txt</Key><Size>3</Size></Contents></ListBucketResult>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const s3 = () => createClient({ service: 's3api', region: 'us-east-1', endpointUrl: url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });

describe('S3 region redirect', () => {
  it('retries in the bucket region once, then goes there directly', async () => {
    seen.length = 0;
    const client = s3();
    const out = await client.call('ListObjectsV2', { Bucket: 'euro' });
    expect((out.Contents as Array<{ Key: string }>)[0]!.Key).toBe('a.txt');
    expect(seen.map((s) => s.split(' ')[0])).toEqual(['us-east-1', 'eu-west-1']);
    await client.call('ListObjectsV2', { Bucket: 'euro' });
    expect(seen.map((s) => s.split(' ')[0])).toEqual(['us-east-1', 'eu-west-1', 'eu-west-1']);
  });

  it('redirects only once per request', async () => {
    seen.length = 0;
    const err = await s3().call('ListObjectsV2', { Bucket: 'loop' }).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe('PermanentRedirect');
    expect(seen).toHaveLength(2);
  });
});
