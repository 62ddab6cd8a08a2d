// `sso populate` over 300 accounts with throttling injected at the sandbox's portal: pacing under
// 20 requests a second, backoff on 429, resume after an interruption, sanitised unique names,
// re-runs that rename and keep user edits, --prune and --dry-run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Sandbox } from '../../src/sandbox/index.js';
import { ssoPortalHandlers } from '../../src/sandbox/services/sso-portal.js';
import { fault } from '../../src/sandbox/fault.js';
import { runSso } from '../../src/cli/sso/index.js';
import { sanitiseProfileName } from '../../src/engine/sso/populate.js';
import { approvingBrowser, captureIO, desktopProbe, makeHome, sessionConfig, withSandbox, type TestHome } from './harness.js';

let sandbox: Sandbox;
const requestTimes: number[] = [];
let throttleEvery = 0;
let calls = 0;
const original = { ...ssoPortalHandlers };

beforeAll(async () => {
  sandbox = await withSandbox();
  // 297 more accounts (300 in all), two roles each; one account name needs sanitising.
  for (let i = 0; i < 297; i++) {
    const accountId = String(400000000000 + i);
    sandbox.state.accounts.set(accountId, { accountId, accountName: i === 7 ? 'Team A / Billing (EU)' : `org-${String(i).padStart(3, '0')}`, emailAddress: `o${i}@example.com` });
    sandbox.state.sso.assignments.push({ accountId, roleName: 'AdministratorAccess' }, { accountId, roleName: 'ReadOnlyAccess' });
  }
  // Throttling injected at the portal: every Nth call answers 429 TooManyRequestsException.
  for (const op of ['ListAccounts', 'ListAccountRoles'] as const) {
    ssoPortalHandlers[op] = (input, ctx) => {
      requestTimes.push(Date.now());
      calls++;
      if (throttleEvery && calls % throttleEvery === 0) throw fault('TooManyRequestsException', 'Rate exceeded', { status: 429 });
      return original[op]!(input, ctx);
    };
  }
});
afterAll(async () => {
  Object.assign(ssoPortalHandlers, original);
  await sandbox.close();
});

async function loggedInHome(extra = ''): Promise<TestHome> {
  const h = makeHome(sandbox, sessionConfig('my-sso', extra));
  expect(await runSso(['login', '--sso-session', 'my-sso'], captureIO(h.env), { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) })).toBe(0);
  return h;
}

