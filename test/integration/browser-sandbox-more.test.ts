// The newer views on the demo's sandbox (`awsdeck --demo`): every one lists seeded rows through the
// real browser model and engine adapter, and where moto has no peer (CloudTrail LookupEvents) or the
// sandbox's answer is its own (key pairs, owned AMIs and snapshots) boto3 reads the same server and
// its parse is the truth. The demo's live log stream is followed until a new event arrives.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceViews, viewById, type Scope } from '../../services/index.js';
import { createBrowser, type Browser, type ListingRequest } from '../../src/app/browse/browser.js';
import type { BrowseRow, Listing } from '../../src/app/browse/listing.js';
import { createDashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { demoConfig, demoCredentials } from '../../src/sandbox/demo.js';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from '../../src/sandbox/seed-org.js';

const REGION = 'us-east-1';
let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-browser-sandbox-'));
  const env = { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1' };
  writeFileSync(env.AWS_CONFIG_FILE, demoConfig(sandbox.url, REGION));
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, demoCredentials());
  browser = createBrowser(createDashboard(createEngineAdapter(env), { env, profile: 'demo', region: REGION }), { cwd: home });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

const request = (viewId: string, scope: Scope = {}): ListingRequest => ({ descriptor: viewById(viewId)!, scope, profile: 'demo', region: REGION });

async function list(req: ListingRequest): Promise<BrowseRow[]> {
  const listing = browser.listing(req, true);
  await listing.finished;
  const { status, error } = listing.state.get();
  if (status !== 'done') throw error instanceof Error ? error : new Error(`${req.descriptor.id}: listing ended ${status}`);
  return listing.rows;
}

/** Runs a boto3 call against the sandbox (as the demo user) and returns its parsed, JSON-encoded result. */
async function boto3(service: string, operation: string, params: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const script = `
import boto3, json, sys
c = boto3.client(sys.argv[1], endpoint_url=sys.argv[3], region_name='${REGION}', aws_access_key_id=sys.argv[4], aws_secret_access_key=sys.argv[5])
out = getattr(c, sys.argv[2])(**json.loads(sys.argv[6]))
out.pop('ResponseMetadata', None)
print(json.dumps(out, default=lambda v: v.isoformat()))
`;
  const { stdout } = await promisify(execFile)('python3', ['-c', script, service, operation, sandbox.url, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, JSON.stringify(params)],
    { env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' } });
  return JSON.parse(stdout);
}

const column = (req: ListingRequest, rows: BrowseRow[], id: string) => {
  const i = req.descriptor.columns.findIndex((c) => c.id === id);
  return rows.map((r) => r.values[i]);
};

describe('the newer views on the demo sandbox', () => {
  it('every top-level view added here lists seeded rows, and Enter/related views open with rows', async () => {
    const tops = ['iam.users', 'iam.roles', 'iam.policies', 'lambda.functions', 'cloudformation.stacks', 'logs.groups', 'cloudtrail.events', 'ec2.key-pairs', 'ec2.images', 'ec2.snapshots'];
    for (const id of tops) expect((await list(request(id))).length, id).toBeGreaterThan(0);
    // Each child (and related) view of a first row lists too.
    const parents = resourceViews.filter((v) => tops.includes(v.id) && (v.child || v.related));
    for (const parent of parents) {
      const req = request(parent.id);
      const rows = await list(req);
      const row = rows.find((r) => parent.id !== 'logs.groups' || String(r.item.logGroupName).includes('api-handler')) ?? rows[0];
      for (const open of [parent.child?.(row.item, {}), parent.related?.(row.item, {})]) {
        if (!open || !('view' in open)) continue;
        expect((await list(request(open.view, open.scope))).length, `${parent.id} → ${open.view}`).toBeGreaterThan(0);
      }
    }
  });

  it('CloudTrail events as boto3 parses the sandbox\'s LookupEvents, newest first', async () => {
    const req = request('cloudtrail.events');
    const rows = await list(req);
    const truth = await boto3('cloudtrail', 'lookup_events');
    expect(rows.map((r) => r.item.EventId)).toEqual(truth.Events.map((e: any) => e.EventId));
    expect(column(req, rows, 'event')).toEqual(truth.Events.map((e: any) => e.EventName));
    expect(column(req, rows, 'resource')).toEqual(truth.Events.map((e: any) => e.Resources?.[0]?.ResourceName ?? null));
    const times = truth.Events.map((e: any) => Date.parse(e.EventTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(column(req, rows, 'time').map((t) => Date.parse(String(t)))).toEqual(times);
    const stop = await boto3('cloudtrail', 'lookup_events', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'StopInstances' }] });
    expect(stop.Events).toHaveLength(1);
  });

  it('key pairs, owned AMIs and snapshots as boto3 parses them; another owner sees none of them', async () => {
    const keys = await boto3('ec2', 'describe_key_pairs');
    const keyRows = await list(request('ec2.key-pairs'));
    expect(column(request('ec2.key-pairs'), keyRows, 'fingerprint')).toEqual(keys.KeyPairs.map((k: any) => k.KeyFingerprint));
    const images = await boto3('ec2', 'describe_images', { Owners: ['self'] });
    expect(column(request('ec2.images'), await list(request('ec2.images')), 'id')).toEqual(images.Images.map((i: any) => i.ImageId));
    expect((await boto3('ec2', 'describe_images', { Owners: ['amazon'] })).Images).toEqual([]);
    const snapshots = await boto3('ec2', 'describe_snapshots', { OwnerIds: ['self'] });
    const snapRows = await list(request('ec2.snapshots'));
    expect(column(request('ec2.snapshots'), snapRows, 'id')).toEqual(snapshots.Snapshots.map((s: any) => s.SnapshotId));
    expect(column(request('ec2.snapshots'), snapRows, 'state')).toEqual(snapshots.Snapshots.map((s: any) => s.State));
  });

  it('GetLogEvents as CloudWatch Logs pages it: forward from a token, and the token sent comes back at the end', async () => {
    const stream = { logGroupName: '/dev/app/access', logStreamName: (await boto3('logs', 'describe_log_streams', { logGroupName: '/dev/app/access' })).logStreams[0].logStreamName };
    const first = await boto3('logs', 'get_log_events', { ...stream, startFromHead: true, limit: 10 });
    const second = await boto3('logs', 'get_log_events', { ...stream, nextToken: first.nextForwardToken, limit: 10 });
    const rest = await boto3('logs', 'get_log_events', { ...stream, nextToken: second.nextForwardToken });
    const end = await boto3('logs', 'get_log_events', { ...stream, nextToken: rest.nextForwardToken });
    expect([first, second, rest].map((p) => p.events.length)).toEqual([10, 10, 5]);
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(rest.nextForwardToken);
    // Without startFromHead the last events come first, and the backward token reads before them.
    const tail = await boto3('logs', 'get_log_events', { ...stream, limit: 5 });
    expect(tail.events).toEqual(rest.events);
    const before = await boto3('logs', 'get_log_events', { ...stream, nextToken: tail.nextBackwardToken, limit: 10 });
    expect(before.events).toEqual(second.events);
  });

  it('the live log stream grows while followed', async () => {
    const req = request('logs.events', { logGroupName: '/dev/app/live', logStreamName: 'web-1' });
    const listing = browser.listing(req, true);
    await listing.finished;
    const before = listing.rows.length;
    expect(before).toBeGreaterThan(0);
    const failures: unknown[] = [];
    const follower = browser.follow(req, listing, (error) => failures.push(error))!;
    try {
      await grows(listing, before);
    } finally {
      follower.stop();
    }
    expect(failures).toEqual([]);
    const times = listing.rows.map((r) => Number(r.item.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

function grows(listing: Listing, than: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = listing.state.subscribe(() => { if (listing.rows.length > than) { stop(); resolve(); } });
  });
}
