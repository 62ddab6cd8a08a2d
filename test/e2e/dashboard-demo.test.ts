// `awsdeck --demo` end to end in a real terminal (tmux, CI=false), from the bundle: the home, an SSO
// login approved through the sandbox's /sandbox/approve, an MFA code (a wrong one first) for the
// assume-role profile, create/rename/delete checked in the files on disk, a subshell, resize, and
// quit restoring the terminal. The demo's temporary folder is found under this test's TMPDIR and
// HOME is a fresh folder too, so the user's ~/.aws is never read. Every wait is for content.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../src/sandbox/index.js';
import { DEMO_MFA_SEED } from '../../src/sandbox/seed-org.js';

const socket = `awsdeck-demo-e2e-${process.pid}`;
const session = 'demo';
const root = new URL('../..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/awsdeck.js'))) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const pane = () => tmux('capture-pane', '-p', '-t', session);
const press = (...keys: string[]) => { for (const key of keys) tmux('send-keys', '-t', session, key); };
const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);
const alternateOn = () => tmux('display', '-p', '-t', session, '#{alternate_on}').trim();

async function waitForPane(test: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = pane();
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The table row of a profile (marker, name, then two spaces before the type). */
const rowOf = (text: string, name: string) => text.split('\n').find((line) => new RegExp(`^[ *>]${name.replace(/[-]/g, '\\-')}\\s{2,}`).test(line));
const rowNames = (text: string) => {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('PROFILE'));
  return lines.slice(header + 1).map((l) => /^[ *>](\S+)\s{2,}/.exec(l)?.[1]).filter((n): n is string => Boolean(n));
};

/** The profile under the cursor: the row drawn in inverse video (tmux writes it as ESC[0;7m). */
function selectedRow(): string | undefined {
  const line = tmux('capture-pane', '-p', '-e', '-t', session).split('\n').find((l) => /\x1b\[(?:[0-9;]*;)?7m/.test(l));
  return line ? rowNames(line.replace(/\x1b\[[0-9;]*m/g, ''))[0] ?? /^[ *>](\S+)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] : undefined;
}

/** Moves the cursor to a profile's row one `j` at a time, checking the highlighted row each step. */
async function select(name: string): Promise<void> {
  const names = rowNames(await waitForPane((t) => rowNames(t).includes(name), `row ${name}`));
  press('g');
  await waitForPane(() => selectedRow() === names[0], 'the cursor on the first row');
  for (let i = 1; i <= names.indexOf(name); i++) {
    press('j');
    await waitForPane(() => selectedRow() === names[i], `the cursor on ${names[i]}`);
  }
}

let tmp: string;
let demoDir: string;
const demoFile = (file: string) => readFileSync(join(demoDir, '.aws', file), 'utf8');

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'awsdeck-demo-e2e-'));
  const home = mkdtempSync(join(tmp, 'home-'));
  // FORCE_COLOR: supports-color takes any CI variable for "no colour", and the cursor is found by its inverse video.
  const env = { CI: 'false', FORCE_COLOR: '3', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, SHELL: '/bin/sh', PS1: 'sub$ ', AWS_EC2_METADATA_DISABLED: 'true' };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', ...envArgs,
    `echo BEFORE; node ${join(root, 'dist/awsdeck.js')} --demo; echo EXITED:$?; sleep 60`);
});

afterAll(() => { spawnSync('tmux', ['-L', socket, 'kill-server']); });