function maxPerSecond(times: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('sso populate', () => {
  it('writes one profile per account × role, paced under 20 req/s, backing off on 429', { timeout: 120_000 }, async () => {
    const h = await loggedInHome();
    requestTimes.length = 0;
    throttleEvery = 25;
    const io = captureIO(h.env);
    const code = await runSso(['populate', '--sso-session', 'my-sso', '--region', 'eu-west-1'], io, { maxRequestsPerSecond: 19 } as never);
    throttleEvery = 0;
    expect(io.err()).toContain('Throttled by the SSO portal; slowing down');
    expect(code).toBe(0);
    expect(maxPerSecond(requestTimes)).toBeLessThan(20);
    expect(io.err()).toContain('Listing roles [##############################] 300/300 accounts');
    expect(io.out()).toContain('600 account roles: 599 added, 0 renamed, 0 unchanged, 0 removed.');
    const text = readFileSync(h.configPath, 'utf8');
    expect(text).toContain('[profile org-000-AdministratorAccess]\nsso_session = my-sso\nsso_account_id = 400000000000\nsso_role_name = AdministratorAccess\nregion = eu-west-1\n');
    expect(text).toContain('[profile Team-A-Billing-EU-ReadOnlyAccess]');
    expect(text.startsWith(sessionConfig())).toBe(true);
    h.cleanup();
  });

  it('resumes an interrupted walk from its checkpoint', { timeout: 120_000 }, async () => {
    const h = await loggedInHome();
    const abort = new AbortController();
    const first = captureIO(h.env);
    const stopAt = setInterval(() => { if (/Listing roles .* (1[0-9]{2})\/300/.test(first.err())) abort.abort(); }, 20);
    expect(await runSso(['populate', '--sso-session', 'my-sso'], first, { signal: abort.signal, maxRequestsPerSecond: 19 } as never)).not.toBe(0);
    clearInterval(stopAt);
    expect(readFileSync(h.configPath, 'utf8')).toBe(sessionConfig());

    calls = 0;
    const second = captureIO(h.env);
    expect(await runSso(['populate', '--sso-session', 'my-sso'], second, { maxRequestsPerSecond: 19 } as never)).toBe(0);
    expect(second.err()).toMatch(/\(resumed after \d+\)/);
    expect(calls).toBeLessThan(250); // the finished accounts were not listed again
    expect(second.out()).toContain('600 account roles: 599 added'); // [profile dev] already covers one pair
    h.cleanup();
  });

  it('re-runs rename with a new template, keep user keys, prune vanished roles, and --dry-run writes nothing', { timeout: 120_000 }, async () => {
    const h = await loggedInHome('[profile my-own-name]\nsso_session = my-sso\nsso_account_id = 111111111111\nsso_role_name = ReadOnlyAccess\ncolor = blue\n');
    expect(await runSso(['populate', '--sso-session', 'my-sso'], captureIO(h.env), { maxRequestsPerSecond: 19 } as never)).toBe(0);
    writeFileSync(h.configPath, readFileSync(h.configPath, 'utf8').replace('[profile org-001-ReadOnlyAccess]\n', '[profile org-001-ReadOnlyAccess]\n# mine\nmfa_note = keep me\n'));

    const dry = captureIO(h.env);
    const before = readFileSync(h.configPath, 'utf8');
    expect(await runSso(['populate', '--sso-session', 'my-sso', '--template', '{account_id}.{role_name}', '--dry-run'], dry, { maxRequestsPerSecond: 19 } as never)).toBe(0);
    expect(dry.out()).toContain('-[profile org-001-ReadOnlyAccess]\n+[profile 400000000001.ReadOnlyAccess]');
    expect(dry.out()).toContain('Dry run: nothing was written.');
    expect(readFileSync(h.configPath, 'utf8')).toBe(before);

    const gone = sandbox.state.sso.assignments.findIndex((a) => a.accountId === '400000000002' && a.roleName === 'AdministratorAccess');
    const [removed] = sandbox.state.sso.assignments.splice(gone, 1);
    const io = captureIO(h.env);
    expect(await runSso(['populate', '--sso-session', 'my-sso', '--template', '{account_id}.{role_name}', '--prune'], io, { maxRequestsPerSecond: 19 } as never)).toBe(0);
    sandbox.state.sso.assignments.push(removed!);
    const text = readFileSync(h.configPath, 'utf8');
    expect(text).toContain('[profile 400000000001.ReadOnlyAccess]\n# mine\nmfa_note = keep me\nsso_session = my-sso\n');
    expect(text).not.toContain('org-001-ReadOnlyAccess');
    expect(text).not.toContain('400000000002.AdministratorAccess');
    // Hand-made profiles for a pair are left as they are, and not duplicated.
    expect(text).toContain('[profile my-own-name]\nsso_session = my-sso\nsso_account_id = 111111111111\nsso_role_name = ReadOnlyAccess\ncolor = blue\n');
    expect(text).not.toContain('111111111111.ReadOnlyAccess');
    expect(io.out()).toContain('1 removed.');
    h.cleanup();
  });

  it('sanitises names', () => {
    expect(sanitiseProfileName('Team A / Billing (EU)-Admin')).toBe('Team-A-Billing-EU-Admin');
    expect(sanitiseProfileName('..//')).toBe('profile');
  });

  it('a missing token names the login command', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    expect(await runSso(['populate', '--sso-session', 'my-sso'], io)).toBe(255);
    expect(io.err()).toContain('To sign in, run: awsdeck sso login --sso-session my-sso');
    h.cleanup();
  });
});
