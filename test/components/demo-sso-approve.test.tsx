// The demo's SSO modal: `a` approves the device code on screen as the demo user (no browser needed).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakeEngine, profile, type FakeEngine } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

function ssoEngine(): FakeEngine {
  const engine = fakeEngine([profile('default', { isDefault: true }), profile('dev-admin', { kind: 'sso', ssoSession: 'demo' })]);
  engine.identities.set('dev-admin', Object.assign(new Error('Token for demo does not exist'), { name: 'SsoTokenLoadError' }));
  return engine;
}

/** Opens the SSO modal of dev-admin and waits for the device code. */
async function openLogin(ui: Awaited<ReturnType<typeof renderDashboard>>) {
  await ui.waitFor(/dev-admin\s+SSO/);
  await ui.press('g', 'j', 'l');
  return ui.waitFor('ABCD-EFGH');
}

describe('SSO modal in the demo', () => {
  it('a approves the code through the demo hook, and the login completes', async () => {
    const engine = ssoEngine();
    const approved: string[] = [];
    const demo = {
      hint: () => '000000',
      approveSignIn: async (userCode: string) => {
        approved.push(userCode);
        engine.identities.delete('dev-admin');
        (engine as unknown as { approveSso: () => void }).approveSso();
      },
    };
    const ui = await renderDashboard(engine, { demo });
    const modal = await openLogin(ui);
    expect(modal).toContain('a approve as demo user');
    await ui.press('a');
    await ui.waitFor((f) => !f.includes('ABCD-EFGH') && /dev-admin\s+SSO\s+valid/.test(f));
    expect(approved).toEqual(['ABCD-EFGH']);
  });

  it('shows why an approval failed and keeps waiting', async () => {
    const demo = { hint: () => '000000', approveSignIn: async (code: string) => { throw new Error(`no pending authorization with user code ${code}`); } };
    const ui = await renderDashboard(ssoEngine(), { demo });
    await openLogin(ui);
    await ui.press('a');
    const frame = await ui.waitFor('demo approval failed');
    expect(frame).toContain('no pending authorization with user code ABCD-EFGH');
    expect(frame).toContain('SSO login for dev-admin');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('SSO login for'));
  });

  it('outside the demo there is no hint and a does nothing', async () => {
    const engine = ssoEngine();
    const ui = await renderDashboard(engine);
    const modal = await openLogin(ui);
    expect(modal).not.toContain('approve as demo user');
    expect(modal).toContain('esc cancel');
    await ui.press('a');
    await ui.press('a');
    expect(ui.frame()).toContain('ABCD-EFGH');
    expect(ui.frame()).toContain('waiting for approval');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('ABCD-EFGH'));
  });
});
