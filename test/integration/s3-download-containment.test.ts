// Keys are chosen by whoever can write to the bucket: a download must never write outside the folder
// the person picked. The sandbox (real HTTP, signed requests; moto's signature check rejects some of
// these keys' paths, and URL clients fold `..` segments before they are ever sent) holds keys with
// `../`, absolute keys, backslashes and `.` segments beside a normal one; the app's download task
// lists and downloads the prefix. Only the normal file is written, the others are skipped with their
// reason (and said in the error log), and nothing appears around the folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskRunners } from '../../src/app/browse/tasks/index.js';
import { createDashboard, type Dashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { createTransfers } from '../../src/app/transfers.js';
import { demoConfig, demoCredentials } from '../../src/sandbox/demo.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { buckets, md5Hex, putObject } from '../../src/sandbox/services/s3-store.js';

const BUCKET = 'awsdeck-demo-dev-assets';
const hostile = ['evil/../../escape.txt', 'evil//etc/absolute.txt', 'evil/a\\..\\..\\back.txt', 'evil/./dot.txt', 'evil/C:win.txt', 'evil/sub/../../up.txt'];
let sandbox: Sandbox;
let dashboard: Dashboard;
let home: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  const bucket = buckets(sandbox.state).get(BUCKET)!;
  for (const key of [...hostile, 'evil/ok.txt']) {
    const body = Buffer.from(`body of ${key}\n`);
    putObject(bucket, { Key: key, body, ETag: `"${md5Hex(body)}"`, LastModified: new Date(), ContentType: 'text/plain', Metadata: {}, StorageClass: 'STANDARD' });
  }
  home = mkdtempSync(join(tmpdir(), 'awsdeck-containment-'));
  const env = {
    HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1', XDG_STATE_HOME: join(home, 'state'),
  };
  writeFileSync(env.AWS_CONFIG_FILE, demoConfig(sandbox.url, 'us-east-1'));
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, demoCredentials());
  dashboard = createDashboard(createEngineAdapter(env), { env, profile: 'demo', region: 'us-east-1' });
  await dashboard.load();
}, 60_000);

afterAll(async () => { await sandbox?.close(); });

/** Every key under the prefix, as the view's flat mode (`f`) lists them, all picked. */
async function flatRows(prefix: string): Promise<Array<Record<string, unknown>>> {
  const caller = dashboard.engine.service('demo', 'us-east-1', 's3api', { mfaCode: async () => '', onDeviceCode: () => undefined });
  const page = await caller.call('ListObjectsV2', { Bucket: BUCKET, Prefix: prefix });
  return page.Contents as Array<Record<string, unknown>>;
}

describe('downloads stay inside the chosen folder', () => {
  it('keys with ../, absolute paths, backslashes, . segments and drive letters are not written; the normal key is', async () => {
    const outer = join(home, 'outer');
    const dest = join(outer, 'inner', 'dest');
    mkdirSync(dest, { recursive: true });
    const transfers = createTransfers();
    const stop = dashboard.prompts.subscribe(() => {
      if (dashboard.prompts.get().open?.kind === 'form') setTimeout(() => dashboard.prompts.submitForm({ folder: dest }), 0);
    });
    await taskRunners['s3.download']({
      dashboard, transfers, copyToClipboard: () => undefined, cwd: home, profile: 'demo', region: 'us-east-1',
      scope: { Bucket: BUCKET, Prefix: 'evil/' }, items: await flatRows('evil/'), reload: () => undefined,
    });
    stop();
    // Keys land relative to the prefix being browsed (`evil/ok.txt` in `evil/` → dest/ok.txt).
    expect(readdirSync(dest, { recursive: true }).map(String).sort()).toEqual(['ok.txt']);
    expect(readFileSync(join(dest, 'ok.txt'), 'utf8')).toBe('body of evil/ok.txt\n');
    expect(readdirSync(outer, { recursive: true }).map(String).sort()).toEqual(['inner', 'inner/dest', 'inner/dest/ok.txt']);
    expect(readdirSync(home).sort()).toEqual(['config', 'credentials', 'outer']);
    const summary = transfers.get().job?.summary ?? '';
    expect(summary).toMatch(/^1 object downloaded, /);
    const skipped = [...summary.matchAll(/(\d+) skipped \(([^)]*)\)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(skipped).toBe(hostile.length);
    const logged = dashboard.errors.get().errors.map((e) => e.message);
    for (const key of hostile) expect(logged.some((m) => m.startsWith(`s3://${BUCKET}/${key}: `) && m.endsWith('not written'))).toBe(true);
  });
});
