// The files awsdeck creates through the real CLI in a fresh HOME (config, credentials, their
// backups, the CLI and SSO caches, MFA sessions, awsdeck's state) are 0600 in folders it made
// 0700, whatever the umask allows; existing modes are kept (never widened); a symlinked config or
// credentials file is written through, the link kept.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replacePrivateFile } from '../../src/engine/private-files.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { CliSession } from './cli-session.js';

let sandbox: Sandbox;
let umask: number;
beforeAll(async () => {
  umask = process.umask(0); // the children inherit it: only the modes awsdeck asks for count
  sandbox = await startSandbox({ seed: 'demo', host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  process.umask(umask);
  await sandbox?.close();
});

function modesUnder(root: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const st = lstatSync(path);
    out.set(relative(root, path) + (st.isDirectory() ? '/' : ''), st.mode & 0o777);
    if (st.isDirectory()) for (const [p, m] of modesUnder(path)) out.set(`${name}/${p}`, m);
  }
  return out;
}

describe('files awsdeck creates', () => {
  it('are 0600 in 0700 folders: config, credentials, backups, CLI and SSO caches, MFA sessions, state', async () => {
    const cli = new CliSession(sandbox.url);
    await cli.configureProfiles();
    expect((await cli.withMfa(['sts', 'get-caller-identity', '--profile', 'breakglass'])).status).toBe(0);
    expect((await cli.ssoLogin(['--sso-session', 'demo'])).status).toBe(0);
    expect((await cli.run(['sts', 'get-caller-identity', '--profile', 'dev-admin'])).status).toBe(0);
    const modes = modesUnder(cli.home);
    const names = [...modes.keys()];
    // Each kind of file is there (so the modes below cover it).
    for (const expected of [/^\.aws\/config$/, /^\.aws\/credentials$/, /^\.aws\/config\.bak$/, /^\.aws\/cli\/cache\/\w+\.json$/,
      /^\.aws\/sso\/cache\/\w+\.json$/, /^\.aws\/awsdeck\/mfa-sessions\/\w+\.json$/, /^\.local\/state\/awsdeck\/sso-login-flows\.json$/]) {
      expect(names.some((n) => expected.test(n)), `${expected} in ${names.join(' ')}`).toBe(true);
    }
    const wrong = [...modes].filter(([name, mode]) => mode !== (name.endsWith('/') ? 0o700 : 0o600)).map(([n, m]) => `${n} ${m.toString(8)}`);
    expect(wrong).toEqual([]);
  }, 50_000);
});

describe('existing files and folders', () => {
  it('a symlinked config (0640, in a 0755 folder) and a dangling credentials link are written through; modes kept', async () => {
    const cli = new CliSession(sandbox.url);
    const dotfiles = join(cli.home, 'dotfiles');
    mkdirSync(join(cli.home, '.aws'), { mode: 0o755 });
    mkdirSync(dotfiles, { mode: 0o755 });
    writeFileSync(join(dotfiles, 'aws-config'), '# mine\n[default]\noutput = json\n', { mode: 0o640 });
    symlinkSync('../dotfiles/aws-config', cli.env.AWS_CONFIG_FILE!);
    symlinkSync(join(dotfiles, 'aws-credentials'), cli.env.AWS_SHARED_CREDENTIALS_FILE!); // target not there yet
    expect((await cli.run(['configure', 'set', 'region', 'eu-west-1'])).status).toBe(0);
    expect((await cli.run(['configure', 'set', 'aws_access_key_id', 'AKIAEXAMPLE'])).status).toBe(0);
    expect(lstatSync(cli.env.AWS_CONFIG_FILE!).isSymbolicLink()).toBe(true);
    expect(readlinkSync(cli.env.AWS_CONFIG_FILE!)).toBe('../dotfiles/aws-config');
    expect(readFileSync(join(dotfiles, 'aws-config'), 'utf8')).toBe('# mine\n[default]\noutput = json\nregion = eu-west-1\n');
    expect(statSync(join(dotfiles, 'aws-config')).mode & 0o777).toBe(0o640); // as the CLI's in-place rewrite keeps it
    expect(lstatSync(cli.env.AWS_SHARED_CREDENTIALS_FILE!).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dotfiles, 'aws-credentials'), 'utf8')).toBe('[default]\naws_access_key_id = AKIAEXAMPLE\n');
    expect(statSync(join(dotfiles, 'aws-credentials')).mode & 0o777).toBe(0o600);
    expect(statSync(join(cli.home, '.aws')).mode & 0o777).toBe(0o755);
    expect(statSync(dotfiles).mode & 0o777).toBe(0o755);
  }, 30_000);

  it('a cache or state file replaced whole is never widened: 0644 becomes 0600, 0400 stays 0400', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-modes-'));
    const loose = join(dir, 'loose.json');
    const readOnly = join(dir, 'read-only.json');
    writeFileSync(loose, '{}');
    chmodSync(loose, 0o644);
    writeFileSync(readOnly, '{}');
    chmodSync(readOnly, 0o400);
    replacePrivateFile(loose, '{"a":1}');
    replacePrivateFile(readOnly, '{"a":1}');
    expect(statSync(loose).mode & 0o777).toBe(0o600);
    expect(statSync(readOnly).mode & 0o777).toBe(0o400);
    expect(readFileSync(readOnly, 'utf8')).toBe('{"a":1}');
  });
});
