// The real adapter against the demo sandbox: a missing token surfaces as needs-login, a device-code
// login approved through /sandbox/approve lets the portal listing through, and populating two of the
// assignments writes exactly those two profiles with the engine's writer.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import type { Interaction } from '../../src/app/engine-port.js';
import { stateFromError } from '../../src/app/identity-state.js';
import { prepareDemo, type DemoEnvironment } from '../../src/sandbox/demo.js';

let demo: DemoEnvironment;
beforeAll(async () => { demo = await prepareDemo({ baseEnv: { PATH: process.env.PATH } }); });
afterAll(async () => { await demo?.cleanup(); });

const interaction = (onCode?: (code: string) => void): Interaction => ({
  mfaCode: () => Promise.reject(new Error('no MFA here')),
  onDeviceCode: (info) => onCode?.(info.userCode),
});

describe('engine adapter: SSO populate', () => {
  it('lists sessions, needs a login first, then lists and populates only the selection', async () => {
    const engine = createEngineAdapter(demo.env, { deviceCodeLogin: true });
    await engine.listProfiles();
    expect(await engine.ssoSessions()).toEqual(['demo']);
    const before = await engine.ssoAssignments('demo', undefined, interaction()).catch((e: unknown) => e);
    expect(stateFromError(before).status).toBe('needs-login');

    await engine.ssoLogin('demo', interaction((userCode) => {
      void fetch(`${demo.sandbox.url}/sandbox/approve`, { method: 'POST', body: JSON.stringify({ userCode, allow: true }) });
    }), 'demo');
    const listed = await engine.ssoAssignments('demo', undefined, interaction());
    expect(listed.length).toBeGreaterThan(2);
    // Every demo pair already has a hand-made profile: listed as such, never re-created.
    expect(listed.every((a) => a.status === 'exists' && a.profileName)).toBe(true);
    for (const a of listed.slice(0, 3)) await (await engine.planChange({ type: 'delete', profile: a.profileName })).apply();
    await engine.listProfiles();
    const assignments = await engine.ssoAssignments('demo', undefined, interaction());
    const fresh = assignments.filter((a) => a.status === 'new');
    const picked = fresh.slice(0, 2);
    expect(fresh).toHaveLength(3);
    const write = await engine.planSsoPopulate('demo', picked);
    for (const a of picked) expect(write.diff).toContain(`[profile ${a.profileName}]`);
    for (const a of fresh.slice(2)) expect(write.diff).not.toContain(`[profile ${a.profileName}]`);
    const configBefore = readFileSync(demo.env.AWS_CONFIG_FILE!, 'utf8');
    expect(configBefore).toContain('# Written by awsdeck --demo');
    await write.apply();
    const after = readFileSync(demo.env.AWS_CONFIG_FILE!, 'utf8');
    expect(after).toContain('# Written by awsdeck --demo');
    for (const a of picked) expect(after).toContain(`[profile ${a.profileName}]`);
    const names = (await engine.listProfiles()).profiles.map((p) => p.name);
    for (const a of picked) expect(names).toContain(a.profileName);
  }, 20_000);
});
