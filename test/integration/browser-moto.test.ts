// Every resource view in services/ against moto over real HTTP, signature checking on: the real
// browser model (createBrowser over the real engine adapter) lists each view through a profile whose
// endpoint_url is the server, and its rows are compared with what boto3 (an independent client)
// read back after seeding (test/integration/browser-moto-seed.py). S3 is walked one level at a time
// with the server splitting on the delimiter, as Enter drills in; flat mode lists every key under a
// prefix; an object's detail is HeadObject with its tags. A second region shows only its own rows.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ec2Views } from '../../services/ec2.js';
import { viewById, type Scope } from '../../services/index.js';
import { s3Views } from '../../services/s3.js';
import { humanBytes } from '../../services/format.js';
import { createBrowser, type Browser, type ListingRequest } from '../../src/app/browse/browser.js';
import type { BrowseRow } from '../../src/app/browse/listing.js';
import { createDashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { ServiceError } from '../../src/engine/http/errors.js';
import { startMotoRawQuery } from '../support/moto-raw-query.js';
import type { MotoServer } from '../support/moto.js';

type Row = Record<string, unknown>;
interface Truth {
  instances: Record<string, Row[]>;
  volumes: Record<string, Row[]>;
  security_groups: Record<string, Row[]>;
  vpcs: Record<string, Row[]>;
  subnets: Record<string, Row[]>;
  browse_vpc: string;
  browse_subnets: string[];
  unnamed_instance: string;
  buckets: Row[];
  bucket_locations: Record<string, string | null>;
  /** bucket → key → [size, storage class] */
  objects: Record<string, Record<string, [number, string]>>;
  details: Array<{ key: string; head: Row; tags: Array<{ Key: string; Value: string }> }>;
}

const EAST = 'us-east-1';
const WEST = 'us-west-2';
const seedScript = new URL('./browser-moto-seed.py', import.meta.url).pathname;

let moto: MotoServer;
let truth: Truth;
let browser: Browser;

beforeAll(async () => {
  moto = await startMotoRawQuery();
  // Asynchronous: moto logs every request to stderr, which this process must keep draining.
  const { stdout } = await promisify(execFile)('python3', [seedScript, moto.endpoint, moto.accessKeyId, moto.secretAccessKey], {
    encoding: 'utf8', maxBuffer: 16 << 20,
    env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  truth = JSON.parse(stdout) as Truth;

  const home = mkdtempSync(join(tmpdir(), 'awsdeck-browser-moto-'));
  mkdirSync(join(home, '.aws'));
  const env = {
    HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1',
  };
  writeFileSync(env.AWS_CONFIG_FILE, [
    `[profile moto]\nregion = ${EAST}\nendpoint_url = ${moto.endpoint}\n`,
    `[profile wrong-secret]\nregion = ${EAST}\nendpoint_url = ${moto.endpoint}\n`,
  ].join('\n'));
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, [
    `[moto]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n`,
    `[wrong-secret]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = not-the-secret\n`,
  ].join('\n'));
  const dashboard = createDashboard(createEngineAdapter(env), { env, profile: 'moto', region: EAST });
  browser = createBrowser(dashboard, { cwd: home });
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

const request = (viewId: string, options: { region?: string; scope?: Scope; flat?: boolean; profile?: string } = {}): ListingRequest => {
  const descriptor = viewById(viewId);
  if (!descriptor) throw new Error(`no view ${viewId}`);
  return { descriptor, scope: options.scope ?? {}, profile: options.profile ?? 'moto', region: options.region ?? EAST, flat: options.flat };
};

/** Lists a view to its end; a failed listing fails the test with the service's error. */
async function list(req: ListingRequest): Promise<{ rows: BrowseRow[]; pages: number }> {
  const listing = browser.listing(req, true);
  await listing.finished;
  const { status, error, pages } = listing.state.get();
  if (status !== 'done') throw error instanceof Error ? error : new Error(`listing ended ${status}: ${String(error)}`);
  return { rows: listing.rows, pages };
}

/** A row as column id → raw value, what the seed's truth is keyed by. */
const byColumn = (req: ListingRequest, row: BrowseRow): Row =>
  Object.fromEntries(req.descriptor.columns.map((column, i) => [column.id, row.values[i] ?? null]));

const sortById = (rows: Row[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

/** What a cell shows for a plain value: nothing for a missing one, the value as text otherwise. */
const plainCell = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The view's rows equal boto3's (for the columns the truth names), and the cells show those values. */
async function expectRows(viewId: string, region: string, expected: Row[], scope: Scope = {}) {
  const req = request(viewId, { region, scope });
  const { rows } = await list(req);
  const columns = Object.keys(expected[0] ?? { id: '' });
  const actual = rows.map((row) => Object.fromEntries(columns.map((id) => [id, byColumn(req, row)[id]])));
  expect(sortById(actual)).toEqual(sortById(expected));
  for (const row of rows) {
    req.descriptor.columns.forEach((column, i) => {
      if (columns.includes(column.id) && !column.format) expect(row.cells[i]).toBe(plainCell(row.values[i]));
    });
  }
  return { req, rows };
}

const ec2Cases: Array<[string, keyof Truth]> = [
  ['ec2.instances', 'instances'],
  ['ec2.volumes', 'volumes'],
  ['ec2.security-groups', 'security_groups'],
  ['ec2.vpcs', 'vpcs'],
  ['ec2.subnets', 'subnets'],
];
const covered = [...ec2Cases.map(([id]) => id), 's3.buckets', 's3.objects'];

// The views of the EC2 and S3 descriptor files; the other services' views have their own tests.
it('covers every EC2 and S3 descriptor', () => {
  expect([...ec2Views, ...s3Views].map((v) => v.id).sort()).toEqual([...covered].sort());
});

describe.each(ec2Cases)('%s', (viewId, key) => {
  it.each([EAST, WEST])('lists what boto3 reads back in %s, and nothing of the other region', async (region) => {
    const expected = (truth[key] as Record<string, Row[]>)[region];
    expect(expected.length).toBeGreaterThan(0);
    await expectRows(viewId, region, expected);
  });
});

describe('EC2 specifics', () => {
  it('shows names from the Name tag (a comma and quotes kept), none for an untagged instance, and the stopped state', async () => {
    const { req, rows } = await expectRows('ec2.instances', EAST, truth.instances[EAST]);
    const cells = new Map(rows.map((row) => [String(byColumn(req, row).id), row.cells]));
    const nameAt = req.descriptor.columns.findIndex((c) => c.id === 'name');
    const stateAt = req.descriptor.columns.findIndex((c) => c.id === 'state');
    const named = (name: string) => truth.instances[EAST].find((i) => i.name === name)!.id as string;
    expect(cells.get(named('web-2, "canary"'))![nameAt]).toBe('web-2, "canary"');
    expect(cells.get(named('worker'))![stateAt]).toBe('stopped');
    expect(cells.get(truth.unnamed_instance)![nameAt]).toBe('');
  });

  it('Enter on a VPC lists that VPC\'s subnets only', async () => {
    const vpcs = await list(request('ec2.vpcs'));
    const descriptor = viewById('ec2.vpcs')!;
    for (const row of vpcs.rows) {
      const child = descriptor.child!(row.item, {});
      if (!child || !('view' in child)) throw new Error('a VPC row opens no view');
      expect(child.view).toBe('ec2.subnets');
      const expected = truth.subnets[EAST].filter((s) => s.vpc === row.item.VpcId);
      expect(expected.length).toBeGreaterThan(0);
      await expectRows(child.view, child.region ?? EAST, expected, child.scope);
    }
    const browseSubnets = truth.subnets[EAST].filter((s) => s.vpc === truth.browse_vpc).map((s) => s.id).sort();
    expect(browseSubnets).toEqual([...truth.browse_subnets].sort());
  });
});

describe('S3', () => {
  it('lists the buckets with their region as ListBuckets names it', async () => {
    const { rows } = await expectRows('s3.buckets', EAST, truth.buckets.map((b) => ({ name: b.name, region: b.region })));
    // Listed the same from every region.
    const fromWest = await list(request('s3.buckets', { region: WEST }));
    expect(fromWest.rows.map((r) => r.values[0])).toEqual(rows.map((r) => r.values[0]));
    expect(truth.bucket_locations['browse-west']).toBe(WEST);
  });

  /** What one level under `prefix` holds: its folders, then its objects, each in key order. */
  function level(bucket: string, prefix: string) {
    const folders = new Set<string>();
    const objects: string[] = [];
    for (const key of Object.keys(truth.objects[bucket]).sort()) {
      if (!key.startsWith(prefix)) continue;
      const slash = key.indexOf('/', prefix.length);
      if (slash < 0) objects.push(key);
      else folders.add(key.slice(0, slash + 1));
    }
    return { folders: [...folders], objects };
  }

  /** Opens a bucket as Enter on its row does, then every folder as Enter does, checking each level. */
  async function walk(bucket: string, region = EAST): Promise<number> {
    const buckets = await list(request('s3.buckets', { region }));
    const row = buckets.rows.find((r) => r.item.Name === bucket);
    if (!row) throw new Error(`bucket ${bucket} not listed`);
    const child = viewById('s3.buckets')!.child!(row.item, {});
    if (!child || !('view' in child)) throw new Error('a bucket row opens no view');
    let levels = 0;
    const visit = async (viewId: string, scope: Scope, where: string) => {
      levels++;
      const req = request(viewId, { region: where, scope });
      const { rows } = await list(req);
      const expected = level(bucket, scope.Prefix);
      expect(rows.map((r) => (r.item.Prefix ?? r.item.Key) as string)).toEqual([...expected.folders, ...expected.objects]);
      for (const r of rows) {
        const cells = byColumn(req, r);
        const shown = r.cells[req.descriptor.columns.findIndex((c) => c.id === 'key')];
        expect(scope.Prefix + shown).toBe(r.item.Prefix ?? r.item.Key);
        if (typeof r.item.Key === 'string') {
          const [size, storageClass] = truth.objects[bucket][r.item.Key];
          expect([cells.size, cells.class]).toEqual([size, storageClass]);
          expect(r.cells[req.descriptor.columns.findIndex((c) => c.id === 'size')]).toBe(humanBytes(size));
        }
        const next = req.descriptor.child!(r.item, scope);
        if (next && 'view' in next) await visit(next.view, next.scope, next.region ?? where);
        else expect(typeof r.item.Key).toBe('string');
      }
    };
    await visit(child.view, child.scope, child.region ?? region);
    return levels;
  }

  it('drills through prefixes one level at a time, the server splitting on the delimiter', async () => {
    // '' css/ docs/ docs/2024/ docs/2024/q1/ docs/2024/q2/ docs/2024/q2/notes/ img/
    expect(await walk('browse-assets')).toBe(8);
  });

  it('a top level of more than 1,000 entries comes in two pages, folders first', async () => {
    const { rows, pages } = await list(request('s3.objects', { scope: { Bucket: 'browse-many', Prefix: '' } }));
    expect(pages).toBe(2);
    const expected = level('browse-many', '');
    expect(rows.map((r) => r.item.Prefix ?? r.item.Key)).toEqual([...expected.folders, ...expected.objects]);
    expect(expected.folders).toEqual(['archive/', 'logs/']);
  });

  // moto 5.2.1's ListBuckets names no BucketRegion, so the child opens in the region listed from.
  it('lists a bucket created in another region from that region', async () => {
    expect(await walk('browse-west', WEST)).toBe(2);
  });

  it.each([
    ['browse-many', ''],
    ['browse-many', 'logs/'],
    ['browse-many', 'logs/2024/02/'],
    ['browse-assets', 'docs/'],
  ])('flat mode on %s/%s lists every key under the prefix, no folders', async (bucket, prefix) => {
    const req = request('s3.objects', { scope: { Bucket: bucket, Prefix: prefix }, flat: true });
    const { rows } = await list(req);
    const expected = Object.keys(truth.objects[bucket]).filter((k) => k.startsWith(prefix)).sort();
    expect(rows.map((r) => r.item.Key)).toEqual(expected);
    expect(rows.every((r) => r.item.Prefix === undefined)).toBe(true);
  });

  it.each([0, 1])('an object\'s detail is HeadObject with its tags, as boto3 reads them (case %i)', async (index) => {
    const { key, head, tags } = truth.details[index];
    const scope = { Bucket: 'browse-assets', Prefix: key.slice(0, key.lastIndexOf('/') + 1) };
    const req = request('s3.objects', { scope });
    const { rows } = await list(req);
    const row = rows.find((r) => r.item.Key === key);
    if (!row) throw new Error(`${key} not listed`);
    expect(req.descriptor.child!(row.item, scope)).toEqual({ detail: true });
    const detail = await browser.detail(req, row.item) as Row;
    expect(detail).toMatchObject(head);
    expect(detail.Tags).toEqual(tags);
    expect(detail.ResponseMetadata).toBeUndefined();
  });

  it('signature checking is on for the same requests: a wrong secret fails the listing', async () => {
    const req = request('s3.objects', { profile: 'wrong-secret', scope: { Bucket: 'browse-assets', Prefix: 'docs/' } });
    const error = await list(req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('SignatureDoesNotMatch');
  });
});
