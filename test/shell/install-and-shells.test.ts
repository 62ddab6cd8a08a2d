// Installing and using awsdeck as a new user would: the packed tarball installed into a temporary
// prefix with --offline and an empty npm cache, run from there (version, an operation against the
// sandbox, --demo through npx in tmux); then completion and the shell-init wrapper in real
// interactive bash, zsh and fish under tmux (CI=false), ending with a profile and region chosen in
// the dashboard and read back from the same shell. Needs the bundle (npm run build).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

const repo = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'awsdeck-install-'));
const prefix = join(work, 'prefix');
const home = join(work, 'home');
mkdirSync(join(home, '.aws'), { recursive: true });
writeFileSync(join(home, '.aws/config'), '[default]\nregion = us-east-1\n\n[profile team-dev]\nregion = eu-west-1\n\n[profile team-prod]\nregion = us-west-2\n');
writeFileSync(join(home, '.aws/credentials'), '[ci-bot]\naws_access_key_id = AKIAEXAMPLE00000001\naws_secret_access_key = never-shown\n');
// Every endpoint is a closed local port: the dashboard's identity checks never leave the machine.
const env: Record<string, string> = {
  HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
  AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1', CI: 'false',
  TERM: 'xterm-256color', PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, npm_config_cache: join(work, 'npm-cache'),
  TMPDIR: work,
};
let tarball = '';

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...env, ...extraEnv }, encoding: 'utf8', cwd: work }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const sockets: string[] = [];
afterAll(() => { for (const socket of sockets) spawnSync('tmux', ['-L', socket, 'kill-server']); });

