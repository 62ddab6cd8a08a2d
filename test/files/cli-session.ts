// The shipped CLI (dist/awsdeck.js) run against an in-process sandbox from a fresh, isolated HOME,
// keeping every run's output so a test can look at all of it afterwards. Runs are asynchronous:
// the sandbox answers from this same process.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_MFA_SEED, DEMO_START_URL, DEMO_USER, MFA_ROLE_NAME, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, totp } from '../../src/sandbox/index.js';

export interface CliRun { args: string[]; status: number; stdout: string; stderr: string }

export const MFA_SERIAL = `arn:aws:iam::${DEMO_ACCOUNTS.dev.accountId}:mfa/${DEMO_USER}`;

export class CliSession {
  readonly home = mkdtempSync(join(tmpdir(), 'awsdeck-files-home-'));
  readonly env: NodeJS.ProcessEnv;
  readonly runs: CliRun[] = [];

  constructor(readonly endpoint: string, extraEnv: NodeJS.ProcessEnv = {}) {
    this.env = {
      PATH: process.env.PATH, HOME: this.home, USERPROFILE: this.home,
      AWS_CONFIG_FILE: join(this.home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(this.home, '.aws', 'credentials'),
      XDG_STATE_HOME: join(this.home, '.local', 'state'), AWS_ENDPOINT_URL: endpoint, AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
      ...extraEnv,
    };
  }

  /** Runs awsdeck; `answer` is typed on stdin once stderr shows `prompt`. */
  run(args: string[], answer?: { prompt: string; text: () => string }): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/awsdeck.js', ...args], { env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let answered = false;
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => {
        stderr += d;
        if (answer && !answered && stderr.includes(answer.prompt)) { answered = true; child.stdin.end(`${answer.text()}\n`); }
      });
      if (!answer) child.stdin.end();
      child.on('error', reject);
      child.on('close', (status) => {
        const run = { args, status: status ?? -1, stdout, stderr };
        this.runs.push(run);
        resolve(run);
      });
    });
  }

  /** `sso login` with the device code, approved through the sandbox as the demo user. */
  ssoLogin(args: string[]): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/awsdeck.js', 'sso', 'login', '--use-device-code', '--no-browser', ...args], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let approved = false;
      child.stdout.on('data', (d) => {
        stdout += d;
        const code = /Then enter the code:\n\n(\S+)\n/.exec(stdout)?.[1];
        if (code && !approved) {
          approved = true;
          fetch(`${this.endpoint}/sandbox/approve`, { method: 'POST', body: JSON.stringify({ userCode: code, allow: true }) }).catch(reject);
        }
      });
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('close', (status) => {
        const run = { args: ['sso', 'login', ...args], status: status ?? -1, stdout, stderr };
        this.runs.push(run);
        resolve(run);
      });
    });
  }

  /**
   * `sso login` with the browser flow (PKCE; its registration gets refresh tokens): the test plays
   * the browser, approving the pending sign-in and following the redirect to awsdeck's listener.
   */
  ssoLoginInBrowser(args: string[]): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/awsdeck.js', 'sso', 'login', '--no-browser', '--no-use-device-code', ...args], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let visited = false;
      const playBrowser = async (authorizeUrl: string) => {
        const page = await (await fetch(authorizeUrl, { headers: { accept: 'application/json' } })).json() as { userCode: string };
        const decision = await (await fetch(`${this.endpoint}/sandbox/approve`, { method: 'POST', body: JSON.stringify({ userCode: page.userCode, allow: true }) })).json() as { redirect: string };
        await fetch(decision.redirect);
      };
      child.stdout.on('data', (d) => {
        stdout += d;
        const url = /^(http\S+\/authorize\?\S+)$/m.exec(stdout)?.[1];
        if (url && !visited) { visited = true; playBrowser(url).catch(reject); }
      });
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('close', (status) => {
        const run = { args: ['sso', 'login', '--no-use-device-code', ...args], status: status ?? -1, stdout, stderr };
        this.runs.push(run);
        resolve(run);
      });
    });
  }

  /**
   * The profiles every scenario uses, written through `configure set` (so awsdeck creates the
   * files): static keys (`demo`), a role behind the demo MFA device (`breakglass`), and an SSO
   * profile (`dev-admin`, its sso-session added to the file afterwards: `configure set` has no
   * form for that section).
   */
  async configureProfiles(): Promise<void> {
    const settings: Record<string, Array<[string, string]>> = {
      demo: [['aws_access_key_id', SANDBOX_ACCESS_KEY_ID], ['aws_secret_access_key', SANDBOX_SECRET_ACCESS_KEY], ['region', 'us-east-1'], ['endpoint_url', this.endpoint]],
      breakglass: [['role_arn', `arn:aws:iam::${DEMO_ACCOUNTS.prod.accountId}:role/${MFA_ROLE_NAME}`], ['source_profile', 'demo'], ['mfa_serial', MFA_SERIAL],
        ['region', 'us-east-1'], ['endpoint_url', this.endpoint]],
      'dev-admin': [['sso_session', 'demo'], ['sso_account_id', DEMO_ACCOUNTS.dev.accountId], ['sso_role_name', 'AdministratorAccess'], ['region', 'us-east-1'], ['endpoint_url', this.endpoint]],
    };
    // All at once: the writer's lock keeps every one of them (and the runs take less time).
    const runs = await Promise.all(Object.entries(settings).flatMap(([profile, pairs]) =>
      pairs.map(([key, value]) => this.run(['configure', 'set', key, value, '--profile', profile]))));
    appendFileSync(this.env.AWS_CONFIG_FILE!, `[sso-session demo]\nsso_start_url = ${DEMO_START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`);
    const failed = runs.filter((r) => r.status !== 0);
    if (failed.length) throw new Error(`configure set failed: ${failed.map((r) => r.stderr).join('\n')}`);
  }

  /** A profile call behind the demo MFA device, answering its prompt with the current code. */
  withMfa(args: string[]): Promise<CliRun> {
    return this.run(args, { prompt: `Enter MFA code for ${MFA_SERIAL}: `, text: () => totp(DEMO_MFA_SEED) });
  }
}
