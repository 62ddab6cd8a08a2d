// What the SSO tests share: an isolated home and config, the sandbox as the server, a captured
// CLI IO, and a "browser" that answers the sandbox's sign-in page the way a person would.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startSandbox, DEMO_START_URL, type Sandbox } from '../../src/sandbox/index.js';
import type { CliIO } from '../../src/cli/io.js';
import type { HostProbe } from '../../src/engine/sso/index.js';

export { DEMO_START_URL };

export interface TestHome {
  home: string;
  configPath: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/** A fresh HOME with `config` as ~/.aws/config; the sandbox URL reaches OIDC and the portal. */
export function makeHome(sandbox: Sandbox, config = ''): TestHome {
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-sso-'));
  const configPath = join(home, 'config');
  writeFileSync(configPath, config);
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    PATH: process.env.PATH,
    AWS_CONFIG_FILE: configPath,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: sandbox.url,
    XDG_STATE_HOME: join(home, 'state'),
  };
  return { home, configPath, env, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export function sessionConfig(name = 'my-sso', extra = ''): string {
  return `[profile dev]\nsso_session = ${name}\nsso_account_id = 111111111111\nsso_role_name = AdministratorAccess\nregion = us-west-2\n`
    + `[sso-session ${name}]\nsso_start_url = ${DEMO_START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n${extra}`;
}

export interface CapturedIO extends CliIO {
  out(): string;
  err(): string;
}

export function captureIO(env: NodeJS.ProcessEnv): CapturedIO {
  let out = '';
  let err = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  return {
    stdout: { write: (c: string | Uint8Array) => { out += String(c); return true; } },
    stderr: { write: (c: string | Uint8Array) => { err += String(c); return true; } },
    stdin,
    env,
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

/** A desktop with a display: PKCE is the default there. */
export const desktopProbe = (env: NodeJS.ProcessEnv): HostProbe => ({ env, platform: 'darwin', exists: () => false });

export async function approve(sandbox: Sandbox, userCode: string, allow = true): Promise<{ redirect?: string; kind?: string }> {
  const res = await fetch(`${sandbox.url}/sandbox/approve`, { method: 'POST', body: JSON.stringify({ userCode, allow }) });
  if (!res.ok) throw new Error(`approve failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { redirect?: string; kind?: string };
}

/** The person's browser: for a device URL approves its code; for an authorize URL approves and follows the redirect. */
export function approvingBrowser(sandbox: Sandbox, opts: { allow?: boolean; opened?: string[] } = {}) {
  const allow = opts.allow ?? true;
  return async (url: string): Promise<void> => {
    opts.opened?.push(url);
    const u = new URL(url);
    if (u.pathname === '/authorize') {
      const page = await fetch(url, { headers: { accept: 'application/json' } });
      const { userCode } = (await page.json()) as { userCode: string };
      const { redirect } = await approve(sandbox, userCode, allow);
      if (redirect) await fetch(redirect);
      return;
    }
    const code = u.searchParams.get('user_code');
    if (code) await approve(sandbox, code, allow);
  };
}

export async function withSandbox(options: Parameters<typeof startSandbox>[0] = { seed: 'demo' }): Promise<Sandbox> {
  return startSandbox(options);
}