/** A terminal of its own running `command` with the test's environment. */
function terminal(name: string, command: string) {
  const socket = `awsdeck-${name}-${process.pid}`;
  sockets.push(socket);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const assignments = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join(' ');
  tmux('new-session', '-d', '-s', 't', '-x', '150', '-y', '40', `env ${assignments} ${command}`);
  const pane = () => tmux('capture-pane', '-p', '-t', 't');
  return {
    pane,
    keys: (...keys: string[]) => { for (const key of keys) tmux('send-keys', '-t', 't', key); },
    type: (text: string) => tmux('send-keys', '-t', 't', '-l', text),
    async waitFor(test: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = pane();
        if (test(text)) return text;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${text}`);
        await new Promise((r) => setTimeout(r, 40));
      }
    },
  };
}

beforeAll(async () => {
  if (!existsSync(join(repo, 'dist/completer.js'))) throw new Error('dist/ is missing: run npm run build');
  const packed = await new Promise<string>((resolve, reject) => {
    execFile('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: repo, env: { ...process.env, npm_config_cache: join(work, 'pack-cache') }, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim().split('\n').pop()!)));
  });
  tarball = join(work, packed);
  const install = await run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball]);
  if (install.status !== 0) throw new Error(`offline install failed: ${install.stderr}`);
}, 120_000);

describe('the packed tarball', () => {
  it('installs offline with nothing to fetch, small, with its models compressed', async () => {
    const installed = join(prefix, 'lib/node_modules/awsdeck');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const size = Number(execFileSync('du', ['-sk', installed], { encoding: 'utf8' }).split('\t')[0]) * 1024;
    expect(size).toBeLessThan(20 * 1024 * 1024);
    const models = readdirSync(join(installed, 'models'));
    expect(models).toContain('index.json');
    expect(models.filter((f) => f.endsWith('.json.br')).length).toBeGreaterThan(300);
    expect(existsSync(join(installed, 'dist/meta.json'))).toBe(false);
    const version = await run('awsdeck', ['--version']);
    expect(version.stdout).toMatch(/^awsdeck\/0\.1\.0 Node\.js\//);
  });

  describe('against the sandbox', () => {
    let sandbox: Sandbox;
    beforeAll(async () => { sandbox = await startSandbox({ seed: 'demo' }); });
    afterAll(async () => { await sandbox?.close(); });
    it('runs an operation', async () => {
      const result = await run('awsdeck', ['sts', 'get-caller-identity', '--endpoint-url', sandbox.url, '--region', 'us-east-1'],
        { AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toHaveProperty('Account');
    });
  });

  it('starts --demo through npx from the tarball, offline', async () => {
    const term = terminal('npx', `npx --offline --yes --package ${tarball} awsdeck --demo; echo EXITED:$?; sleep 60`);
    await term.waitFor((t) => t.includes('? help'), 'the demo dashboard', 60_000);
    term.keys('q');
    await term.waitFor((t) => t.includes('EXITED:0'), 'the demo to quit');
  }, 90_000);

  it('prints the line to paste when `use` runs without the wrapper', async () => {
    expect((await run('awsdeck', ['use', 'team-prod'])).stdout).toBe('export AWS_PROFILE=team-prod\n');
    expect((await run('awsdeck', ['use', 'team-prod', '--region', 'eu-north-1'], { SHELL: '/usr/bin/fish' })).stdout)
      .toBe('set -gx AWS_PROFILE team-prod; set -gx AWS_REGION eu-north-1\n');
    const missing = await run('awsdeck', ['use', 'nope']);
    expect(missing.status).toBe(255);
    expect(missing.stderr).toContain('The config profile (nope) could not be found');
  });
});

const shells = [
  // How to have the candidates listed: bash lists on the second Tab, zsh and fish on the first.
  { name: 'bash', start: 'bash --norc --noprofile -i', init: 'eval "$(awsdeck shell-init bash)"', list: ['Tab', 'Tab'] },
  { name: 'zsh', start: 'zsh -f -i', init: 'eval "$(awsdeck shell-init zsh)"', list: ['Tab'] },
  { name: 'fish', start: 'fish --no-config -i', init: 'awsdeck shell-init fish | source', list: ['Tab'] },
].filter((shell) => spawnSync('sh', ['-c', `command -v ${shell.name}`]).status === 0);

describe.each(shells)('in an interactive $name', (shell) => {
  it('completes operations, parameters, values and profiles, and switches the shell\'s profile', async () => {
    const term = terminal(shell.name, shell.start);
    term.type(`${shell.init}; echo READY`);
    term.keys('Enter');
    await term.waitFor((t) => /^READY$/m.test(t), 'shell-init');
    const lastLine = () => term.pane().trimEnd().split('\n').pop() ?? '';
    // Ctrl-C drops the line; the next keys wait for the fresh prompt.
    const abandonLine = async () => {
      term.keys('C-c');
      await term.waitFor(() => !lastLine().includes('awsdeck'), 'a fresh prompt');
    };
    // (tmux drops the blank a completed word ends with: the next completion shows it was added)
    const completes = async (typed: string, completed: string) => {
      const expected = completed.trimEnd();
      term.type(typed);
      term.keys('Tab');
      await term.waitFor(() => lastLine().includes(expected), `${typed} → ${expected}`);
      await abandonLine();
    };
    // A unique prefix completes in place: operations, parameters, enum values.
    await completes('awsdeck ec2 describe-instance-type-o', 'awsdeck ec2 describe-instance-type-offerings ');
    await completes('awsdeck ec2 describe-instances --instance-i', '--instance-ids ');
    await completes('awsdeck ec2 run-instances --instance-type t3.mi', '--instance-type t3.micro ');
    await completes('awsdeck --output yaml-s', '--output yaml-stream ');
    await completes('awsdeck s3 ls --profile team-d', '--profile team-dev ');
    await completes('awsdeck configure list-p', 'awsdeck configure list-profiles ');
    // Several candidates are listed: --output's formats, the profiles of both files.
    term.type('awsdeck sts get-caller-identity --output ');
    term.keys(...shell.list);
    await term.waitFor((t) => ['json', 'text', 'table', 'yaml-stream'].every((f) => t.includes(f)), 'the --output formats');
    await abandonLine();
    term.type('clear');
    term.keys('Enter');
    await term.waitFor((t) => !t.includes('yaml-stream'), 'a clear screen');
    term.type('awsdeck use ');
    term.keys(...shell.list);
    await term.waitFor((t) => ['default', 'team-dev', 'team-prod', 'ci-bot'].every((p) => t.includes(p)), 'the profile names');
    await abandonLine();

    // `use` through the wrapper changes this shell.
    term.type('awsdeck use team-dev --region eu-central-1; echo "P=$AWS_PROFILE R=$AWS_REGION"');
    term.keys('Enter');
    await term.waitFor((t) => t.includes('P=team-dev R=eu-central-1'), 'AWS_PROFILE from use');

    // The dashboard: the last profile (ci-bot) with Enter ("use profile"), region eu-north-1 with r, q.
    term.type('clear; awsdeck');
    term.keys('Enter');
    await term.waitFor((t) => t.includes('use profile') && t.includes('ci-bot'), 'the dashboard');
    term.keys('G', 'Enter');
    await term.waitFor((t) => t.includes('profile ci-bot'), 'ci-bot in use');
    term.keys('r');
    await term.waitFor((t) => t.includes('│ Region') && t.includes('ap-south-1'), 'the region picker');
    term.type('eu-north-1');
    term.keys('Enter');
    await term.waitFor((t) => t.includes('region eu-north-1'), 'the region chosen');
    term.keys('q');
    await term.waitFor((t) => !t.includes('use profile'), 'the dashboard to quit');
    term.type('echo "P=$AWS_PROFILE R=$AWS_REGION"');
    term.keys('Enter');
    await term.waitFor((t) => t.includes('P=ci-bot R=eu-north-1'), 'AWS_PROFILE and AWS_REGION from the dashboard');
  }, 120_000);
});
