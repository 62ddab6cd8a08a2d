// `awsdeck --demo` on a headless machine (tmux, CI=false, the bundle): there is no browser to click
// Allow in, so the demo's SSO modal approves the device code itself with `a`, and the SSO profile
// signs in. HOME and TMPDIR are fresh folders; the sandbox listens on 127.0.0.1 only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const socket = `awsdeck-demo-approve-${process.pid}`;
const session = 'demo';
const root = new URL('../..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/awsdeck.js'))) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const pane = () => tmux('capture-pane', '-p', '-t', session);
const press = (...keys: string[]) => { for (const key of keys) tmux('send-keys', '-t', session, key); };

async function waitForPane(test: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = pane();
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rowNames = (text: string) => {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('PROFILE'));
  return lines.slice(header + 1).map((l) => /^[ *>](\S+)\s{2,}/.exec(l)?.[1]).filter((n): n is string => Boolean(n));
};

/** The profile under the cursor: the row drawn in inverse video. */
function selectedRow(): string | undefined {
  const line = tmux('capture-pane', '-p', '-e', '-t', session).split('\n').find((l) => /\x1b\[(?:[0-9;]*;)?7m/.test(l));
  return line ? /^[ *>](\S+)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] : undefined;
}

afterAll(() => { spawnSync('tmux', ['-L', socket, 'kill-server']); });

describe('awsdeck --demo: approving the SSO sign-in from the modal', () => {
  it('a in the SSO modal approves the device code as the demo user and dev-admin signs in', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'awsdeck-demo-approve-'));
    const home = mkdtempSync(join(tmp, 'home-'));
    // FORCE_COLOR: the cursor is found by its inverse video (supports-color takes CI=false for "no colour").
    const env = { CI: 'false', FORCE_COLOR: '3', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, AWS_EC2_METADATA_DISABLED: 'true' };
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', ...envArgs, `node ${join(root, 'dist/awsdeck.js')} --demo; echo EXITED:$?; sleep 30`);

    const home1 = await waitForPane((t) => /dev-admin\s+SSO\s+needs login/.test(t) && /demo\s+static keys\s+valid/.test(t), 'the demo home');
    const names = rowNames(home1);
    press('g');
    await waitForPane(() => selectedRow() === names[0], 'the cursor on the first row');
    for (let i = 1; i <= names.indexOf('dev-admin'); i++) {
      press('j');
      await waitForPane(() => selectedRow() === names[i], `the cursor on ${names[i]}`);
    }

    press('l');
    const modal = await waitForPane((t) => /check the code [A-Z]{4}-[A-Z]{4}/.test(t) && t.includes('a approve as demo user'), 'the device code and the approve hint');
    expect(modal).toContain('SSO login for dev-admin');
    press('a');
    const after = await waitForPane((t) => /dev-admin\s+SSO\s+valid/.test(t) && !t.includes('SSO login for'), 'dev-admin signed in');
    expect(after).toMatch(/dev-admin\s+SSO\s+valid[^\n]*111111111111\s+assumed-role\/AWSReservedSSO_/);
    // One sso-session token serves its other profiles too.
    await waitForPane((t) => /prod-readonly\s+SSO\s+valid/.test(t), 'the session siblings signed in');

    press('q');
    await waitForPane((t) => t.includes('EXITED:0'), 'exit');
  }, 60_000);
});
