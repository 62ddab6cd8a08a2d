// The terminal is given back as it was found on every way out of the dashboard: q, Ctrl-C, SIGTERM,
// SIGHUP and an uncaught error. Real terminal (tmux, CI=false), the real bundle on the demo; after
// the app ends, the shell in the same pane records `stty -a`, and tmux says whether the alternate
// screen is still on and the cursor shown. A crash also leaves a report without secrets.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bundle = new URL('../../dist/awsdeck.js', import.meta.url).pathname;
if (!existsSync(bundle)) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const socket = `awsdeck-restore-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
afterAll(() => { spawnSync('tmux', ['-L', socket, 'kill-server']); });

// Secrets the crash report must never hold: in the environment, and one the app holds in memory
// (the demo's key, which signs every identity check) that the crash's own message echoes.
const ENV_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzSECRET01';
const ENV_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEtokenZZ9aGVsbG8td29ybGQtc2Vzc2lvbi10b2tlbgo1234';
const ENV_OTHER_TOKEN = 'ghp_Z9y8X7w6V5u4T3s2R1q0PonMlKjIhGfEdCbA';
const IN_MEMORY_SECRET = 'sandboxDemoSecretKey/doNotUseOnAWS/0000a';

interface Run {
  session: string;
  dir: string;
  pane(): string;
  format(spec: string): string;
  pid(): number;
  stty(): string;
}

async function waitFor<T>(probe: () => T | undefined, what: string, show: () => string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${show()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the demo dashboard in its own tmux session; resolves once its home is on the screen. */
async function startDashboard(session: string, extraEnv: Record<string, string> = {}, afterApp = ''): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'awsdeck-restore-'));
  const env: Record<string, string> = {
    // The demo makes its temporary folder here, so the checks below can see that it went away.
    TMPDIR: join(dir, 'tmp'),
    CI: 'false', TERM: 'xterm-256color', HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'xdg'),
    AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true',
    ...extraEnv,
  };
  mkdirSync(env.TMPDIR!);
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  // sh -c records the app's pid (exec keeps it); stty runs in the same terminal once the app is gone.
  const app = `sh -c 'echo $$ > ${dir}/pid; exec node ${bundle} --demo'`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', ...envArgs,
    `echo BEFORE; ${app}; echo EXITED:$?; ${afterApp} stty -a > ${dir}/stty; echo STTY-DONE; sleep 60`);
  const run: Run = {
    session, dir,
    pane: () => tmux('capture-pane', '-p', '-t', session),
    format: (spec) => tmux('display', '-p', '-t', session, spec).trim(),
    pid: () => Number(readFileSync(join(dir, 'pid'), 'utf8')),
    stty: () => readFileSync(join(dir, 'stty'), 'utf8'),
  };
  await waitFor(() => (run.pane().includes('? help') && run.format('#{alternate_on}') === '1' ? true : undefined), 'the dashboard', run.pane);
  // In raw mode while it runs (Ink turns it on just after its first frame): the checks after the
  // app ends would mean nothing otherwise.
  const liveStty = () => execFileSync('stty', ['-a', '-F', run.format('#{pane_tty}')], { encoding: 'utf8' });
  await waitFor(() => (/-icanon\b/.test(liveStty()) ? true : undefined), 'raw mode', liveStty);
  return run;
}

/** Waits for the shell after the app, then checks the screen, the cursor and the line discipline. */
async function expectRestored(run: Run, exitCode: number): Promise<string> {
  const text = await waitFor(() => { const t = run.pane(); return t.includes('STTY-DONE') ? t : undefined; }, 'the app to end', run.pane);
  expect(text).toContain(`EXITED:${exitCode}`);
  expect(text).toContain('BEFORE'); // the normal screen is back, with what was on it
  expect(run.format('#{alternate_on}')).toBe('0');
  expect(run.format('#{cursor_flag}')).toBe('1');
  const stty = run.stty();
  expect(stty).toMatch(/(^|\s)icanon\b/);
  expect(stty).toMatch(/(^|\s)echo\b/);
  expect(stty).toMatch(/(^|\s)isig\b/);
  // The demo's temporary config and sandbox folder is gone whichever way the app ended.
  expect(readdirSync(join(run.dir, 'tmp')).filter((f) => f.startsWith('awsdeck-demo-'))).toEqual([]);
  return text;
}

describe('the terminal after the dashboard', () => {
  it('q', async () => {
    const run = await startDashboard('quit');
    tmux('send-keys', '-t', run.session, 'q');
    await expectRestored(run, 0);
  }, 45_000);

  it('q, then a line typed as soon as the screen is back: the shell gets it, awsdeck does not swallow it', async () => {
    const run = await startDashboard('typeahead', {}, 'read -r LINE; echo "GOT:$LINE";');
    tmux('send-keys', '-t', run.session, 'q');
    // The normal screen is back before the demo has finished shutting down: type at once.
    await waitFor(() => (run.format('#{alternate_on}') === '0' ? true : undefined), 'the normal screen', run.pane);
    tmux('send-keys', '-t', run.session, '-l', 'typed-ahead');
    tmux('send-keys', '-t', run.session, 'Enter');
    const text = await expectRestored(run, 0);
    expect(text).toContain('GOT:typed-ahead');
  }, 45_000);

  it('Ctrl-C', async () => {
    const run = await startDashboard('ctrlc');
    tmux('send-keys', '-t', run.session, 'C-c');
    await expectRestored(run, 0);
  }, 45_000);

  it('SIGTERM', async () => {
    const run = await startDashboard('term');
    process.kill(run.pid(), 'SIGTERM');
    await expectRestored(run, 143);
  }, 45_000);

  it('SIGHUP', async () => {
    const run = await startDashboard('hup');
    process.kill(run.pid(), 'SIGHUP');
    await expectRestored(run, 129);
  }, 45_000);

  it('an uncaught error: restored, a report without secrets, and where it is said on stderr', async () => {
    const run = await startDashboard('crash', {
      AWSDECK_TEST_CRASH_ON_KEY: '~',
      AWSDECK_TEST_CRASH_MESSAGE: `signing failed with ${IN_MEMORY_SECRET} and token ${ENV_SESSION_TOKEN}`,
      AWS_SECRET_ACCESS_KEY: ENV_SECRET_KEY, AWS_SESSION_TOKEN: ENV_SESSION_TOKEN, GITHUB_TOKEN: ENV_OTHER_TOKEN,
    });
    // Into the recent-errors view first, so the report has a view to name.
    tmux('send-keys', '-t', run.session, '!');
    await waitFor(() => (run.pane().includes('Recent errors') ? true : undefined), 'the errors view', run.pane);
    tmux('send-keys', '-t', run.session, '-l', '~');
    const text = await expectRestored(run, 1);

    const stateDir = join(run.dir, 'state', 'awsdeck');
    const reports = readdirSync(stateDir).filter((f) => /^crash-.*\.txt$/.test(f));
    expect(reports).toHaveLength(1);
    const path = join(stateDir, reports[0]!);
    expect(text.replace(/\n/g, '')).toContain(`A crash report (no credentials or environment values) is in ${path}`);
    expect(text).toContain('awsdeck crashed: Error: signing failed with <redacted>');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);

    const report = readFileSync(path, 'utf8');
    expect(report).toMatch(/^version: awsdeck\/\d+\.\d+\.\d+$/m);
    expect(report).toContain(`node: ${process.versions.node}`);
    expect(report).toContain(`platform: ${process.platform}/${process.arch}`);
    expect(report).toMatch(/^view: profiles > errors$/m);
    expect(report).toMatch(/Error: signing failed with <redacted>/);
    expect(report).toMatch(/\n\s+at /); // the stack
    for (const secret of [ENV_SECRET_KEY, ENV_SESSION_TOKEN, ENV_OTHER_TOKEN, IN_MEMORY_SECRET]) {
      expect(report).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    // No environment values at all: not even the harmless ones.
    expect(report).not.toContain(run.dir);
    expect(report).not.toContain('xterm-256color');
  }, 45_000);
});
