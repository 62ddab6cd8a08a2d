import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { SsoAssignment } from '../../src/app/engine-port.js';
import { fakeEngine, profile } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const assignment = (accountName: string, accountId: string, roleName: string): SsoAssignment =>
  ({ accountName, accountId, roleName, profileName: `${accountName}-${roleName}`, status: 'new' });

function ssoEngine() {
  const engine = fakeEngine([profile('default', { isDefault: true }), profile('dev-admin', { kind: 'sso', ssoSession: 'corp' })]);
  engine.ssoSessionNames = ['corp', 'other'];
  engine.assignments = [
    assignment('dev', '111111111111', 'Admin'), assignment('dev', '111111111111', 'ReadOnly'),
    assignment('prod', '222222222222', 'Admin'), assignment('prod', '222222222222', 'ReadOnly'),
    assignment('sandbox', '333333333333', 'Admin'),
    { ...assignment('legacy', '444444444444', 'Admin'), profileName: 'my-own', status: 'exists' },
  ];
  return engine;
}

describe('SSO populate view', () => {
  it('from :populate, signs in first, filters, toggles two assignments and writes exactly those', async () => {
    const engine = ssoEngine();
    engine.ssoTokenMissing = true;
    const ui = await renderDashboard(engine);
    await ui.waitFor('dev-admin');
    await ui.press(':', 'populate corp', keys.enter);
    // The token is missing: the SSO login modal appears, then the listing continues on approval.
    await ui.waitFor('ABCD-EFGH');
    (engine as unknown as { approveSso: () => void }).approveSso();
    await ui.waitFor('0 of 6 selected');
    await ui.press('/', 'admin', keys.enter);
    await ui.waitFor((f) => f.includes('(4 shown)') && !f.includes('ReadOnly'));
    await ui.press(' ', 'j', 'j', ' ');
    await ui.waitFor('2 of 6 selected');
    expect(ui.frame()).toMatch(/\[x\]\s+dev\s+111111111111\s+Admin/);
    expect(ui.frame()).toMatch(/\[x\]\s+sandbox\s+333333333333\s+Admin/);
    expect(ui.frame()).toMatch(/\[ \]\s+prod\s+222222222222\s+Admin/);
    await ui.press(keys.enter);
    const diff = await ui.waitFor('+[profile sandbox-Admin]');
    expect(diff).toContain('+[profile dev-Admin]');
    expect(diff).not.toContain('prod-Admin]');
    expect(engine.populated).toEqual([]);
    await ui.press('y');
    await ui.waitFor('0 of 6 selected');
    expect(engine.populated).toHaveLength(1);
    expect(engine.populated[0]!.ssoSession).toBe('corp');
    expect(engine.populated[0]!.selected.map((a) => `${a.accountId}/${a.roleName}`)).toEqual(['111111111111/Admin', '333333333333/Admin']);
  });

  it('opens with P on an SSO profile row for its sso-session; a toggles all shown; Esc on the diff writes nothing', async () => {
    const engine = ssoEngine();
    const ui = await renderDashboard(engine);
    await ui.waitFor('dev-admin');
    await ui.press('j');
    await ui.waitFor('l SSO log in');
    await ui.press('P');
    await ui.waitFor('sso-session corp: 0 of 6 selected');
    await ui.press('a');
    await ui.waitFor('5 of 6 selected');
    expect(ui.frame()).toMatch(/ - \s+legacy\s+444444444444\s+Admin\s+my-own\s+exists/);
    await ui.press(keys.enter);
    await ui.waitFor('+[profile prod-ReadOnly]');
    await ui.press(keys.escape);
    await ui.waitFor('5 of 6 selected');
    expect(engine.populated).toEqual([]);
    await ui.press(keys.escape);
    await ui.waitFor((f) => f.includes('dev-admin') && !f.includes('selected'));
  });

  it('asks which sso-session when there are several and none is implied', async () => {
    const engine = ssoEngine();
    const ui = await renderDashboard(engine);
    await ui.waitFor('dev-admin');
    await ui.press(':', 'populate', keys.enter);
    await ui.waitFor('corp, other');
  });

  it('New profile → sso opens the populate view for the chosen sso-session, without asking for a name or keys', async () => {
    const engine = ssoEngine();
    const ui = await renderDashboard(engine);
    await ui.waitFor('dev-admin');
    await ui.press('n');
    await ui.waitFor('sso (pick from the portal)');
    await ui.press('j', 'j', keys.enter);
    await ui.waitFor('then pick accounts and roles');
    expect(ui.frame()).not.toContain('profile name');
    await ui.press(keys.enter);
    await ui.waitFor('sso-session corp: 0 of 6 selected');
    await ui.press(' ', keys.enter);
    await ui.waitFor('+[profile dev-Admin]');
    await ui.press('y');
    await ui.waitFor(() => engine.populated.length === 1);
    expect(engine.populated[0]!.selected.map((a) => a.profileName)).toEqual(['dev-Admin']);
    expect(engine.changes).toEqual([]);
  });
});
