// S3 object tags in the sandbox, compared with moto through the AWS CLI v2 (botocore parses both
// servers' XML): the x-amz-tagging header on PutObject and CopyObject, GetObjectTagging,
// PutObjectTagging, DeleteObjectTagging, GetObject's TagCount, and the same errors. Then the demo's
// seeded tags, which an object's detail in `awsdeck --demo` shows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxState, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { saveSnapshot } from '../../src/sandbox/persist.js';
import { buckets, getObject } from '../../src/sandbox/services/s3-store.js';
import { startMoto, type MotoServer } from '../support/moto.js';
import { awsJson, isolatedEnv, runAws } from './cli-helpers.js';

let moto: MotoServer;
let sandbox: Sandbox;
let demo: Sandbox;
let servers: Array<{ url: string; env: NodeJS.ProcessEnv }>;
const BUCKET = 'tagging-parity';
const out = mkdtempSync(join(tmpdir(), 'awsdeck-tagging-'));

beforeAll(async () => {
  [moto, sandbox, demo] = await Promise.all([startMoto(), startSandbox({ seed: 'empty' }), startSandbox({ seed: 'demo' })]);
  servers = [
    { url: moto.endpoint, env: isolatedEnv({ AWS_ACCESS_KEY_ID: moto.accessKeyId, AWS_SECRET_ACCESS_KEY: moto.secretAccessKey }) },
    { url: sandbox.url, env: isolatedEnv() },
  ];
  await both(['s3api', 'create-bucket', '--bucket', BUCKET]);
}, 120_000);

afterAll(async () => {
  await Promise.all([moto?.stop(), sandbox?.close(), demo?.close()]);
});

/** The same command against moto and the sandbox: [moto's JSON, the sandbox's JSON]. */
const both = (args: string[]) => Promise.all(servers.map(({ url, env }) => awsJson(url, args, env)));

/** Both answers, which must be equal; the one answer. */
async function same(args: string[]): Promise<any> {
  const [fromMoto, fromSandbox] = await both(args);
  expect(fromSandbox).toEqual(fromMoto);
  return fromSandbox;
}

/** The error code each server answers with (`(InvalidTag)`), or `ok`. */
async function outcomes(args: string[]): Promise<string[]> {
  const results = await Promise.all(servers.map(({ url, env }) => runAws(url, args, env)));
  return results.map((r) => (r.code === 0 ? 'ok' : /\(([A-Za-z]+)\)/.exec(r.stderr)?.[1] ?? r.stderr));
}

const tagging = (key: string) => ['s3api', 'get-object-tagging', '--bucket', BUCKET, '--key', key];

