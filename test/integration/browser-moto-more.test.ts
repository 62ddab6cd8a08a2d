// The IAM, Lambda, CloudFormation, CloudWatch Logs and EC2 image views of services/ against moto
// over real HTTP, signature checking on: the real browser model (createBrowser over the real engine
// adapter, a profile whose endpoint_url is the server) lists each view, and its rows are compared
// with what boto3 (an independent client) read back after seeding (browser-moto-more-seed.py).
// Children are opened as Enter opens them (user → attached policies, stack → resources, group →
// streams → events); a followed log stream shows events put while following. CloudTrail's
// LookupEvents is not in moto (it answers 500): that view is checked against the sandbox instead.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epochMsTime } from '../../services/format.js';
import { viewById, type ChildView, type Scope } from '../../services/index.js';
import { createBrowser, type Browser, type ListingRequest } from '../../src/app/browse/browser.js';
import type { BrowseRow, Listing } from '../../src/app/browse/listing.js';
import { createDashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { explainViewError } from '../../src/app/browse/view-errors.js';
import { startMotoRawQuery } from '../support/moto-raw-query.js';
import { startMoto, type MotoServer } from '../support/moto.js';

type Cells = unknown[];
interface Truth {
  users: Cells[]; roles: Cells[]; policies: Cells[];
  user_policies: Record<string, Cells[]>; role_policies: Record<string, Cells[]>; get_role: string;
  role_trust: unknown; policy_document: unknown;
  functions: Cells[]; function_detail: string;
  stacks: Cells[]; stack_resources: Cells[]; stack_events: Cells[];
  log_groups: Cells[]; log_streams: Cells[]; log_events: Cells[];
  key_pairs: Cells[]; images: Cells[]; snapshots: Cells[]; all_images: number;
}

const REGION = 'us-east-1';
const seedScript = new URL('./browser-moto-more-seed.py', import.meta.url).pathname;
const run = promisify(execFile);
const pythonEnv = { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' };

let moto: MotoServer;
/** moto 5.2.1 with signature checking on rejects boto3's own ListFunctions: Lambda is listed here, without it. */
let lambdaMoto: MotoServer;
let truth: Truth;
let browser: Browser;

beforeAll(async () => {
  [moto, lambdaMoto] = await Promise.all([startMotoRawQuery(), startMoto({ auth: false })]);
  const seed = async (server: MotoServer, ...part: string[]) => JSON.parse((await run('python3', [seedScript, server.endpoint, server.accessKeyId, server.secretAccessKey, ...part],
    { encoding: 'utf8', maxBuffer: 64 << 20, env: pythonEnv })).stdout) as Partial<Truth>;
  const [main, lambda] = await Promise.all([seed(moto), seed(lambdaMoto, 'lambda')]);
  truth = { ...main, ...lambda } as Truth;
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-browser-moto-more-'));
  mkdirSync(join(home, '.aws'));
  const env = {
    HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1',
  };
  writeFileSync(env.AWS_CONFIG_FILE, [
    `[profile moto]\nregion = ${REGION}\nendpoint_url = ${moto.endpoint}\n`,
    `[profile moto-lambda]\nregion = ${REGION}\nendpoint_url = ${lambdaMoto.endpoint}\n`,
  ].join('\n'));
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, [
    `[moto]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n`,
    `[moto-lambda]\naws_access_key_id = ${lambdaMoto.accessKeyId}\naws_secret_access_key = ${lambdaMoto.secretAccessKey}\n`,
  ].join('\n'));
  browser = createBrowser(createDashboard(createEngineAdapter(env), { env, profile: 'moto', region: REGION }), { cwd: home });
}, 180_000);

afterAll(async () => {
  await Promise.all([moto?.stop(), lambdaMoto?.stop()]);
});

const request = (viewId: string, scope: Scope = {}, region = REGION, profile = 'moto'): ListingRequest => {
  const descriptor = viewById(viewId);
  if (!descriptor) throw new Error(`no view ${viewId}`);
  return { descriptor, scope, profile, region };
};

async function list(req: ListingRequest): Promise<BrowseRow[]> {
  const listing = browser.listing(req, true);
  await listing.finished;
  const { status, error } = listing.state.get();
  if (status !== 'done') throw error instanceof Error ? error : new Error(`listing ended ${status}: ${String(error)}`);
  return listing.rows;
}

/** Each row's raw values of the named columns (null for a missing one), in listing order. */
function valuesOf(req: ListingRequest, rows: BrowseRow[], columns: string[]): Cells[] {
  const at = columns.map((id) => req.descriptor.columns.findIndex((c) => c.id === id));
  if (at.includes(-1)) throw new Error(`${req.descriptor.id}: no column among ${columns.join(', ')}`);
  return rows.map((row) => at.map((i) => row.values[i] ?? null));
}

const sorted = (rows: Cells[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The view's rows equal boto3's for these columns (plus extra per-row values such as ARNs). */
async function expectRows(req: ListingRequest, columns: string[], expected: Cells[], extra?: (row: BrowseRow) => unknown[]) {
  const rows = await list(req);
  const base = valuesOf(req, rows, columns);
  const actual = extra ? base.map((values, i) => [...values, ...extra(rows[i])]) : base;
  expect(sorted(actual)).toEqual(sorted(expected));
  return rows;
}

/** What Enter opens for this row (a child view), as the resource view opens it. */
function childOf(req: ListingRequest, row: BrowseRow): ListingRequest {
  const child = req.descriptor.child?.(row.item, req.scope);
  if (!child || !('view' in child)) throw new Error(`${req.descriptor.id}: Enter opens no view`);
  return request(child.view, child.scope, child.region ?? req.region);
}

const rowNamed = (rows: BrowseRow[], name: string) => {
  const row = rows.find((r) => r.values[0] === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
};

const arnOf = (req: ListingRequest) => (row: BrowseRow) => [req.descriptor.identity.arn?.(row.item, browser.where(req)) ?? null];

describe('IAM views against moto', () => {
  it('users: name, id, path and ARN as boto3 read them, the same from another region; Enter lists the attached policies', async () => {
    const req = request('iam.users');
    const rows = await expectRows(req, ['name', 'id', 'path'], truth.users, arnOf(req));
    const west = request('iam.users', {}, 'us-west-2');
    await expectRows(west, ['name', 'id', 'path'], truth.users, arnOf(west));
    expect(req.descriptor.global).toBe(true);
    for (const [name, attached] of Object.entries(truth.user_policies)) {
      const child = childOf(req, rowNamed(rows, name));
      await expectRows(child, ['name', 'arn'], attached);
    }
    // The name with a comma and quotes is shown as it is.
    expect(rowNamed(rows, 'bob, "the builder"').cells[0]).toBe('bob, "the builder"');
    const detail = await browser.detail(req, rowNamed(rows, 'alice').item) as Record<string, unknown>;
    expect(detail).toMatchObject({ UserName: 'alice', Path: '/staff/' });
  });

  it('roles: rows and GetRole detail; Enter lists the role\'s attached policies', async () => {
    const req = request('iam.roles');
    const rows = await expectRows(req, ['name', 'id', 'path'], truth.roles.map((r) => r.slice(0, 3)));
    const detail = await browser.detail(req, rowNamed(rows, 'browse-lambda').item) as Record<string, unknown>;
    expect(detail.RoleId).toBe(truth.get_role);
    // The trust policy as a document, decoded as botocore decodes it.
    expect(detail.AssumeRolePolicyDocument).toEqual(truth.role_trust);
    for (const [name, attached] of Object.entries(truth.role_policies)) {
      await expectRows(childOf(req, rowNamed(rows, name)), ['name', 'arn'], attached);
    }
  });

  it('policies: only the account\'s own (Scope Local), with attachment counts; detail has the default version', async () => {
    const req = request('iam.policies');
    const rows = await expectRows(req, ['name', 'id', 'attached', 'version'], truth.policies, arnOf(req));
    const detail = await browser.detail(req, rowNamed(rows, 'browse-read-logs').item) as Record<string, unknown>;
    expect(detail).toMatchObject({ PolicyName: 'browse-read-logs', DefaultVersionId: 'v1' });
    expect(detail.DefaultVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true, Document: truth.policy_document });
  });
});

describe('Lambda, CloudFormation and EC2 image views against moto', () => {
  it('functions: runtime, memory, timeout, code size and ARN; detail from GetFunction with tags', async () => {
    const req = request('lambda.functions', {}, REGION, 'moto-lambda');
    const rows = await expectRows(req, ['name', 'runtime', 'memory', 'timeout', 'size'], truth.functions, arnOf(req));
    const detail = await browser.detail(req, rowNamed(rows, 'browse-api').item) as Record<string, unknown>;
    expect(detail.FunctionArn).toBe(truth.function_detail);
    expect(detail.Tags).toMatchObject({ suite: 'browser' });
  });

  it('stacks → resources (Enter) and events (the related view)', async () => {
    const req = request('cloudformation.stacks');
    const rows = await expectRows(req, ['name', 'status', 'description'], truth.stacks, arnOf(req));
    await expectRows(childOf(req, rows[0]), ['logical', 'physical', 'type', 'status'], truth.stack_resources);
    const related = req.descriptor.related!(rows[0].item, {}) as ChildView;
    const events = request(related.view, related.scope);
    await expectRows(events, ['logical', 'type', 'status'], truth.stack_events.map((e) => [...e.slice(1), e[0]]), (row) => [row.item.EventId]);
  });

  it('key pairs; AMIs and snapshots owned by the account only', async () => {
    await expectRows(request('ec2.key-pairs'), ['name', 'id', 'fingerprint'], truth.key_pairs);
    const images = await expectRows(request('ec2.images'), ['id', 'name', 'state'], truth.images);
    expect(images.length).toBeLessThan(truth.all_images);
    await expectRows(request('ec2.snapshots'), ['id', 'volume', 'size', 'state', 'description'], truth.snapshots);
  });
});

describe('CloudTrail against moto', () => {
  it('moto 5.2.1 has no LookupEvents (a 500): the view ends with the problem explained, not a crash', async () => {
    const req = request('cloudtrail.events');
    const listing = browser.listing(req, true);
    await listing.finished;
    const { status, error } = listing.state.get();
    expect(status).toBe('error');
    expect(listing.rows).toEqual([]);
    const problem = explainViewError(error, { profile: 'moto', region: REGION, service: 'cloudtrail', operation: 'LookupEvents' });
    expect(problem.title).toBe('Error: 500');
    expect(problem.message).toContain('Internal Server Error');
    expect(problem.hint).toContain('R retries');
  });
});

describe('CloudWatch Logs views against moto', () => {
  it('log groups → streams (last written first) → events, with hostile text escaped', async () => {
    const groups = request('logs.groups');
    const rows = await expectRows(groups, ['name', 'retention'], truth.log_groups);
    const streams = childOf(groups, rowNamed(rows, '/browse/app'));
    const streamRows = await list(streams);
    expect(valuesOf(streams, streamRows, ['name', 'last'])).toEqual(truth.log_streams);
    const events = childOf(streams, rowNamed(streamRows, 'web-1'));
    const eventRows = await list(events);
    expect(valuesOf(events, eventRows, ['time', 'message'])).toEqual(truth.log_events);
    expect(eventRows.map((r) => r.cells)).toEqual(truth.log_events.map(([t, m]) => [epochMsTime(t), String(m).replace(/\x1b/g, '\\e')]));
  });

  it('follow mode: events put while following appear at the end, in order; stopping ends the requests', async () => {
    const events = request('logs.events', { logGroupName: '/browse/app', logStreamName: 'web-2' });
    const listing = browser.listing(events, true);
    await listing.finished;
    expect(listing.rows.map((r) => r.item.message)).toEqual(['other stream']);
    const failures: unknown[] = [];
    const follower = browser.follow(events, listing, (error) => failures.push(error))!;
    try {
      await putEvents('/browse/app', 'web-2', ['tail one', 'tail two']);
      await rowsReach(listing, 3);
      await putEvents('/browse/app', 'web-2', ['tail three']);
      await rowsReach(listing, 4);
    } finally {
      follower.stop();
    }
    expect(listing.rows.map((r) => r.item.message)).toEqual(['other stream', 'tail one', 'tail two', 'tail three']);
    expect(failures).toEqual([]);
  });
});

/** Puts events with boto3 (another client), as a program writing its log would. */
async function putEvents(group: string, stream: string, messages: string[]) {
  const script = `
import boto3, sys, time, json
c = boto3.client('logs', endpoint_url=sys.argv[1], region_name='${REGION}', aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
now = int(time.time() * 1000)
c.put_log_events(logGroupName=sys.argv[4], logStreamName=sys.argv[5], logEvents=[{'timestamp': now + i, 'message': m} for i, m in enumerate(json.loads(sys.argv[6]))])
`;
  await run('python3', ['-c', script, moto.endpoint, moto.accessKeyId, moto.secretAccessKey, group, stream, JSON.stringify(messages)], { env: pythonEnv });
}

function rowsReach(listing: Listing, count: number): Promise<void> {
  return new Promise((resolve) => {
    if (listing.rows.length >= count) return resolve();
    const stop = listing.state.subscribe(() => { if (listing.rows.length >= count) { stop(); resolve(); } });
  });
}
