// Secrets never leave the places meant to hold them. The suite's representative CLI and dashboard
// scenarios run with known secrets (the sandbox's secret key, a profile's own session token) and the
// ones they obtain (assumed-role and MFA session keys and tokens, SSO access and refresh tokens,
// the OIDC client secret, read back from the caches afterwards); none may appear in stdout,
// stderr, --debug, error messages, the audit log, an export, the screen, or any file other than
// the credentials file and the caches.
//
// Deliberately not run: `configure get aws_secret_access_key` and `configure export-credentials`
// print secrets because that is what they are for (as the AWS CLI's do), and so do the dashboard's
// `e` (export credentials for your shell) and `x` (a subshell with them) on the home; `S` in a
// detail view shows them on purpose, and that screen is checked for the reveal, not for leaks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SECRET_ACCESS_KEY, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startInTmux, type TmuxApp } from '../support/tmux-app.js';
import { CliSession } from './cli-session.js';
import { startEchoingRefuser } from './echo-server.js';
import { filesUnder, secretsIn, secretsOfJson, type Secret } from './secret-values.js';

const OWN_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEdistinctiveSessionToken0123456789abcdefLEAKCHECK';
const OWN_SECRET = 'ownSecretKeyDistinctive/LEAKCHECK/0123456789ab';
const SECRET_FIELDS = /^(SecretAccessKey|SessionToken|accessToken|refreshToken|clientSecret)$/;
/** Files whose job is to hold secrets. */
const MEANT_TO_HOLD = /^\.aws\/(credentials(\.bak)?|cli\/cache\/[^/]+\.json|sso\/cache\/[^/]+\.json|awsdeck\/mfa-sessions\/[^/]+\.json)$/;

let sandbox: Sandbox;
let refuser: Awaited<ReturnType<typeof startEchoingRefuser>>;
let cli: CliSession;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', host: '127.0.0.1', port: 0 });
  refuser = await startEchoingRefuser();
  cli = new CliSession(sandbox.url);
  await cli.configureProfiles();
});
afterAll(async () => {
  await refuser?.close();
  await sandbox?.close();
});

function cacheSecrets(home: string): Secret[] {
  return filesUnder(home).filter((f) => MEANT_TO_HOLD.test(relative(home, f)) && f.endsWith('.json')).flatMap((f) => secretsOfJson(f, SECRET_FIELDS));
}

