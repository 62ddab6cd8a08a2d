// Dashboard benchmark: (1) time from process start to the first complete frame of the bundled
// dashboard in a real terminal (tmux, 80x24); (2) keypress→frame median on a 500-profile config;
// (3) ESC[2J (full clears) written while navigating. Never contacts AWS: every endpoint is a closed
// local port and HOME/AWS_* point into a temporary folder.   Run: node bench/dashboard.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'awsdeck-bench-'));
await build({
  entryPoints: { dashboard: join(root, 'bench/dashboard-entry.mjs') }, outdir: out, bundle: true, splitting: true, format: 'esm',
  platform: 'node', target: 'node20', external: ['react-devtools-core'], minify: true, outExtension: { '.js': '.mjs' },
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'error',
});
const bundle = join(out, 'dashboard.mjs');

function configWith(count) {
  const home = join(out, `home-${count}`);
  mkdirSync(join(home, '.aws'), { recursive: true });
  const config = [];
  const credentials = [];
  for (let i = 0; i < count; i++) {
    const name = `profile-${String(i).padStart(4, '0')}`;
    config.push(`[profile ${name}]\nregion = us-east-1\n`);
    credentials.push(`[${name}]\naws_access_key_id = AKIABENCH${String(i).padStart(8, '0')}\naws_secret_access_key = x\n`);
  }
  writeFileSync(join(home, '.aws/config'), config.join('\n'));
  writeFileSync(join(home, '.aws/credentials'), credentials.join('\n'));
  return {
    HOME: home, AWS_CONFIG_FILE: join(home, '.aws/config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1', CI: 'false', PATH: process.env.PATH,
  };
}

function firstFrameMs(env) {
  const session = `awsdeck-bench-${process.pid}`;
  const envArgs = Object.entries({ ...env, BENCH_MODE: 'tty' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const samples = [];
  for (let run = 0; run < 7; run++) {
    spawnSync('tmux', ['-L', 'awsdeck-bench', 'kill-session', '-t', session]);
    const start = performance.now();
    execFileSync('tmux', ['-L', 'awsdeck-bench', 'new-session', '-d', '-s', session, '-x', '80', '-y', '24', ...envArgs, `node ${bundle}`]);
    // Complete = header, table rows and the footer's help hint are all on screen.
    for (;;) {
      const pane = execFileSync('tmux', ['-L', 'awsdeck-bench', 'capture-pane', '-p', '-t', session], { encoding: 'utf8' });
      if (pane.includes('awsdeck profile') && pane.includes('profile-0000') && pane.includes('? help')) break;
      if (performance.now() - start > 10_000) throw new Error(`no frame:\n${pane}`);
    }
    samples.push(performance.now() - start);
    execFileSync('tmux', ['-L', 'awsdeck-bench', 'send-keys', '-t', session, 'q']);
    spawnSync('tmux', ['-L', 'awsdeck-bench', 'kill-session', '-t', session]);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: +samples[3].toFixed(0), minMs: +samples[0].toFixed(0), maxMs: +samples[6].toFixed(0) };
}

const baseline = (() => {
  const s = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); execFileSync(process.execPath, ['-e', '0']); s.push(performance.now() - t); }
  return +s.sort((a, b) => a - b)[2].toFixed(0);
})();
const firstFrame = firstFrameMs(configWith(12));
const keys = spawnSync(process.execPath, [bundle], { env: { ...configWith(500), BENCH_MODE: 'keys', FORCE_COLOR: '3' }, encoding: 'utf8' });
const navigation = JSON.parse(keys.stderr.split('\n').find((line) => line.startsWith('{"modulesLoadedMs"')) ?? 'null');
if (!navigation) console.error(keys.stderr.slice(-2000));
console.log(JSON.stringify({ nodeStartupMs: baseline, firstCompleteFrame80x24: firstFrame, navigation500Profiles: navigation }, null, 2));
