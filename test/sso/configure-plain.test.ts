// `configure sso` / `configure sso-session` without a TTY: the CLI's plain prompts, a login
// through the sandbox, the account/role lists, the preview and the write through the
// comment-preserving writer; bad answers are re-asked; an interrupted wizard writes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { PassThrough } from 'node:stream';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runConfigureSso, runConfigureSsoSession } from '../../src/cli/sso/configure-sso.js';
import { runSso } from '../../src/cli/sso/index.js';
import { approvingBrowser, captureIO, desktopProbe, makeHome, withSandbox, DEMO_START_URL } from './harness.js';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await withSandbox(); });
afterAll(async () => { await sandbox.close(); });

const ORIGINAL = '# my settings\n[default]\nregion = eu-west-1 # keep\n';

function feed(io: { stdin: unknown }, lines: string[]): void {
  const stdin = io.stdin as PassThrough;
  stdin.write(lines.map((l) => `${l}\n`).join(''));
  stdin.end();
}

it('asks the CLI sequence, signs in, lists accounts and roles, previews and writes', async () => {
  const h = makeHome(sandbox, ORIGINAL);
  const io = captureIO(h.env);
  feed(io, ['my-sso', 'not a url', DEMO_START_URL, 'mars-1', 'us-east-1', '', 'staging', '2', 'us-west-2', 'json', '']);
  const code = await runConfigureSso([], io, { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) });
  expect(io.err()).toBe('');
  expect(code).toBe(0);
  const out = io.out();
  expect(out).toContain('SSO session name (Recommended): ');
  expect(out).toContain('SSO start URL [None]: Enter a URL such as https://my-sso-portal.awsapps.com/start\n');
  expect(out).toContain('Unknown region "mars-1"');
  expect(out).toContain('SSO registration scopes [sso:account:access]: ');
  expect(out).toContain('There are 3 AWS accounts available to you.');
  expect(out).toContain('  1) awsdeck-demo-dev, aws-dev@example.com (111111111111)');
  expect(out).toContain('Using the account ID 222222222222');
  expect(out).toContain('There are 2 roles available to you.');
  expect(out).toContain('Using the role name "ReadOnlyAccess"');
  expect(out).toContain('Profile name [ReadOnlyAccess-222222222222]: ');
  const lines = '[profile ReadOnlyAccess-222222222222]\nsso_session = my-sso\nsso_account_id = 222222222222\nsso_role_name = ReadOnlyAccess\nregion = us-west-2\noutput = json\n'
    + `[sso-session my-sso]\nsso_start_url = ${DEMO_START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
  expect(out).toContain(`These lines will be written to ${h.configPath}:\n\n${lines}`);
  expect(out).toContain('awsdeck sts get-caller-identity --profile ReadOnlyAccess-222222222222');
  expect(readFileSync(h.configPath, 'utf8')).toBe(ORIGINAL + lines);

  // The new profile is usable at once: a second wizard for the same session reuses the token.
  const again = captureIO(h.env);
  feed(again, ['my-sso', 'dev', '1', '', '', 'dev']);
  const opened: string[] = [];
  expect(await runConfigureSso([], again, { openBrowser: async (u) => { opened.push(u); }, probe: desktopProbe(h.env) })).toBe(0);
  expect(opened).toEqual([]);
  expect(readFileSync(h.configPath, 'utf8')).toContain('[profile dev]\nsso_session = my-sso\nsso_account_id = 111111111111\nsso_role_name = AdministratorAccess\n');
  h.cleanup();
});

it('the legacy form warns and writes everything into the profile; --profile skips the name prompt', async () => {
  const h = makeHome(sandbox, '');
  const io = captureIO(h.env);
  feed(io, ['', DEMO_START_URL, 'us-east-1', '2', '1', '', '']); // sorted by name: dev, prod, staging
  expect(await runConfigureSso(['--profile', 'legacy'], io, { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) })).toBe(0);
  expect(io.out()).toContain('WARNING: Configuring using legacy format (e.g. without an SSO session).');
  expect(io.out()).not.toContain('Profile name [');
  expect(readFileSync(h.configPath, 'utf8')).toBe(`[profile legacy]\nsso_start_url = ${DEMO_START_URL}\nsso_region = us-east-1\nsso_account_id = 333333333333\nsso_role_name = AdministratorAccess\n`);
  h.cleanup();
});

it('input ending mid-wizard (Ctrl-D) writes nothing', async () => {
  const h = makeHome(sandbox, ORIGINAL);
  const io = captureIO(h.env);
  feed(io, ['my-sso', DEMO_START_URL]);
  expect(await runConfigureSso([], io, { probe: desktopProbe(h.env) })).toBe(130);
  expect(io.err()).toContain('Cancelled: the config file was not changed.');
  expect(readFileSync(h.configPath, 'utf8')).toBe(ORIGINAL);
  h.cleanup();
});

it('configure sso-session writes the session and names the login command; the login then works', async () => {
  const h = makeHome(sandbox, ORIGINAL);
  const io = captureIO(h.env);
  feed(io, ['', 'team', DEMO_START_URL, 'us-east-1', 'sso:account:access, other scope']);
  const pending = runConfigureSsoSession([], io, { probe: desktopProbe(h.env) });
  // Scopes with spaces are refused; answer again.
  await expect.poll(() => io.out()).toContain('Scope values must be separated by commas');
  expect(await pending).toBe(130); // input ended before a valid scope
  expect(readFileSync(h.configPath, 'utf8')).toBe(ORIGINAL);

  const ok = captureIO(h.env);
  feed(ok, ['team', DEMO_START_URL, 'us-east-1', '']);
  expect(await runConfigureSsoSession([], ok, { probe: desktopProbe(h.env) })).toBe(0);
  expect(ok.out()).toContain('SSO session name: ');
  expect(ok.out()).toContain('\nCompleted configuring SSO session: team\nRun the following to login and refresh access token for this session:\n\nawsdeck sso login --sso-session team\n');
  expect(readFileSync(h.configPath, 'utf8')).toBe(`${ORIGINAL}[sso-session team]\nsso_start_url = ${DEMO_START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);
  expect(await runSso(['login', '--sso-session', 'team'], captureIO(h.env), { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) })).toBe(0);
  h.cleanup();
});
