// Hostile profile names in a real terminal (tmux, CI=false, the bundle): a config whose section
// names hold an OSC title sequence and a CSI colour sequence must not retitle or recolour the
// terminal; the names are drawn as visible escapes. Every endpoint is a closed local port.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const socket = `awsdeck-hostile-e2e-${process.pid}`;
const bundle = new URL('../../dist/awsdeck.js', import.meta.url).pathname;
if (!existsSync(bundle)) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const pane = (target: string) => tmux('capture-pane', '-p', '-t', target);
const titleOf = (target: string) => tmux('display', '-p', '-t', target, '#{pane_title}').trim();

async function waitFor<T>(read: () => T, test: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(() => { spawnSync('tmux', ['-L', socket, 'kill-server']); });

const OSC_NAME = 'evil\x1b]0;pwned\x07';
const CSI_NAME = 'red\x1b[31mhot';

describe('hostile profile names in tmux', () => {
  it('this tmux does let a raw OSC 0 retitle a pane (so the check below means something)', async () => {
    tmux('new-session', '-d', '-s', 'probe', '-x', '80', '-y', '24', "printf '\\033]0;probe-title\\007'; sleep 30");
    await waitFor(() => titleOf('probe'), (t) => t === 'probe-title', 'the probe title');
  });

  it('draws OSC and CSI names escaped; the pane title and colours stay as they were', async () => {
    const home = mkdtempSync(join(tmpdir(), 'awsdeck-hostile-e2e-'));
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws/config'), `[default]\nregion = us-east-1\n\n[profile ${OSC_NAME}]\nregion = us-east-1\n\n[profile ${CSI_NAME}]\nregion = eu-west-1\n`);
    const keys = 'aws_access_key_id = AKIAE2EEXAMPLE000001\naws_secret_access_key = never-shown\n';
    writeFileSync(join(home, '.aws/credentials'), `[default]\n${keys}\n[${OSC_NAME}]\n${keys}\n[${CSI_NAME}]\n${keys}`);
    // The hostile profile is the active one too, so the header draws its name. NO_COLOR: any red on
    // screen could then only come from the name itself.
    const env = { CI: 'false', NO_COLOR: '1', HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
      AWS_PROFILE: OSC_NAME, AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1', TERM: 'xterm-256color' };
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    tmux('new-session', '-d', '-s', 'dash', '-x', '100', '-y', '24', ...envArgs, `node ${bundle}; echo EXITED:$?; sleep 30`);
    tmux('select-pane', '-t', 'dash', '-T', 'before-awsdeck');
    const home1 = await waitFor(() => pane('dash'), (t) => t.includes('? help') && t.includes('red\\e[31mhot'), 'the home');
    expect(home1.split('\n')[0]).toContain('profile evil\\e]0;pwned\\x07 ');
    expect(home1).toMatch(/>evil\\e\]0;pwned\\x07\s{2,}static keys/);
    expect(home1).toMatch(/ red\\e\[31mhot\s{2,}static keys/);
    // Let the identity checks (each a failed request to the closed port) redraw the rows.
    await waitFor(() => pane('dash'), (t) => (t.match(/error: /g) ?? []).length >= 3, 'the identity errors');
    expect(titleOf('dash')).toBe('before-awsdeck');
    expect(titleOf('dash')).not.toContain('pwned');
    // Nothing was turned red by the name.
    const styled = tmux('capture-pane', '-p', '-e', '-t', 'dash');
    expect(styled).toContain('red\\e[31mhot');
    expect(styled).not.toMatch(/\x1b\[(?:[0-9;]*;)?31m/);
    tmux('send-keys', '-t', 'dash', 'q');
    await waitFor(() => pane('dash'), (t) => t.includes('EXITED:0'), 'exit');
    expect(titleOf('dash')).toBe('before-awsdeck');
  }, 60_000);
});
