// `awsdeck --demo`: the sandbox in-process on a free loopback port plus a throw-away AWS config
// folder (profiles, credentials, SSO/CLI caches) that points every service at it. Nothing reads
// or writes the user's ~/.aws, and cleanup() removes it all. This module stays small (the sandbox
// itself is imported when it starts) so the dashboard's first frame does not wait for it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from './index.js';
import { DEMO_ACCOUNTS, DEMO_MFA_SEED, DEMO_START_URL, DEMO_USER, MFA_ROLE_NAME, PERMISSION_SETS, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from './seed-org.js';
import { totp } from './totp.js';
import { FaultSpecError, parseFaultSpec } from './fault-plan.js';

export interface DemoEnvironment {
  /** Environment for the dashboard (or a child process): config files, HOME, endpoint, profile. */
  env: NodeJS.ProcessEnv;
  sandbox: Sandbox;
  /** The temporary folder holding config, credentials and caches. */
  dir: string;
  /** Serial number of the demo user's MFA device. */
  mfaSerial: string;
  /** The device's current 6-digit code. */
  mfaHint(): string;
  cleanup(): Promise<void>;
}

export interface PrepareDemoOptions {
  /** Environment to start from (default process.env); every AWS_* variable in it is dropped. */
  baseEnv?: NodeJS.ProcessEnv;
  region?: string;
}

const SHORT_ROLE: Record<string, string> = { AdministratorAccess: 'admin', ReadOnlyAccess: 'readonly' };

export function demoConfig(endpoint: string, region: string): string {
  const lines = [
    '# Written by awsdeck --demo; removed when the demo exits.',
    '[default]', `region = ${region}`, 'output = json', `endpoint_url = ${endpoint}`, '',
    '[sso-session demo]', `sso_start_url = ${DEMO_START_URL}`, 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access', '',
  ];
  for (const [env, account] of Object.entries(DEMO_ACCOUNTS)) {
    for (const set of PERMISSION_SETS) {
      lines.push(`[profile ${env}-${SHORT_ROLE[set]}]`, 'sso_session = demo', `sso_account_id = ${account.accountId}`, `sso_role_name = ${set}`, `region = ${region}`, `endpoint_url = ${endpoint}`, '');
    }
  }
  lines.push(
    '[profile demo]', `region = ${region}`, `endpoint_url = ${endpoint}`, '',
    '[profile prod-breakglass]', `role_arn = arn:aws:iam::${DEMO_ACCOUNTS.prod.accountId}:role/${MFA_ROLE_NAME}`, 'source_profile = demo',
    `mfa_serial = arn:aws:iam::${DEMO_ACCOUNTS.dev.accountId}:mfa/${DEMO_USER}`, 'role_session_name = demo-breakglass', `region = ${region}`, `endpoint_url = ${endpoint}`, '',
  );
  return lines.join('\n');
}

export function demoCredentials(): string {
  const keys = `aws_access_key_id = ${SANDBOX_ACCESS_KEY_ID}\naws_secret_access_key = ${SANDBOX_SECRET_ACCESS_KEY}\n`;
  return `[default]\n${keys}\n[demo]\n${keys}`;
}

/** The sandbox of `prepareDemo({ deferSandbox: true })`: listening from the start, seeded on demand. */
export interface DeferredSandbox {
  url: string;
  port: number;
  /** Seeds the sandbox (once) and resolves with it; the first request does the same. */
  ready(): Promise<Sandbox>;
  close(): Promise<void>;
}

export interface DeferredDemoEnvironment extends Omit<DemoEnvironment, 'sandbox'> {
  sandbox: DeferredSandbox;
}

/**
 * `deferSandbox`: listen at once but load and seed the sandbox (most of the demo's start-up work)
 * only when the first request arrives or `sandbox.ready()` is called, so the dashboard can draw its
 * first frame, which needs only the config files, before that.
 */
export async function prepareDemo(options: PrepareDemoOptions & { deferSandbox: true }): Promise<DeferredDemoEnvironment>;
export async function prepareDemo(options?: PrepareDemoOptions & { deferSandbox?: false }): Promise<DemoEnvironment>;
export async function prepareDemo(options: PrepareDemoOptions & { deferSandbox?: boolean } = {}): Promise<DemoEnvironment | DeferredDemoEnvironment> {
  const region = options.region ?? 'us-east-1';
  // The fault mode, for trying the dashboard against throttling, resets or a skewed clock.
  const faults = (options.baseEnv ?? process.env).AWSDECK_SANDBOX_FAULTS || undefined;
  // A bad spec is said before the dashboard opens, not found later as every request failing.
  try {
    if (faults) parseFaultSpec(faults);
  } catch (err) {
    throw new FaultSpecError(`AWSDECK_SANDBOX_FAULTS: ${(err as Error).message}`);
  }
  const sandbox = options.deferSandbox ? await listenDeferred(faults) : await (await import('./index.js')).startSandbox({ seed: 'demo', host: '127.0.0.1', port: 0, faults });
  const dir = mkdtempSync(join(tmpdir(), 'awsdeck-demo-'));
  try {
    const awsDir = join(dir, '.aws');
    mkdirSync(join(awsDir, 'sso', 'cache'), { recursive: true, mode: 0o700 });
    mkdirSync(join(awsDir, 'cli', 'cache'), { recursive: true, mode: 0o700 });
    writeFileSync(join(awsDir, 'config'), demoConfig(sandbox.url, region), { mode: 0o600 });
    writeFileSync(join(awsDir, 'credentials'), demoCredentials(), { mode: 0o600 });
  } catch (err) {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const base = options.baseEnv ?? process.env;
  const env: NodeJS.ProcessEnv = {};
  // No proxy either: the demo's requests go to the local sandbox and never off the machine.
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('AWS_') && !k.toLowerCase().endsWith('_proxy')) env[k] = v;
  Object.assign(env, {
    HOME: dir,
    USERPROFILE: dir,
    AWS_CONFIG_FILE: join(dir, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, '.aws', 'credentials'),
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_PROFILE: 'demo',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWSDECK_DEMO: '1',
  });
  const mfaSerial = `arn:aws:iam::${DEMO_ACCOUNTS.dev.accountId}:mfa/${DEMO_USER}`;
  let cleaned = false;
  // A signal or a crash ends the process without cleanup(): the temporary folder still goes.
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  return {
    env,
    sandbox,
    dir,
    mfaSerial,
    mfaHint: () => totp(DEMO_MFA_SEED),
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      process.off('exit', removeDir);
      await sandbox.close();
      removeDir();
    },
  } as DemoEnvironment | DeferredDemoEnvironment;
}

/** A loopback server on a free port whose handler (and seeded state) is imported on first use. */
async function listenDeferred(faults: string | undefined): Promise<DeferredSandbox> {
  const host = '127.0.0.1';
  let sandbox: Promise<{ sandbox: Sandbox; listener: (req: IncomingMessage, res: ServerResponse) => void }> | undefined;
  const load = () => (sandbox ??= import('./index.js').then(({ createSandboxState, sandboxRequestListener }) => {
    const state = createSandboxState({ seed: 'demo', faults });
    state.options.baseUrl = url;
    return { sandbox: { url, port, state, close }, listener: sandboxRequestListener(state) };
  }));
  const server = createServer({ keepAlive: true }, (req, res) => {
    load().then(({ listener }) => listener(req, res), (err: unknown) => {
      process.env.AWSDECK_SANDBOX_DEBUG && console.error(err);
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  return { url, port, ready: async () => (await load()).sandbox, close };
}