describe('the command line', () => {
  it('prints no secret in any scenario, with or without --debug, and writes none outside the caches', async () => {
    const ok = async (run: Promise<{ status: number; stderr: string; args: string[] }>) => {
      const r = await run;
      expect(r.status, `${r.args.join(' ')}\n${r.stderr.slice(-2000)}`).toBe(0);
    };
    const local = join(cli.home, 'index.html');
    // Independent runs go in parallel (the sandbox answers them all); the later ones use what the
    // earlier ones cached (assumed role, MFA session, SSO token).
    await Promise.all([
      ok(cli.run(['sts', 'get-caller-identity', '--profile', 'demo', '--debug'])),
      ok(cli.withMfa(['sts', 'get-caller-identity', '--profile', 'breakglass', '--debug'])),
      ok(cli.ssoLogin(['--sso-session', 'demo', '--debug'])),
      ok(cli.run(['configure', 'list', '--profile', 'demo'])),
      // A profile with its own session token, for the refused calls below.
      ok(cli.run(['configure', 'set', 'aws_access_key_id', 'ASIAOWNKEYLEAKCHECK1', '--profile', 'own'])),
      ok(cli.run(['configure', 'set', 'aws_secret_access_key', OWN_SECRET, '--profile', 'own'])),
      ok(cli.run(['configure', 'set', 'aws_session_token', OWN_SESSION_TOKEN, '--profile', 'own'])),
      ok(cli.run(['configure', 'set', 'region', 'us-east-1', '--profile', 'own'])),
    ]);
    const refused = (args: string[]) => cli.run(args).then((r) => expect(r.status, r.args.join(' ')).not.toBe(0));
    await Promise.all([
      ok(cli.run(['sts', 'get-caller-identity', '--profile', 'breakglass', '--debug'])), // from the caches
      ok(cli.run(['sts', 'get-caller-identity', '--profile', 'dev-admin', '--debug'])),
      ok(cli.run(['s3', 'cp', 's3://awsdeck-demo-dev-assets/index.html', local, '--profile', 'dev-admin', '--debug'])),
      ok(cli.run(['configure', 'list', '--profile', 'breakglass'])),
      ok(cli.ssoLoginInBrowser(['--sso-session', 'demo', '--debug'])), // PKCE: a refresh token this time
      cli.run(['configure', 'lint']), // its exit code says whether it found problems; its words are what matter here
      // Refused by a server that echoes the request back (session token header included), and by
      // the sandbox (an unknown key); the assumed-role session's keys come from the cache.
      ...[[], ['--debug']].flatMap((debug) => [
        refused(['s3api', 'list-objects-v2', '--bucket', 'b', '--profile', 'own', '--endpoint-url', refuser.url, ...debug]),
        refused(['sts', 'get-caller-identity', '--profile', 'own', ...debug]),
        refused(['s3api', 'list-objects-v2', '--bucket', 'b', '--profile', 'breakglass', '--endpoint-url', refuser.url, ...debug]),
      ]),
    ]);
    await ok(cli.run(['s3', 'cp', local, 's3://awsdeck-demo-dev-assets/copy.html', '--profile', 'dev-admin', '--debug']));

    const secrets: Secret[] = [
      { name: 'the sandbox secret key', value: SANDBOX_SECRET_ACCESS_KEY },
      { name: 'own secret key', value: OWN_SECRET },
      { name: 'own session token', value: OWN_SESSION_TOKEN },
      ...cacheSecrets(cli.home),
    ];
    // The scenarios did obtain each kind of secret (otherwise this test would prove little).
    for (const field of ['SecretAccessKey', 'SessionToken', 'accessToken', 'refreshToken', 'clientSecret']) {
      expect(secrets.some((s) => s.name.endsWith(`.${field}`)), field).toBe(true);
    }
    expect(secrets.some((s) => s.name.includes('mfa-sessions'))).toBe(true);
    const leaks: string[] = [];
    for (const run of cli.runs) {
      for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
        for (const name of secretsIn(text, secrets)) leaks.push(`awsdeck ${run.args.join(' ')} (${stream}): ${name}`);
      }
    }
    for (const file of filesUnder(cli.home).filter((f) => !MEANT_TO_HOLD.test(relative(cli.home, f)))) {
      for (const name of secretsIn(readFileSync(file, 'latin1'), secrets)) leaks.push(`${relative(cli.home, file)}: ${name}`);
    }
    expect(leaks).toEqual([]);
  }, 50_000);
});

