// Hostile text from the config files and from services never reaches the terminal raw: every frame
// is checked BEFORE stripping colours, so an escape sequence written by the data would show up here.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { cellWidth } from '../../src/app/table-layout.js';
import { fakeEngine, profile, type FakeEngine } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';
import { expectInert } from './inert.js';

afterEach(() => cleanup());

const OSC = 'evil\x1b]0;pwned\x07';
const CSI = 'red\x1b[31mtext';
const BEL = 'bell\x07ring';
const TAB = 'tab\tname';
const BIDI = 'bidi\u202eexe.txt';
const hostileError = 'denied\x1b[2J by \x1b]0;owned\x07 policy\r\nsecond line \x1b[31mred';

function hostileEngine(): FakeEngine {
  const engine = fakeEngine([
    profile('default', { isDefault: true }),
    profile(OSC, { region: 'eu-west-1' }),
    profile(CSI, { kind: 'assume-role', mfaSerial: 'arn:aws:iam::1:mfa/\x1b[5mblink', sourceProfile: 'default' }),
    profile(BEL),
    profile(TAB),
    profile(BIDI),
  ]);
  engine.identities.set(BEL, Object.assign(new Error(hostileError), { code: 'Access\x1b[7mDenied', requestId: 'req-\x07' }));
  const list = engine.listProfiles.bind(engine);
  engine.listProfiles = async () => ({ ...(await list()), problems: ['config line 3: bad \x1b]0;title\x07 section'] });
  return engine;
}

const size = { columns: 160, rows: 30 };

describe('hostile text in the dashboard', () => {
  it('shows profile names, problems and error states escaped, with aligned columns', async () => {
    const ui = await renderDashboard(hostileEngine(), { size, env: { AWS_PROFILE: OSC } });
    const frame = await ui.waitFor((f) => f.includes('error: denied') && f.includes('valid'));
    expectInert(ui.app.lastFrame()!);
    expect(frame).toContain('profile evil\\e]0;pwned\\x07 ');
    for (const shown of ['evil\\e]0;pwned\\x07', 'red\\e[31mtext', 'bell\\x07ring', 'tab\\tname', 'bidi\\u202eexe.txt']) {
      expect(frame).toMatch(new RegExp(`[ *>]${shown.replace(/[\\[\]]/g, '\\$&')}\\s{2,}`));
    }
    expect(frame).toContain('bad \\e]0;title\\x07 section');
    expect(frame).toContain('error: denied\\e[2J by \\e]0;owned\\x07 pol~'); // cut to the STATE column
    // Widths are those of the escaped text: every line fits and the TYPE column lines up.
    const lines = frame.split('\n');
    expect(lines.every((l) => cellWidth(l) <= size.columns)).toBe(true);
    const typeAt = lines.find((l) => l.startsWith('PROFILE'))!.indexOf('TYPE');
    for (const name of ['bell\\x07ring', 'tab\\tname', 'bidi\\u202eexe.txt']) {
      expect(lines.find((l) => l.includes(name))!.indexOf('static keys')).toBe(typeAt);
    }
  });

  it('escapes the errors panel, the message modal and the MFA modal', async () => {
    const engine = hostileEngine();
    engine.exportCredentials = async () => { throw new Error('export \x1b]52;c;Zm9v\x07 refused\nline two'); };
    const ui = await renderDashboard(engine, { size });
    await ui.waitFor('error: denied');

    await ui.press('!');
    let frame = await ui.waitFor('request id req-\\x07');
    expectInert(ui.app.lastFrame()!);
    expect(frame).toContain('Access\\e[7mDenied');
    expect(frame).toContain('denied\\e[2J by \\e]0;owned\\x07 policy\\r\\nsecond line \\e[31mred');
    await ui.press(keys.escape);

    // The MFA prompt of the CSI-named role: title and device are escaped.
    await ui.waitFor('bell\\x07ring');
    await ui.press('g', 'j', 'j', 'm');
    frame = await ui.waitFor('MFA code for red\\e[31mtext');
    expectInert(ui.app.lastFrame()!);
    expect(frame).toContain('device arn:aws:iam::1:mfa/\\e[5mblink');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('MFA code for'));

    // A failed export shows the service's message; its OSC 52 must not reach the clipboard.
    await ui.press('g', 'j', 'e');
    await ui.waitFor('Export credentials of evil\\e]0;pwned\\x07');
    expectInert(ui.app.lastFrame()!);
    await ui.press(keys.enter);
    frame = await ui.waitFor('Export failed');
    expectInert(ui.app.lastFrame()!);
    expect(frame).toContain('export \\e]52;c;Zm9v\\x07 refused');
    expect(frame).toContain('line two');
  });

  it('escapes the diff of a write and the why view', async () => {
    const ui = await renderDashboard(hostileEngine(), { size, env: { AWS_PROFILE: OSC } });
    await ui.waitFor('error: denied');
    await ui.press('g', 'j', keys.ctrlD);
    let frame = await ui.waitFor('+[profile evil\\e]0;pwned\\x07]');
    expectInert(ui.app.lastFrame()!);
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('+[profile'));
    await ui.press('i');
    frame = await ui.waitFor((f) => f.includes('Why this identity? evil\\e]0;pwned\\x07') && f.includes('env AWS_PROFILE'));
    expectInert(ui.app.lastFrame()!);
    expect(frame).toMatch(/profile\s+evil\\e\]0;pwned\\x07\s+env AWS_PROFILE/);
  });
});
