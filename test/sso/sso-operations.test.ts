// The sso service's own operations (list-accounts, list-account-roles, get-role-credentials)
// beside `sso login`/`logout`: awsdeck's bundle and the AWS CLI v2 against the sandbox's SSO
// portal (there is no independent one), compared byte for byte. Tokens and secret keys are
// never printed by a failing assertion: outputs are compared with them masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, DEMO_START_URL, type Sandbox } from '../../src/sandbox/index.js';
import { isolatedEnv, runAws } from '../sandbox/cli-helpers.js';
import { runAwsdeckAsync as runShared, type RunResult } from '../support/cli.js';
import { buildPrivateBundle } from '../support/private-bundle.js';

let sandbox: Sandbox;
let token: string;
let env: NodeJS.ProcessEnv;
let bundle: string;
const runAwsdeckAsync = (args: string[], e: NodeJS.ProcessEnv) => runShared(args, e, bundle);

beforeAll(async () => {
  bundle = await buildPrivateBundle();
  sandbox = await startSandbox({ seed: 'demo' });
  token = sandbox.state.sso.issueToken('test-client', DEMO_START_URL, ['sso:account:access'], false).token.accessToken;
  // No static keys: the portal operations are unsigned, as in the CLI.
  env = isolatedEnv({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
});
afterAll(async () => { await sandbox?.close(); });

/** Secrets out of anything an assertion may print. */
function masked(r: RunResult): RunResult {
  const hide = (s: string) => s.split(token).join('<token>')
    .replace(/"(secretAccessKey|sessionToken)": "[^"]*"/g, '"$1": "<secret>"')
    .replace(/\t[A-Za-z0-9/+=]{30,}/g, '\t<secret>')
    // Fresh role credentials on every call: their key id and expiry differ between the two runs.
    .replace(/ASIA[A-Z0-9]{16}/g, '<key-id>').replace(/"expiration": \d+/g, '"expiration": <ms>');
  return { stdout: hide(r.stdout), stderr: hide(r.stderr), status: r.status };
}

async function both(args: string[]): Promise<[RunResult, RunResult]> {
  // Both asynchronously: the sandbox answers from this process.
  const [theirs, ours] = await Promise.all([runAws(sandbox.url, args, env), runAwsdeckAsync(['--endpoint-url', sandbox.url, ...args], env)]);
  return [masked({ stdout: theirs.stdout, stderr: theirs.stderr, status: theirs.code }), masked(ours)];
}

describe('sso operations next to sso login/logout', () => {
  const cases: Array<[string, () => string[]]> = [
    ['list-accounts', () => ['sso', 'list-accounts', '--access-token', token]],
    ['list-accounts as text, paged by one', () => ['sso', 'list-accounts', '--access-token', token, '--page-size', '1', '--output', 'text']],
    ['list-accounts --max-items 1 (NextToken printed)', () => ['sso', 'list-accounts', '--access-token', token, '--max-items', '1']],
    ['list-account-roles as a table', () => ['sso', 'list-account-roles', '--access-token', token, '--account-id', '111111111111', '--output', 'table']],
    ['get-role-credentials (global options before the service)', () => ['--output', 'json', 'sso', 'get-role-credentials', '--access-token', token, '--account-id', '111111111111', '--role-name', 'AdministratorAccess']],
    ['get-role-credentials with --query', () => ['sso', 'get-role-credentials', '--access-token', token, '--account-id', '111111111111', '--role-name', 'AdministratorAccess', '--query', 'roleCredentials.accessKeyId', '--output', 'text']],
    ['an unknown token is the service error', () => ['sso', 'list-accounts', '--access-token', 'not-a-token']],
    ['a missing required parameter', () => ['sso', 'list-account-roles', '--access-token', token]],
    ['no operation', () => ['sso']],
    ['an unknown operation lists the operations and commands', () => ['sso', 'list-acounts']],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const [theirs, ours] = await both(['--region', 'us-east-1', ...args()]);
      expect(ours.status).toBe(theirs.status);
      expect(ours.stdout).toBe(theirs.stdout);
      // awsdeck names itself where the CLI says `aws`, and offers one more command (populate).
      const theirStderr = theirs.stderr.replace(/\baws\b/g, 'awsdeck').replace('login                                    | help', 'login                                    | populate                                \nhelp');
      expect(ours.stderr).toBe(theirStderr);
    }, 60_000);
  }

  it('get-role-credentials returns the role credentials (secrets stay out of the test output)', async () => {
    const r = await runAwsdeckAsync(['--endpoint-url', sandbox.url, '--region', 'us-east-1', 'sso', 'get-role-credentials',
      '--access-token', token, '--account-id', '111111111111', '--role-name', 'AdministratorAccess'], env);
    expect(r.status).toBe(0);
    const creds = JSON.parse(r.stdout).roleCredentials as Record<string, unknown>;
    expect(Object.keys(creds).sort()).toEqual(['accessKeyId', 'expiration', 'secretAccessKey', 'sessionToken']);
    expect(String(creds.accessKeyId)).toMatch(/^ASIA/);
  }, 60_000);

  it('sso logout still clears the cache, with global options before or after it', async () => {
    for (const args of [['--region', 'us-east-1', 'sso', 'logout'], ['sso', 'logout', '--region', 'us-east-1', '--output', 'json']]) {
      const r = await runAwsdeckAsync(['--endpoint-url', sandbox.url, ...args], env);
      expect(masked(r)).toEqual({ stdout: '', stderr: '', status: 0 });
    }
  }, 60_000);

  it('sso help lists the operations and the login/logout/populate commands', async () => {
    const r = await runAwsdeckAsync(['sso', 'help'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/list-accounts[\s\S]*Commands:\n {2}login[\s\S]*\n {2}logout[\s\S]*\n {2}populate/);
    expect(r.stdout).not.toMatch(/Operations[^:]*:[^C]*\n {2}logout\n/);
  }, 60_000);
});
