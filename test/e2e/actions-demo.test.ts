// Actions in `awsdeck --demo` in a real terminal (tmux, CI=false, the bundle): stop an instance and
// watch it reach `stopped`, the action in the audit log (:audit-log), and read-only mode (--read-only)
// without the actions in `?` or the palette. HOME and TMPDIR are fresh temporary folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundle, startInTmux, type TmuxApp } from '../support/tmux-app.js';

let app: TmuxApp | undefined;
afterEach(() => { app?.kill(); app = undefined; });

function startDemo(name: string, ...flags: string[]): TmuxApp {
  const tmp = mkdtempSync(join(tmpdir(), `awsdeck-${name}-`));
  const home = mkdtempSync(join(tmp, 'home-'));
  return startInTmux(name, `node ${bundle} --demo ${flags.join(' ')}`, { CI: 'false', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, AWS_EC2_METADATA_DISABLED: 'true' });
}
const rowOf = (text: string, name: string) => text.split('\n').find((l) => l.includes(` ${name} `)) ?? '';

describe('actions in awsdeck --demo', () => {
  it('S stops dev-web-1 after y; the row goes stopping → stopped; :audit-log shows the call', async () => {
    app = startDemo('actions');
    await app.waitForPane((t) => /demo\s+static keys\s+valid/.test(t), 'the demo home');
    app.palette('ec2');
    await app.waitForPane((t) => /dev-web-1\s+running/.test(t), 'dev-web-1 running');
    app.press('S');
    const confirm = await app.waitForPane((t) => t.includes('y go ahead'), 'the confirmation');
    expect(confirm).toMatch(/Stop instance i-[0-9a-f]+ \(demo, us-east-1\)/);
    app.press('y');
    const stopping = await app.waitForPane((t) => /dev-web-1\s+(stopping|stopped)/.test(t), 'dev-web-1 stopping');
    const id = /^(i-[0-9a-f]+)/.exec(rowOf(stopping, 'dev-web-1'))![1];
    await app.waitForPane((t) => /dev-web-1\s+stopped/.test(t), 'dev-web-1 stopped', 20_000);
    // Stopped now: S has nothing to stop and says so, asking nothing.
    app.press('S');
    await app.waitForPane((t) => t.includes('Nothing to stop instance'), 'nothing to stop');
    // A bare Esc then a key at once reads as Alt+key: wait for the message to close first.
    app.press('Escape');
    await app.waitForPane((t) => !t.includes('Nothing to stop instance'), 'the message closed');
    app.palette('audit-log');
    const log = await app.waitForPane((t) => t.includes('operation: ec2:StopInstances'), 'the audit log');
    expect(log).toContain(`- ${id}`);
    expect(log).toMatch(/outcome: ok/);
    expect(log).toMatch(/requestId: \S+/);
  });

  it('--read-only: no actions in ? or the palette, and S does nothing', async () => {
    app = startDemo('readonly', '--read-only');
    await app.waitForPane((t) => /demo\s+static keys\s+valid/.test(t) && t.includes('READ-ONLY'), 'the read-only home');
    app.palette('ec2');
    await app.waitForPane((t) => /dev-web-1\s+running/.test(t), 'the instances');
    app.press('S');
    app.press('?');
    const help = await app.waitForPane((t) => t.includes('Keys (some depend'), 'help');
    expect(help).not.toMatch(/stop instance|terminate instance|pick \/ unpick/);
    expect(help).toContain('details (YAML/JSON)');
    app.press('Escape');
    await app.waitForPane((t) => !t.includes('Keys (some depend'), 'help closed');
    app.palette('stop');
    await app.waitForPane((t) => t.includes('not available in read-only mode'), 'the palette refusal');
    app.press('Escape');
    expect(app.pane()).toMatch(/dev-web-1\s+running/);
  });
});
