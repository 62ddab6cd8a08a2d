// The dashboard in a real terminal (tmux, 80x24, CI=false) on an isolated config: home, filter,
// resize, quit restores the normal screen. Runs the bundle (node scripts/bundle.mjs); every endpoint
// is a closed local port, so nothing leaves the machine. The demo has its own test (dashboard-demo).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const socket = `awsdeck-e2e-${process.pid}`;
const bundle = new URL('../../dist/awsdeck.js', import.meta.url).pathname;
if (!existsSync(bundle)) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const session = 'dash';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const pane = () => tmux('capture-pane', '-p', '-t', session);

async function waitForPane(test: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = pane();
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(text.split("\n").filter(Boolean))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(() => { spawnSync('tmux', ['-L', socket, 'kill-server']); });

describe('dashboard in tmux', () => {
  it('shows the profiles, filters, follows a resize, and quits back to the normal screen', async () => {
    const home = mkdtempSync(join(tmpdir(), 'awsdeck-e2e-'));
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws/config'), '[default]\nregion = us-east-1\n\n[profile ops]\nrole_arn = arn:aws:iam::111122223333:role/Ops\nsource_profile = default\nmfa_serial = arn:aws:iam::111122223333:mfa/me\nregion = eu-west-1\n');
    writeFileSync(join(home, '.aws/credentials'), '[default]\naws_access_key_id = AKIAE2EEXAMPLE000001\naws_secret_access_key = never-shown\n');
    const env = { CI: 'false', HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
      AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1', TERM: 'xterm-256color' };
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', ...envArgs, `echo BEFORE; node ${bundle}; echo EXITED:$?; sleep 30`);
    const home1 = await waitForPane((t) => t.includes('needs MFA') && t.includes('? help'), 'the home');
    expect(home1).toMatch(/ops\s+role\+MFA\s+needs MFA/);
    expect(home1).not.toContain('never-shown');
    expect(tmux('display', '-p', '-t', session, '#{alternate_on}').trim()).toBe('1');
    tmux('send-keys', '-t', session, '/', 'o', 'p', 's');
    await waitForPane((t) => t.includes('/ops') && !/default\s+static keys/.test(t), 'the filter');
    tmux('send-keys', '-t', session, 'Escape');
    tmux('send-keys', '-t', session, 'Escape');
    await waitForPane((t) => /default\s+static keys/.test(t), 'the filter cleared');
    tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
    await waitForPane((t) => t.split('\n').some((l) => l.includes('? help')) && t.split('\n').length >= 29, 'the resized frame');
    tmux('send-keys', '-t', session, 'q');
    const after = await waitForPane((t) => t.includes('EXITED:0'), 'exit');
    expect(after).toContain('BEFORE');
    expect(tmux('display', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');
  }, 60_000);
});
