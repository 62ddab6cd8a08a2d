// Views across several profiles on the demo's sandbox, through the real browser model and engine
// adapter over HTTP: `demo` (the dev account's user) and `prod-audit` (a role in the prod account)
// list together with their accounts from STS; a role that needs MFA and an SSO profile never
// signed in are one line each, without a prompt. The rows are those each profile lists alone.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewById } from '../../services/index.js';
import { createBrowser, type Browser, type ListingRequest } from '../../src/app/browse/browser.js';
import type { FanOutRow, FanOutState } from '../../src/app/browse/fan-out.js';
import { createDashboard, type Dashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { DEMO_ACCOUNTS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { demoConfig, demoCredentials } from '../../src/sandbox/demo.js';

const REGION = 'us-east-1';
let sandbox: Sandbox;
let home: string;
let dashboard: Dashboard;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  home = mkdtempSync(join(tmpdir(), 'awsdeck-fan-out-profiles-'));
  const env = { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1' };
  writeFileSync(env.AWS_CONFIG_FILE, demoConfig(sandbox.url, REGION));
  appendFileSync(env.AWS_CONFIG_FILE, `\n[profile prod-audit]\nrole_arn = arn:aws:iam::${DEMO_ACCOUNTS.prod.accountId}:role/AuditReadOnly\nsource_profile = demo\nregion = ${REGION}\nendpoint_url = ${sandbox.url}\n`);
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, demoCredentials());
  dashboard = createDashboard(createEngineAdapter(env), { env, profile: 'demo', region: REGION });
  await dashboard.load();
  browser = createBrowser(dashboard, { cwd: home });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
});

async function rowsOf(request: ListingRequest): Promise<{ rows: FanOutRow[]; state: FanOutState }> {
  const listing = browser.listing(request, true);
  await listing.finished;
  return { rows: listing.rows as FanOutRow[], state: listing.state.get() as FanOutState };
}

const ec2 = (extra: Partial<ListingRequest>): ListingRequest => ({ descriptor: viewById('ec2.instances')!, scope: {}, profile: 'demo', region: REGION, ...extra });
const ids = (rows: FanOutRow[]) => rows.map((r) => String(r.item.InstanceId));

describe('a view across picked profiles, on the sandbox', () => {
  it('lists each profile\'s own rows with its STS account; MFA and SSO profiles are lines, not prompts', async () => {
    let prompted = false;
    const stop = dashboard.prompts.subscribe(() => { if (dashboard.prompts.get().open) prompted = true; });
    const picked = ['demo', 'prod-audit', 'prod-breakglass', 'dev-admin'];
    const { rows, state } = await rowsOf(ec2({ profiles: picked }));
    stop();
    expect(prompted).toBe(false);
    expect(state.status).toBe('done');
    expect(state.parts).toBe(4);
    expect(state.problems).toEqual([
      expect.stringMatching(/^prod-breakglass: needs MFA \(MFA for arn:aws:iam::\d{12}:mfa\/demo-user\)$/),
      expect.stringMatching(/^dev-admin: needs login \(/),
    ]);

    const alone = async (profile: string) => ids((await rowsOf(ec2({ profile }))).rows);
    const devRows = rows.filter((r) => r.profile === 'demo');
    const prodRows = rows.filter((r) => r.profile === 'prod-audit');
    expect(devRows.length + prodRows.length).toBe(rows.length);
    expect(ids(devRows)).toEqual(await alone('demo'));
    expect(ids(prodRows)).toEqual(await alone('prod-audit'));
    expect(devRows.length).toBeGreaterThan(0);
    // Profile and Account lead every row; accounts are what STS says for each profile.
    expect(new Set(devRows.map((r) => r.values.slice(0, 2).join(' ')))).toEqual(new Set([`demo ${DEMO_ACCOUNTS.dev.accountId}`]));
    expect(prodRows.every((r) => r.values[0] === 'prod-audit' && r.values[1] === DEMO_ACCOUNTS.prod.accountId && r.account === DEMO_ACCOUNTS.prod.accountId)).toBe(true);
    expect(rows.every((r) => r.region === REGION)).toBe(true);
    // The accounts are kept with the home's identities for the session.
    expect(dashboard.profiles.get().identities['prod-audit']?.identity?.account).toBe(DEMO_ACCOUNTS.prod.accountId);
  });

  it('composes with all: each profile\'s rows in every region, with the region of each', async () => {
    const { rows, state } = await rowsOf(ec2({ profiles: ['demo', 'prod-audit'], region: 'all' }));
    expect(state.problems).toEqual([]);
    const demoAll = (await rowsOf(ec2({ region: 'all' }))).rows;
    const demoRows = rows.filter((r) => r.profile === 'demo');
    expect(demoRows.map((r) => `${r.region} ${r.item.InstanceId}`)).toEqual(demoAll.map((r) => `${r.region} ${r.item.InstanceId}`));
    expect(new Set(demoRows.map((r) => r.region)).size).toBeGreaterThan(1);
    // Profile, Account, Region, then the view's own columns.
    expect(demoRows[0].values.slice(0, 3)).toEqual(['demo', DEMO_ACCOUNTS.dev.accountId, demoRows[0].region]);
  });
});