describe('the dashboard on --demo', () => {
  let app: TmuxApp | undefined;
  afterAll(() => app?.kill());

  it('shows no secret on any screen, in an export or in the audit log; S reveals a detail\'s secrets on purpose', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'awsdeck-leaks-tmux-'));
    const cwd = mkdtempSync(join(tmp, 'cwd-'));
    const home = mkdtempSync(join(tmp, 'home-'));
    const state = join(tmp, 'state');
    app = startInTmux('leaks', `node ${join(process.cwd(), 'dist/awsdeck.js')} --demo`,
      { CI: 'false', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, XDG_STATE_HOME: state, AWS_EC2_METADATA_DISABLED: 'true' }, { width: 160, height: 40 }, cwd);
    const screens: string[] = [];
    const see = async (test: (t: string) => boolean, what: string) => {
      const text = await app!.waitForPane(test, what, 30_000);
      screens.push(text);
      return text;
    };
    const atHome = (what: string) => see((t) => /demo\s+static keys\s+valid/.test(t) && !/SETTING\s+VALUE/.test(t), what);
    // A bare Esc followed at once by a key reads as Alt+key: each Esc waits for its screen.
    const back = async (gone: (t: string) => boolean, what: string) => { app!.press('Escape'); await see(gone, what); };
    await atHome('the demo home');
    app.press('i'); // why this identity: every setting of the demo profile (static keys) and its source
    await see((t) => t.includes('aws_secret_access_key'), 'the settings of the demo profile');
    await back((t) => !/SETTING\s+VALUE/.test(t), 'home again');
    app.press('d'); // the selected profile's details
    await see((t) => /SETTING\s+VALUE\s+SOURCE/.test(t), 'a profile detail');
    await back((t) => !/SETTING\s+VALUE/.test(t), 'home again');
    app.palette('sts get-caller-identity');
    await see((t) => /Arn: arn:aws:/.test(t), 'the identity');
    await back((t) => !/Arn: arn:aws:/.test(t), 'home again');
    app.palette('sts get-session-token');
    const masked = await see((t) => /SecretAccessKey: /.test(t) && /SessionToken: /.test(t), 'a session token detail');
    expect(masked).toContain('secret values hidden (S shows)');
    expect(masked).toMatch(/SecretAccessKey: '?\*{16}'?/);
    app.press('S');
    const revealed = await app.waitForPane((t) => /SecretAccessKey: (?!'?\*)\S{20,}/.test(t), 'the secrets shown on purpose');
    const issued: Secret[] = ['SecretAccessKey', 'SessionToken'].map((field) => ({ name: `get-session-token ${field}`, value: new RegExp(`${field}: (\\S+)`).exec(revealed)![1]! }));
    app.press('S');
    await see((t) => /SecretAccessKey: '?\*{16}/.test(t), 'hidden again');
    app.press('?');
    await see((t) => t.includes('Keys (some depend') && t.includes('show / hide secret values'), 'the help listing S');
    await back((t) => !t.includes('Keys (some depend'), 'help closed');
    await back((t) => !/SecretAccessKey/.test(t), 'home again');
    app.palette('ec2');
    await see((t) => /dev-web-1\s+running/.test(t), 'the instances');
    app.press('d');
    await see((t) => t.includes('InstanceId: i-'), 'an instance detail');
    await back((t) => !t.includes('InstanceId: i-'), 'the instances again');
    app.press('S'); // stop dev-web-1: an action, so a line in the audit log
    await see((t) => t.includes('y go ahead'), 'the confirmation');
    app.press('y');
    await see((t) => /dev-web-1\s+(stopping|stopped)/.test(t), 'dev-web-1 stopping');
    app.press('e');
    await see((t) => t.includes('rows as shown'), 'the export bar');
    app.press('c');
    const exported = await see((t) => /rows written to \S+\.csv/.test(t), 'the export message');
    const exportPath = /rows written to (\S+\.csv)/.exec(exported)![1]!;
    await back((t) => !/rows written to/.test(t), 'the message closed');
    await back((t) => !/dev-web-1/.test(t), 'home again');
    app.press('q');
    await app.waitForPane((t) => t.includes('EXITED:'), 'awsdeck exited');
    expect(filesUnder(state).some((f) => f.endsWith('audit.jsonl'))).toBe(true);

    const secrets: Secret[] = [{ name: 'the sandbox secret key', value: SANDBOX_SECRET_ACCESS_KEY }, ...issued];
    const leaks: string[] = [];
    screens.forEach((screen, i) => { for (const name of secretsIn(screen, secrets)) leaks.push(`screen ${i}: ${name}`); });
    for (const file of [exportPath, ...filesUnder(state), ...filesUnder(cwd)]) {
      for (const name of secretsIn(readFileSync(file, 'latin1'), secrets)) leaks.push(`${file}: ${name}`);
    }
    expect(leaks).toEqual([]);
  }, 90_000);
});