// Each AWS CLI v2 call starts a Python process: a few seconds each on a busy 2-core machine.
describe('object tags, the sandbox against moto', { timeout: 180_000 }, () => {
  it('PutObject with x-amz-tagging: GetObjectTagging answers the same TagSet, in order', async () => {
    await both(['s3api', 'put-object', '--bucket', BUCKET, '--key', 'docs/tagged.csv', '--tagging', 'team=data&classification=internal&note=a%20b%2Bc&empty=']);
    const answer = await same(tagging('docs/tagged.csv'));
    expect(answer.TagSet).toEqual([
      { Key: 'team', Value: 'data' }, { Key: 'classification', Value: 'internal' }, { Key: 'note', Value: 'a b+c' }, { Key: 'empty', Value: '' },
    ]);
  });

  it('the XML is what S3 sends: a Tagging root in the S3 namespace, TagSet of Tag elements', async () => {
    const bodies = await Promise.all(servers.map(({ url, env }) => runAws(url, [...tagging('docs/tagged.csv'), '--debug'], env)));
    // botocore's --debug log shows the response body as a Python bytes literal.
    const elements = bodies.map((r) => {
      const xml = /Response body:\s*b'(<\?xml.*?)'\n/s.exec(r.stderr)?.[1] ?? r.stderr;
      // `<Value/>` and `<Value></Value>` are the same element.
      return [...xml.matchAll(/<([A-Za-z]+)( xmlns="[^"]*")?\/?>/g)].map((m) => m[1] + (m[2] ?? ''));
    });
    expect(elements[1]).toEqual(elements[0]);
    expect(elements[1].slice(0, 3)).toEqual(['Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"', 'TagSet', 'Tag']);
  });

  it('an untagged object has an empty TagSet', async () => {
    await both(['s3api', 'put-object', '--bucket', BUCKET, '--key', 'plain.txt']);
    expect((await same(tagging('plain.txt'))).TagSet).toEqual([]);
  });

  it('GetObject counts the tags (x-amz-tagging-count)', async () => {
    const [fromMoto, fromSandbox] = await Promise.all(servers.map(({ url, env }, i) =>
      awsJson(url, ['s3api', 'get-object', '--bucket', BUCKET, '--key', 'docs/tagged.csv', join(out, `object-${i}`)], env)));
    expect(fromSandbox.TagCount).toBe(4);
    expect(fromSandbox.TagCount).toBe(fromMoto.TagCount);
  });

  it('PutObjectTagging replaces the set; DeleteObjectTagging empties it', async () => {
    const set = ['s3api', 'put-object-tagging', '--bucket', BUCKET, '--key', 'plain.txt', '--tagging', 'TagSet=[{Key=owner,Value=zoë},{Key=stage,Value=prod}]'];
    await same(set);
    expect((await same(tagging('plain.txt'))).TagSet).toEqual([{ Key: 'owner', Value: 'zoë' }, { Key: 'stage', Value: 'prod' }]);
    await same(['s3api', 'delete-object-tagging', '--bucket', BUCKET, '--key', 'plain.txt']);
    expect((await same(tagging('plain.txt'))).TagSet).toEqual([]);
  });

  it('CopyObject keeps the tags, or replaces them with TaggingDirective REPLACE', async () => {
    const copy = (key: string, extra: string[] = []) => ['s3api', 'copy-object', '--bucket', BUCKET, '--key', key, '--copy-source', `${BUCKET}/docs/tagged.csv`, ...extra];
    await both(copy('copied.csv'));
    expect((await same(tagging('copied.csv'))).TagSet).toHaveLength(4);
    await both(copy('retagged.csv', ['--tagging-directive', 'REPLACE', '--tagging', 'copy=yes']));
    expect((await same(tagging('retagged.csv'))).TagSet).toEqual([{ Key: 'copy', Value: 'yes' }]);
  });

  it('a multipart upload started with tags gives the object those tags', async () => {
    const part = join(out, 'part.bin');
    writeFileSync(part, 'one part is enough\n');
    await Promise.all(servers.map(async ({ url, env }) => {
      const upload = ['--bucket', BUCKET, '--key', 'multi.bin'];
      const { UploadId } = await awsJson(url, ['s3api', 'create-multipart-upload', ...upload, '--tagging', 'via=multipart'], env);
      const { ETag } = await awsJson(url, ['s3api', 'upload-part', ...upload, '--upload-id', UploadId, '--part-number', '1', '--body', part], env);
      await awsJson(url, ['s3api', 'complete-multipart-upload', ...upload, '--upload-id', UploadId, '--multipart-upload', JSON.stringify({ Parts: [{ ETag, PartNumber: 1 }] })], env);
    }));
    expect((await same(tagging('multi.bin'))).TagSet).toEqual([{ Key: 'via', Value: 'multipart' }]);
  });

  it('the same errors: a missing key, more than 10 tags, an aws: prefix, a character tags may not hold', async () => {
    expect(await outcomes(tagging('nope'))).toEqual(['NoSuchKey', 'NoSuchKey']);
    const eleven = Array.from({ length: 11 }, (_, i) => `k${i}=v`).join('&');
    expect(await outcomes(['s3api', 'put-object', '--bucket', BUCKET, '--key', 'many', '--tagging', eleven])).toEqual(['BadRequest', 'BadRequest']);
    expect(await outcomes(['s3api', 'put-object', '--bucket', BUCKET, '--key', 'sys', '--tagging', 'aws:owner=me'])).toEqual(['InvalidTag', 'InvalidTag']);
    expect(await outcomes(['s3api', 'put-object-tagging', '--bucket', BUCKET, '--key', 'plain.txt', '--tagging', 'TagSet=[{Key=a,Value=x&y}]'])).toEqual(['InvalidTag', 'InvalidTag']);
  });

  it('a repeated key is refused as S3 refuses it (moto 5.2.1 keeps the last one instead)', async () => {
    const repeated = ['s3api', 'put-object-tagging', '--bucket', BUCKET, '--key', 'plain.txt', '--tagging', 'TagSet=[{Key=a,Value=1},{Key=a,Value=2}]'];
    const result = await runAws(sandbox.url, repeated);
    expect(result.stderr).toContain('An error occurred (InvalidTag) when calling the PutObjectTagging operation: Cannot provide multiple Tags with the same key');
  });
});

describe('the demo', { timeout: 60_000 }, () => {
  it('seeds tags on a few objects, which GetObjectTagging answers', async () => {
    const answer = await awsJson(demo.url, ['s3api', 'get-object-tagging', '--bucket', 'awsdeck-demo-dev-assets', '--key', 'docs/2024/q1/report.txt']);
    expect(answer).toEqual({ TagSet: [{ Key: 'classification', Value: 'internal' }, { Key: 'team', Value: 'finance' }] });
  });

  it('tags an object of the generated 100,000-object bucket, and keeps it listed once', async () => {
    const key = 'events/batch-000/event-000001.json';
    await awsJson(demo.url, ['s3api', 'put-object-tagging', '--bucket', 'awsdeck-demo-dev-telemetry', '--key', key, '--tagging', 'TagSet=[{Key=kept,Value=yes}]']);
    expect(await awsJson(demo.url, ['s3api', 'get-object-tagging', '--bucket', 'awsdeck-demo-dev-telemetry', '--key', key])).toEqual({ TagSet: [{ Key: 'kept', Value: 'yes' }] });
    const listed = await awsJson(demo.url, ['s3api', 'list-objects-v2', '--bucket', 'awsdeck-demo-dev-telemetry', '--prefix', 'events/batch-000/event-00000', '--query', 'Contents[].Key']);
    expect(listed).toEqual(Array.from({ length: 10 }, (_, i) => `events/batch-000/event-00000${i}.json`));
  });

  it('keeps tags across a saved and reloaded sandbox (awsdeck sandbox --data DIR)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'awsdeck-tagging-data-'));
    saveSnapshot(demo.state, dataDir);
    const reloaded = createSandboxState({ seed: 'demo', dataDir });
    const tagsOf = (bucket: string, key: string) => getObject(buckets(reloaded).get(bucket)!, key)?.Tags;
    expect(tagsOf('awsdeck-demo-dev-assets', 'index.html')).toEqual([{ Key: 'owner', Value: 'web-team' }, { Key: 'cache', Value: 'short' }]);
    expect(tagsOf('awsdeck-demo-dev-telemetry', 'events/batch-000/event-000001.json')).toEqual([{ Key: 'kept', Value: 'yes' }]);
  });
});
