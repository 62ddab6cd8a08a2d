// One large object up and down with `s3 cp`, awsdeck against the AWS CLI v2 in the same run:
// wall time → throughput (MB/s), and each tool's peak RSS (GNU time's maximum resident set size,
// which is the kernel's ru_maxrss of the child). The sandbox serves from this process; the
// downloaded file's SHA-256 is checked against the uploaded one after every download.
// Run: npm run build && node bench/s3-large.mjs [--runs 3] [--mb 1024] [--progress]
// (--progress leaves the progress line on, as a terminal user has it; by default both tools run
// with --no-progress.) CPU_PROF=dir writes awsdeck's CPU profiles there.
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } = await import('../src/sandbox/index.ts');

const argValue = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = argValue('--runs', 3);
const MB = argValue('--mb', 1024);
const SIZE = MB * 1024 * 1024;
const PROGRESS = process.argv.includes('--progress');
const awsV2 = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n').find((f) => /\/bin\/aws$/.test(f));
const cpuProfDir = process.env.CPU_PROF;
const tools = {
  awsdeck: [process.execPath, [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), join(process.cwd(), 'dist/awsdeck.js')]],
  'AWS CLI v2': [awsV2, []],
};

const sandbox = await startSandbox({ seed: 'demo' });
const work = mkdtempSync(join(tmpdir(), 'awsdeck-bench-large-'));
const env = {
  PATH: process.env.PATH, HOME: work, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', TZ: 'UTC',
};

/** Runs one command under GNU time without blocking this process (the sandbox answers from it). */
function run(tool, args) {
  const [cmd, pre] = tools[tool];
  const timeFile = join(work, 'time.txt');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, cmd, ...pre, '--endpoint-url', sandbox.url, ...args],
      { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d) => { stdoutBytes += d.length; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      if (status !== 0) return reject(new Error(`${tool} ${args.join(' ')} exited ${status}: ${stderr.slice(0, 500)}`));
      const [maxKb, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      resolve({ ms, rssMb: maxKb / 1024, cpuS: user + sys, stdoutBytes });
    });
  });
}

function sha256File(path) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1024 * 1024 }).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Random bytes, so that nothing on the way can compress or deduplicate them.
const source = join(work, 'large.bin');
const expected = createHash('sha256');
const fd = openSync(source, 'w');
const block = Buffer.allocUnsafe(8 * 1024 * 1024);
for (let written = 0; written < SIZE; written += block.length) {
  const piece = block.subarray(0, Math.min(block.length, SIZE - written));
  randomFillSync(piece);
  expected.update(piece);
  writeSync(fd, piece);
}
closeSync(fd);
const expectedHash = expected.digest('hex');
await run('awsdeck', ['s3', 'mb', 's3://bench-large']);

const flags = PROGRESS ? [] : ['--no-progress'];
const results = {};
for (const tool of Object.keys(tools)) results[tool] = { up: [], down: [], upRss: [], downRss: [], upCpu: [], downCpu: [] };
const load = [];
for (let r = 0; r < RUNS; r++) {
  // Alternate who goes first, so neither always meets a fresher page cache or a busier sandbox.
  const order = r % 2 === 0 ? Object.keys(tools) : Object.keys(tools).reverse();
  for (const tool of order) {
    load.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
    const key = `s3://bench-large/${tool.replace(/\W/g, '')}.bin`;
    const up = await run(tool, ['s3', 'cp', source, key, ...flags]);
    const target = join(work, `down-${tool.replace(/\W/g, '')}.bin`);
    const down = await run(tool, ['s3', 'cp', key, target, ...flags]);
    const got = await sha256File(target);
    if (got !== expectedHash) throw new Error(`${tool}: the downloaded bytes differ from the uploaded ones`);
    rmSync(target);
    const res = results[tool];
    res.up.push(up.ms); res.down.push(down.ms); res.upRss.push(up.rssMb); res.downRss.push(down.rssMb);
    res.upCpu.push(up.cpuS); res.downCpu.push(down.cpuS);
    console.error(`run ${r + 1} ${tool}: up ${up.ms.toFixed(0)} ms ${up.rssMb.toFixed(0)} MB cpu ${up.cpuS.toFixed(1)} s, down ${down.ms.toFixed(0)} ms ${down.rssMb.toFixed(0)} MB cpu ${down.cpuS.toFixed(1)} s`);
  }
}
const sandboxPeakMb = process.resourceUsage().maxRSS / 1024;
await sandbox.close();
rmSync(work, { recursive: true, force: true });

const mbps = (ms) => MB / (ms / 1000);
const deck = results.awsdeck;
const cli = results['AWS CLI v2'];
console.log(`${RUNS} runs of ${MB} MB, medians; load average during the runs ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}; `
  + `bench process (sandbox) peak RSS ${sandboxPeakMb.toFixed(0)} MB; ${PROGRESS ? 'progress on' : '--no-progress'}\n`);
console.log('| direction | awsdeck MB/s | AWS CLI v2 MB/s | awsdeck ÷ CLI | awsdeck peak RSS | CLI peak RSS | CPU s awsdeck / CLI |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, dir] of [['upload', 'up'], ['download', 'down']]) {
  const a = mbps(median(deck[dir]));
  const c = mbps(median(cli[dir]));
  console.log(`| ${name} | ${a.toFixed(0)} | ${c.toFixed(0)} | ${(a / c).toFixed(2)}× | ${median(deck[`${dir}Rss`]).toFixed(0)} MB | ${median(cli[`${dir}Rss`]).toFixed(0)} MB | `
    + `${median(deck[`${dir}Cpu`]).toFixed(1)} / ${median(cli[`${dir}Cpu`]).toFixed(1)} |`);
}
