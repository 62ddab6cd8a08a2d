// `--data DIR`: what the sandbox keeps between runs. The seed is rebuilt at every start; the
// snapshot then lays over it the things people change by hand: S3 buckets and stored objects
// (generated keys stay formulas; deletions of them are kept) and EC2 instance states.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replacePrivateFile } from '../engine/private-files.js';
import type { SandboxState, Tag } from './state.js';
import { buckets, createBucket, putObject } from './services/s3-store.js';
import { readBody, storeBody } from './services/s3-bodies.js';
import type { SseC } from './services/s3-sse-c.js';
import { ec2Store, setInstanceState, type InstanceStateName } from './services/ec2-store.js';

const FILE = 'sandbox-state.json';

interface Snapshot {
  version: 1;
  buckets: Array<{
    name: string; region: string; owner: string; created: string; hidden: string[];
    objects: Array<{ key: string; body: string; etag: string; modified: string; type: string; meta: Record<string, string>; storageClass: string; tags?: Tag[]; sseC?: SseC }>;
  }>;
  instances: Array<{ accountId: string; region: string; id: string; state: InstanceStateName }>;
}

export function saveSnapshot(state: SandboxState, dir: string): void {
  const snapshot: Snapshot = { version: 1, buckets: [], instances: [] };
  for (const b of buckets(state).values()) {
    snapshot.buckets.push({
      name: b.Name, region: b.region, owner: b.ownerAccountId, created: b.CreationDate.toISOString(), hidden: [...b.hidden],
      objects: b.keys.map((k) => {
        const o = b.objects.get(k)!;
        return { key: k, body: readBody(o.body).toString('base64'), etag: o.ETag, modified: o.LastModified.toISOString(), type: o.ContentType, meta: o.Metadata, storageClass: o.StorageClass, tags: o.Tags?.length ? o.Tags : undefined, sseC: o.sseC };
      }),
    });
  }
  for (const { accountId, region, store } of state.storesOf<ReturnType<typeof ec2Store>>('ec2')) {
    for (const i of store.instances.values()) snapshot.instances.push({ accountId, region, id: i.InstanceId, state: i.transition?.to ?? i.State.Name });
  }
  // Objects people stored: private to them, and never torn by a crash mid-save.
  replacePrivateFile(join(dir, FILE), JSON.stringify(snapshot));
}

export function loadSnapshot(state: SandboxState, dir: string): void {
  const path = join(dir, FILE);
  if (!existsSync(path)) return;
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  if (snapshot.version !== 1) return;
  const all = buckets(state);
  for (const saved of snapshot.buckets) {
    const existing = all.get(saved.name);
    const bucket = existing ?? createBucket(state, saved.name, saved.owner, saved.region, new Date(saved.created));
    bucket.keys = [];
    bucket.objects.clear();
    bucket.hidden = new Set(saved.hidden);
    for (const o of saved.objects) {
      putObject(bucket, { Key: o.key, body: storeBody(Buffer.from(o.body, 'base64')), ETag: o.etag, LastModified: new Date(o.modified), ContentType: o.type, Metadata: o.meta, StorageClass: o.storageClass, Tags: o.tags, sseC: o.sseC });
    }
    bucket.hidden = new Set(saved.hidden);
  }
  const savedNames = new Set(snapshot.buckets.map((b) => b.name));
  for (const name of [...all.keys()]) if (!savedNames.has(name)) all.delete(name);
  // Instance ids are random per seed, so states carry over only for instances the snapshot knows.
  for (const saved of snapshot.instances) {
    const instance = ec2Store(state, saved.accountId, saved.region).instances.get(saved.id);
    if (instance) setInstanceState(instance, saved.state);
  }
}