describe('awsdeck --demo in tmux', () => {
  it('shows every demo profile with its state', async () => {
    const home = await waitForPane((t) => /prod-breakglass\s+role\+MFA\s+needs MFA/.test(t) && /demo\s+static keys\s+valid/.test(t), 'the demo home');
    for (const name of ['dev', 'staging', 'prod'].flatMap((env) => [`${env}-admin`, `${env}-readonly`])) {
      expect(rowOf(home, name)).toMatch(/SSO\s+needs login/);
    }
    expect(rowOf(home, 'demo')).toMatch(/111111111111\s+user\/demo-user/);
    expect(home).toContain('DEMO');
    expect(alternateOn()).toBe('1');
    // The demo's config folder lives under our TMPDIR; its endpoint_url is the sandbox's address.
    demoDir = join(tmp, readdirSync(tmp).find((name) => name.startsWith('awsdeck-demo-'))!);
    expect(demoFile('config')).toMatch(/endpoint_url = http:\/\/127\.0\.0\.1:\d+/);
  });

  it('logs in to an SSO profile: the user code on screen is approved through the sandbox', async () => {
    await select('dev-admin');
    press('l');
    const modal = await waitForPane((t) => /check the code [A-Z]{4}-[A-Z]{4}/.test(t), 'the device code');
    expect(modal).toContain('SSO login for dev-admin');
    expect(modal).toMatch(/expires in \d+m/);
    const userCode = /check the code ([A-Z]{4}-[A-Z]{4})/.exec(modal)![1];
    const sandboxUrl = /endpoint_url = (\S+)/.exec(demoFile('config'))![1];
    const approval = await fetch(`${sandboxUrl}/sandbox/approve`, { method: 'POST', body: JSON.stringify({ userCode, allow: true }) });
    expect(approval.status).toBe(200);
    const after = await waitForPane((t) => /dev-admin\s+SSO\s+valid/.test(t), 'dev-admin signed in');
    expect(rowOf(after, 'dev-admin')).toMatch(/111111111111\s+assumed-role\/AWSReservedSSO_/);
    // The same sso-session token serves its other profiles.
    await waitForPane((t) => /prod-readonly\s+SSO\s+valid/.test(t), 'the session siblings signed in');
  });

  it('answers MFA for prod-breakglass: a wrong code shows the service message, the right one changes the identity', async () => {
    await select('prod-breakglass');
    press('m');
    await waitForPane((t) => t.includes('MFA code for prod-breakglass') && /demo device shows \d{6}/.test(t), 'the MFA modal with the demo hint');
    const now = Date.now();
    const valid = new Set([-30_000, 0, 30_000].map((d) => totp(DEMO_MFA_SEED, now + d)));
    let wrong = 0;
    while (valid.has(String(wrong).padStart(6, '0'))) wrong++;
    type(String(wrong).padStart(6, '0'));
    press('Enter');
    await waitForPane((t) => t.includes('MFA code for prod-breakglass') && t.includes('MultiFactorAuthentication failed'), 'the service message');
    type(totp(DEMO_MFA_SEED));
    press('Enter');
    const unlocked = await waitForPane((t) => /prod-breakglass\s+role\+MFA\s+valid/.test(t), 'prod-breakglass valid');
    expect(rowOf(unlocked, 'prod-breakglass')).toMatch(/333333333333\s+assumed-role\/BreakGlass/);
    press('Enter'); // use it: the header follows
    const header = await waitForPane((t) => t.split('\n')[0].includes('profile prod-breakglass account 333333333333'), 'the header on prod-breakglass');
    expect(header.split('\n')[1]).toMatch(/^assumed-role\/BreakGlass/);
  });

  it('creates, renames and deletes a profile, each written to the files after its diff', async () => {
    press('n');
    await waitForPane((t) => t.includes('New profile') && t.includes('static keys'), 'the new-profile form');
    press('Enter'); // type: static keys
    await waitForPane((t) => t.includes('profile name'), 'the name field');
    type('e2e-keys'); press('Enter');
    await waitForPane((t) => t.includes('access key id'), 'the key field');
    type('AKIAE2EDEMO000000001'); press('Enter');
    type('e2e-secret-never-drawn'); press('Enter');
    await waitForPane((t) => t.includes('region (optional)'), 'the region field');
    type('eu-west-1'); press('Enter');
    const diff = await waitForPane((t) => t.includes('Create profile e2e-keys') && t.includes('+[profile e2e-keys]'), 'the diff');
    expect(diff).toContain('+aws_secret_access_key = ****************rawn');
    expect(diff).not.toContain('e2e-secret-never-drawn');
    expect(demoFile('config')).not.toContain('e2e-keys');
    press('y');
    await waitForPane((t) => rowOf(t, 'e2e-keys') !== undefined, 'the new row');
    expect(demoFile('config')).toContain('[profile e2e-keys]\nregion = eu-west-1\n');
    expect(demoFile('credentials')).toContain('[e2e-keys]\naws_access_key_id = AKIAE2EDEMO000000001\naws_secret_access_key = e2e-secret-never-drawn\n');

    await select('e2e-keys');
    press('M');
    await waitForPane((t) => t.includes('Rename e2e-keys'), 'the rename form');
    press(...Array.from({ length: 'e2e-keys'.length }, () => 'BSpace'));
    type('e2e-renamed'); press('Enter');
    await waitForPane((t) => t.includes('Rename e2e-keys to e2e-renamed') && t.includes('+[profile e2e-renamed]'), 'the rename diff');
    press('y');
    await waitForPane((t) => rowOf(t, 'e2e-renamed') !== undefined && rowOf(t, 'e2e-keys') === undefined, 'the renamed row');
    expect(demoFile('config')).toContain('[profile e2e-renamed]\nregion = eu-west-1\n');
    expect(demoFile('credentials')).toContain('[e2e-renamed]\naws_access_key_id = AKIAE2EDEMO000000001');

    // Renaming a source profile carries the role profile's source_profile along.
    await select('demo');
    press('M');
    await waitForPane((t) => t.includes('Rename demo'), 'the rename form for demo');
    press(...Array.from({ length: 'demo'.length }, () => 'BSpace'));
    type('demo-keys'); press('Enter');
    await waitForPane((t) => t.includes('source_profile follows in prod-breakglass') && t.includes('+source_profile = demo-keys'), 'the source_profile diff');
    press('y');
    await waitForPane((t) => rowOf(t, 'demo-keys') !== undefined, 'demo renamed');
    expect(demoFile('config')).toMatch(/\[profile prod-breakglass\]\nrole_arn = [^\n]+\nsource_profile = demo-keys\n/);

    await select('e2e-renamed');
    press('C-d');
    const confirm = await waitForPane((t) => t.includes('Delete profile e2e-renamed') && t.includes('DANGEROUS'), 'the delete confirmation');
    expect(confirm).toContain('-[profile e2e-renamed]');
    press('y');
    await waitForPane((t) => rowOf(t, 'e2e-renamed') === undefined && rowOf(t, 'demo-keys') !== undefined, 'the row gone');
    expect(demoFile('config')).not.toContain('e2e-renamed');
    expect(demoFile('credentials')).not.toContain('e2e-renamed');
  });

  it('opens a subshell with the profile\'s credentials and comes back', async () => {
    await select('demo-keys');
    press('x');
    await waitForPane((t) => t.includes("a shell with profile demo-keys's credentials"), 'the subshell');
    expect(alternateOn()).toBe('0');
    type('echo "in:$AWSDECK_PROFILE:${AWS_ACCESS_KEY_ID:+keys}"'); press('Enter');
    await waitForPane((t) => t.includes('in:demo-keys:keys'), 'the subshell environment');
    type('exit'); press('Enter');
    await waitForPane((t) => /demo-keys\s+static keys/.test(t) && t.includes('? help'), 'the dashboard again');
    expect(alternateOn()).toBe('1');
  });

  it('populates SSO profiles from the portal with multi-select: only the picked pair is written', async () => {
    // Every demo pair has a hand-made profile; removing one makes its pair new again.
    await select('staging-readonly');
    press('C-d');
    await waitForPane((t) => t.includes('Delete profile staging-readonly'), 'the delete confirmation');
    press('y');
    await waitForPane((t) => rowOf(t, 'staging-readonly') === undefined && rowOf(t, 'dev-admin') !== undefined, 'staging-readonly gone');
    press(':');
    type('populate'); press('Enter');
    // One sso-session in the demo: it is chosen without asking; the token from the login above is used.
    const list = await waitForPane((t) => /sso-session demo: 0 of \d+ selected/.test(t) && t.includes('awsdeck-demo-staging'), 'the assignment list');
    expect(list).toMatch(/ - \s+awsdeck-demo-dev\s+111111111111\s+AdministratorAccess\s+dev-admin\s+exists/);
    press('/'); type('staging readonly'); press('Enter');
    await waitForPane((t) => t.includes('(1 shown)'), 'the filter');
    press('Space');
    await waitForPane((t) => /sso-session demo: 1 of \d+ selected/.test(t), 'one selected');
    press('Enter');
    const diff = await waitForPane((t) => t.includes('+[profile awsdeck-demo-staging-ReadOnlyAccess]'), 'the populate diff');
    expect(diff).not.toContain('+[profile awsdeck-demo-dev');
    expect(demoFile('config')).not.toContain('awsdeck-demo-staging-ReadOnlyAccess');
    press('y');
    await waitForPane((t) => /sso-session demo: 0 of \d+ selected/.test(t), 'the selection cleared after writing');
    expect(demoFile('config')).toMatch(/\[profile awsdeck-demo-staging-ReadOnlyAccess\]\nsso_session = demo\nsso_account_id = 222222222222\nsso_role_name = ReadOnlyAccess\n/);
    expect(demoFile('config')).toContain('# Written by awsdeck --demo');
    press('Escape'); press('Escape');
    // The name is cut to the column's width on the home.
    await waitForPane((t) => / awsdeck-demo-staging-\S*\s+SSO/.test(t), 'the new profile on the home');
  });

  it('follows a resize and quits back to the normal screen, removing the demo folder', async () => {
    tmux('resize-window', '-t', session, '-x', '120', '-y', '36');
    await waitForPane((t) => {
      const lines = t.split('\n');
      return lines.length >= 35 && lines.some((l) => l.includes('? help')) && lines[0].length > 100;
    }, 'the resized frame');
    press('q');
    const after = await waitForPane((t) => t.includes('EXITED:0'), 'exit');
    expect(after).toContain('BEFORE');
    expect(alternateOn()).toBe('0');
    expect(existsSync(demoDir)).toBe(false);
  });
});
