// Deleting objects and creating buckets from the S3 views against moto with signature checking on,
// through the app layer the dashboard runs: y for a few objects, the count typed above 100 (nothing
// is deleted before), several picked rows at once, a bucket in the region chosen. boto3 reads what
// is left; every DeleteObject and the CreateBucket are in the audit log with their request ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskRunners } from '../../src/app/browse/tasks/index.js';
import { readAudit } from '../../src/engine/audit-log.js';
import { startS3World, type S3World } from '../support/s3-actions-world.js';

const BUCKET = 'deletes';
const seed = `
import boto3, sys
s3 = boto3.client('s3', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
s3.create_bucket(Bucket='${BUCKET}')
for key in ['blob.bin', 'keep.txt', 'x.txt', 'y.txt']:
    s3.put_object(Bucket='${BUCKET}', Key=key, Body=b'x')
for i in range(101):
    s3.put_object(Bucket='${BUCKET}', Key='many/k%03d' % i, Body=b'x')
`;

let world: S3World;
const listed = (prefix: string) => world.listed(BUCKET, prefix);
const keysLeft = async (prefix: string) => (await world.boto({ keys: [BUCKET, prefix] })).keys ?? [];

beforeAll(async () => { world = await startS3World(seed); }, 120_000);
afterAll(async () => { await world?.stop(); });

describe('S3 delete and create bucket against moto (signature checking on)', () => {
  it('deletes one object after y, then two picked rows at once', async () => {
    world.answer({ confirm: true });
    await taskRunners['s3.delete'](world.ctxFor({ Bucket: BUCKET, Prefix: '' }, (await listed('')).filter((r) => r.Key === 'blob.bin')));
    expect(world.asked.at(-1)).toEqual({ kind: 'action', title: 'Delete blob.bin from s3://deletes (admin, us-east-1)', typed: undefined });
    world.answer({ confirm: true });
    await taskRunners['s3.delete'](world.ctxFor({ Bucket: BUCKET, Prefix: '' }, (await listed('')).filter((r) => r.Key === 'x.txt' || r.Key === 'y.txt')));
    expect(world.asked.at(-1)?.title).toBe('Delete 2 objects from s3://deletes (admin, us-east-1)');
    expect(await keysLeft('')).toEqual(expect.arrayContaining(['keep.txt']));
    expect((await keysLeft('')).filter((k) => !k.startsWith('many/'))).toEqual(['keep.txt']);
    expect(world.transfers.get().job?.summary).toBe('2 objects deleted');
  });

  it('a prefix of 101 objects wants the count typed; Esc there deletes nothing; typed, all go', async () => {
    const prefix = (await listed('')).filter((r) => r.Prefix === 'many/');
    const cancelled = taskRunners['s3.delete'](world.ctxFor({ Bucket: BUCKET, Prefix: '' }, prefix));
    await new Promise<void>((resolve) => { const stop = world.dashboard.prompts.subscribe(() => { if (world.dashboard.prompts.get().open) { stop(); resolve(); } }); });
    expect(world.dashboard.prompts.get().open).toMatchObject({ kind: 'action', title: 'Delete 101 objects from s3://deletes (admin, us-east-1)', typed: '101' });
    world.dashboard.prompts.cancel();
    await expect(cancelled).rejects.toThrow();
    expect(await keysLeft('many/')).toHaveLength(101);

    world.answer({ confirm: true, typed: '101' });
    await taskRunners['s3.delete'](world.ctxFor({ Bucket: BUCKET, Prefix: '' }, prefix));
    expect(await keysLeft('many/')).toEqual([]);
  });

  it('creates a bucket in the region chosen', async () => {
    world.answer({ form: { name: 'made-in-ireland', region: 'eu-west-1' } });
    await taskRunners['s3.create-bucket'](world.ctxFor({}, []));
    expect((await world.boto({ location: 'made-in-ireland' })).location).toBe('eu-west-1');
  });

  it('every DeleteObject and the CreateBucket are in the audit log with request ids', () => {
    const log = readAudit(world.env);
    expect(log.filter((e) => e.operation === 's3:DeleteObject').map((e) => e.resources[0]).sort().slice(0, 3)).toEqual(['deletes/blob.bin', 'deletes/many/k000', 'deletes/many/k001']);
    expect(log.filter((e) => e.operation === 's3:DeleteObject')).toHaveLength(104);
    expect(log.find((e) => e.operation === 's3:CreateBucket')).toMatchObject({ resources: ['made-in-ireland'], region: 'eu-west-1', outcome: 'ok' });
    for (const entry of log) expect(entry).toMatchObject({ outcome: 'ok', profile: 'admin', requestId: expect.stringMatching(/\S/) });
  });
});
