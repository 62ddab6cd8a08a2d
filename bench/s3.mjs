// s3 commands against the AWS CLI v2, same run, against the in-process sandbox (so that the
// clients' own cost shows): `s3 sync` of 600 small files up to a bucket and back down, and
// `s3 ls --recursive` over 10,000 keys of the demo's big bucket. Medians of --runs (default 5).
// Run: npm run build && node bench/s3.mjs [--runs N]
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } = await import('../src/sandbox/index.ts');
const { BIG_BUCKET } = await import('../src/sandbox/seed-resources.ts');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const FILES = 600;
const awsV2 = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n').find((f) => /\/bin\/aws$/.test(f));
const tools = {
  awsdeck: [process.execPath, [join(process.cwd(), 'dist/awsdeck.js')]],
  'AWS CLI v2': [awsV2, []],
};

const sandbox = await startSandbox({ seed: 'demo' });
const work = mkdtempSync(join(tmpdir(), 'awsdeck-bench-s3-'));
const env = {
  PATH: process.env.PATH, HOME: work, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', TZ: 'UTC',
};

/** Runs a command without blocking this process (the sandbox answers from it). */
function run(tool, args, cwd = work) {
  const [cmd, pre] = tools[tool];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, [...pre, '--endpoint-url', sandbox.url, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      if (status !== 0) reject(new Error(`${tool} ${args.join(' ')} exited ${status}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, stdout });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const source = join(work, 'files');
for (let i = 0; i < FILES; i++) {
  const dir = join(source, `dir-${String(i % 20).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `file-${String(i).padStart(4, '0')}.json`), JSON.stringify({ i, text: 'x'.repeat(200 + (i % 300)) }));
}
await run('awsdeck', ['s3', 'mb', 's3://bench-sync']);

const results = { sync: { awsdeck: [], 'AWS CLI v2': [] }, ls: { awsdeck: [], 'AWS CLI v2': [] }, node: [] };
const listingPrefix = `s3://${BIG_BUCKET}/events/batch-00`;
const listings = {};
for (const tool of Object.keys(tools)) listings[tool] = (await run(tool, ['s3', 'ls', listingPrefix, '--recursive'])).stdout; // warm-up
if (listings.awsdeck !== listings['AWS CLI v2']) throw new Error('the two listings differ');
const lines = listings.awsdeck.split('\n').filter(Boolean).length;

for (let r = 0; r < RUNS; r++) {
  const started = performance.now();
  await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).on('close', resolve));
  results.node.push(performance.now() - started);
  for (const tool of Object.keys(tools)) {
    const prefix = `s3://bench-sync/${tool.replace(/\W/g, '')}-${r}/`;
    const up = await run(tool, ['s3', 'sync', source, prefix, '--no-progress']);
    const down = await run(tool, ['s3', 'sync', prefix, join(work, `down-${tool.replace(/\W/g, '')}-${r}`), '--no-progress']);
    const count = (text) => text.split('\n').filter(Boolean).length;
    if (count(up.stdout) !== FILES || count(down.stdout) !== FILES) throw new Error(`${tool}: expected ${FILES} transfers each way`);
    results.sync[tool].push(up.ms + down.ms);
    results.ls[tool].push((await run(tool, ['s3', 'ls', listingPrefix, '--recursive'])).ms);
  }
}
await sandbox.close();

const row = (name, key) => {
  const deck = median(results[key].awsdeck);
  const cli = median(results[key]['AWS CLI v2']);
  return `| ${name} | ${deck.toFixed(0)} | ${cli.toFixed(0)} | ${(cli / deck).toFixed(1)}× |`;
};
console.log(`${RUNS} runs, medians; node -e 0: ${median(results.node).toFixed(0)} ms\n`);
console.log('| benchmark | awsdeck (ms) | AWS CLI v2 (ms) | CLI ÷ awsdeck |');
console.log('|---|---:|---:|---:|');
console.log(row(`\`s3 sync\` ${FILES} files up, then down`, 'sync'));
console.log(row(`\`s3 ls --recursive\` (${lines} keys, same bytes from both)`, 'ls'));
