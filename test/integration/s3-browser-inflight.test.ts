// The browser's S3 upload (`u`) and download (`D`) hold at most max_concurrent_requests parts of at
// most multipart_chunksize in flight, streamed (never a part's Body as a Buffer in the request, a
// GetObject asked to stream its body), as `awsdeck s3 cp` does: the bound on bytes in flight that
// keeps the browser's peak RSS at the CLI's. Through the real task runners, engine adapter and audit
// wrapper against the sandbox, with the profile's `s3` settings small so that the defaults (10
// requests of 8 MiB) would break the bound.
import { createHash, randomFillSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskRunners } from '../../src/app/browse/tasks/index.js';
import { createDashboard, type Dashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import type { DashboardEngine } from '../../src/app/engine-port.js';
import { createTransfers } from '../../src/app/transfers.js';
import type { CallOptions } from '../../src/engine/http/types.js';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { buckets, md5Hex, putObject } from '../../src/sandbox/services/s3-store.js';

const BUCKET = 'awsdeck-demo-dev-assets';
const MiB = 1024 * 1024;
const CONCURRENCY = 2;
const CHUNK = 5 * MiB;
const SIZE = 23 * MiB; // five parts, the last one short

interface Seen { operation: string; bytes: number; streamed: boolean; bodyInParams: boolean }

let sandbox: Sandbox;
let dashboard: Dashboard;
let home: string;
let source: string;
const seen: Seen[] = [];
let inFlight = 0;
let maxInFlight = 0;
let maxBytesInFlight = 0;
let bytesInFlight = 0;

/** Bytes a part request moves: UploadPart's streamed payload, or GetObject's Range. */
function partBytes(operation: string, params: Record<string, unknown>, options?: CallOptions): number {
  if (operation === 'UploadPart') return options?.payload?.length ?? (params.Body as Buffer | undefined)?.length ?? 0;
  const range = /^bytes=(\d+)-(\d+)$/.exec(String(params.Range ?? ''));
  return range ? Number(range[2]) - Number(range[1]) + 1 : SIZE;
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  home = mkdtempSync(join(tmpdir(), 'awsdeck-inflight-'));
  const env = {
    HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1', XDG_STATE_HOME: join(home, 'state'),
  };
  writeFileSync(env.AWS_CONFIG_FILE, [
    '[profile mem]', 'region = us-east-1', `endpoint_url = ${sandbox.url}`, 's3 =',
    `  max_concurrent_requests = ${CONCURRENCY}`, '  multipart_threshold = 5MB', '  multipart_chunksize = 5MB', '',
  ].join('\n'));
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, `[mem]\naws_access_key_id = ${SANDBOX_ACCESS_KEY_ID}\naws_secret_access_key = ${SANDBOX_SECRET_ACCESS_KEY}\n`);
  const engine = createEngineAdapter(env);
  // Every S3 call the tasks make passes here: parts are counted while they are outstanding.
  const counted: DashboardEngine = {
    ...engine,
    service(profile, region, service, interaction) {
      const caller = engine.service(profile, region, service, interaction);
      return {
        ...caller,
        async call(operation, params = {}, options) {
          if (operation !== 'UploadPart' && operation !== 'GetObject') return caller.call(operation, params, options);
          const bytes = partBytes(operation, params, options);
          seen.push({ operation, bytes, streamed: operation === 'UploadPart' ? options?.payload !== undefined : options?.streamResponse === true, bodyInParams: params.Body !== undefined });
          inFlight += 1;
          bytesInFlight += bytes;
          maxInFlight = Math.max(maxInFlight, inFlight);
          maxBytesInFlight = Math.max(maxBytesInFlight, bytesInFlight);
          try {
            return await caller.call(operation, params, options);
          } finally {
            inFlight -= 1;
            bytesInFlight -= bytes;
          }
        },
      };
    },
  };
  dashboard = createDashboard(counted, { env, profile: 'mem', region: 'us-east-1' });
  await dashboard.load();
  source = join(home, 'big.bin');
  const bytes = randomFillSync(Buffer.alloc(SIZE));
  writeFileSync(source, bytes);
  // The download's object is put straight into the sandbox: that test does not lean on the upload's.
  putObject(buckets(sandbox.state).get(BUCKET)!, {
    Key: 'inflight/seeded.bin', body: bytes, ETag: `"${md5Hex(bytes)}"`, LastModified: new Date(), ContentType: 'application/octet-stream', Metadata: {}, StorageClass: 'STANDARD',
  });
}, 60_000);

afterAll(async () => { await sandbox?.close(); });

function reset() {
  seen.length = 0;
  inFlight = maxInFlight = bytesInFlight = maxBytesInFlight = 0;
}

/** Answers the task's form with `answer` and its confirmation with yes. */
function answering(answer: Record<string, string>) {
  return dashboard.prompts.subscribe(() => {
    const open = dashboard.prompts.get().open;
    if (open?.kind === 'form') setTimeout(() => dashboard.prompts.submitForm(answer), 0);
    if (open?.kind === 'action') setTimeout(() => dashboard.prompts.submit('yes'), 0);
  });
}

const task = (items: Array<Record<string, unknown>>, transfers = createTransfers()) => ({
  dashboard, transfers, copyToClipboard: () => undefined, cwd: home, profile: 'mem', region: 'us-east-1',
  scope: { Bucket: BUCKET, Prefix: 'inflight/' }, items, reload: () => undefined,
});

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the browser S3 transfers keep their bytes in flight to the profile s3 settings', () => {
  it('upload: at most max_concurrent_requests streamed parts of at most multipart_chunksize', async () => {
    reset();
    const transfers = createTransfers();
    const stop = answering({ path: source });
    await taskRunners['s3.upload'](task([], transfers));
    stop();
    expect(transfers.get().job?.ok).toBe(true);
    const parts = seen.filter((s) => s.operation === 'UploadPart');
    expect(parts.length).toBe(Math.ceil(SIZE / CHUNK));
    for (const part of parts) {
      expect(part.bytes).toBeLessThanOrEqual(CHUNK);
      expect(part).toMatchObject({ streamed: true, bodyInParams: false });
    }
    expect(maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
    expect(maxBytesInFlight).toBeLessThanOrEqual(CONCURRENCY * CHUNK);
  });

  it('download: at most max_concurrent_requests ranged GETs of at most multipart_chunksize, each streamed', async () => {
    reset();
    const caller = dashboard.engine.service('mem', 'us-east-1', 's3api', { mfaCode: async () => '', onDeviceCode: () => undefined });
    const listed = (await caller.call('ListObjectsV2', { Bucket: BUCKET, Prefix: 'inflight/seeded.bin' })).Contents as Array<Record<string, unknown>>;
    expect(listed.map((o) => o.Key)).toEqual(['inflight/seeded.bin']);
    const folder = join(home, 'down');
    const transfers = createTransfers();
    const stop = answering({ folder });
    await taskRunners['s3.download'](task(listed, transfers));
    stop();
    expect(transfers.get().job?.ok).toBe(true);
    expect(sha(readFileSync(join(folder, 'seeded.bin')))).toBe(sha(readFileSync(source)));
    const gets = seen.filter((s) => s.operation === 'GetObject');
    expect(gets.length).toBe(Math.ceil(SIZE / CHUNK));
    for (const get of gets) {
      expect(get.bytes).toBeLessThanOrEqual(CHUNK);
      expect(get.streamed).toBe(true);
    }
    expect(maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
    expect(maxBytesInFlight).toBeLessThanOrEqual(CONCURRENCY * CHUNK);
  });
});
