// Listing 10,000 keys of the demo's big bucket (10 pages of 1,000) against the in-process
// sandbox, one process per run, in the same run: `awsdeck s3api list-objects-v2` against the AWS
// SDK for JavaScript v3 doing the same paginated listing (bench/peers/sdk-list-objects.mjs) and
// the AWS CLI v2; and `s3 ls --recursive` against the CLI v2. The server's own time for the same
// 10 pages is measured from this process with signed raw requests (no parsing), so that each
// client's own cost per page shows: (process wall time − server time) ÷ 10; and, less moved by
// other work on the machine, CPU time per page: (CPU of the 10-page listing − CPU of the same
// command stopped after its first page) ÷ 9 (CPU from GNU time, user + system).
// Run: npm run build && node bench/s3-listing.mjs [--runs 7]
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
import { signRequest } from './sign-for-bench.mjs';

register();
const { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } = await import('../src/sandbox/index.ts');
const { BIG_BUCKET } = await import('../src/sandbox/seed-resources.ts');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const PREFIX = 'events/batch-00';
const PAGES = 10;
const awsV2 = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n').find((f) => /\/bin\/aws$/.test(f));
const sandbox = await startSandbox({ seed: 'demo' });
const work = mkdtempSync(join(tmpdir(), 'awsdeck-bench-listing-'));
const env = {
  PATH: process.env.PATH, HOME: work, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', TZ: 'UTC',
};
const deck = [process.execPath, join(process.cwd(), 'dist/awsdeck.js'), '--endpoint-url', sandbox.url];
const cli = [awsV2, '--endpoint-url', sandbox.url];
const commands = {
  'awsdeck s3api': [...deck, 's3api', 'list-objects-v2', '--bucket', BIG_BUCKET, '--prefix', PREFIX],
  'SDK v3': [process.execPath, join(process.cwd(), 'bench/peers/sdk-list-objects.mjs'), sandbox.url, BIG_BUCKET, PREFIX],
  'CLI v2 s3api': [...cli, 's3api', 'list-objects-v2', '--bucket', BIG_BUCKET, '--prefix', PREFIX],
  'awsdeck s3api 1 page': [...deck, 's3api', 'list-objects-v2', '--bucket', BIG_BUCKET, '--prefix', PREFIX, '--max-items', '1000'],
  'SDK v3 1 page': [process.execPath, join(process.cwd(), 'bench/peers/sdk-list-objects.mjs'), sandbox.url, BIG_BUCKET, PREFIX, '1'],
  'CLI v2 s3api 1 page': [...cli, 's3api', 'list-objects-v2', '--bucket', BIG_BUCKET, '--prefix', PREFIX, '--max-items', '1000'],
  'awsdeck s3 ls': [...deck, 's3', 'ls', `s3://${BIG_BUCKET}/${PREFIX}`, '--recursive'],
  'CLI v2 s3 ls': [...cli, 's3', 'ls', `s3://${BIG_BUCKET}/${PREFIX}`, '--recursive'],
};

/** One process, timed end to end, without blocking this process (the sandbox answers from it). */
function run([cmd, ...args]) {
  const timeFile = join(work, 'time.txt');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, cmd, ...args], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let stderr = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      if (status !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${status}: ${stderr.slice(0, 500)}`));
      const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      if (status === 0) resolve({ ms, cpuMs: (user + sys) * 1000, stdout: Buffer.concat(out).toString(), stderr });
    });
  });
}

/** The server alone: the same 10 pages fetched with signed raw requests, bodies not parsed. */
async function serverTime() {
  let token;
  const started = performance.now();
  for (let page = 0; page < PAGES; page++) {
    const query = { 'list-type': '2', prefix: PREFIX, 'encoding-type': 'url', ...(token && { 'continuation-token': token }) };
    const { headers, href } = await signRequest(sandbox.url, `/${BIG_BUCKET}`, query, { id: SANDBOX_ACCESS_KEY_ID, secret: SANDBOX_SECRET_ACCESS_KEY });
    const body = await (await fetch(href, { headers })).text();
    token = /<NextContinuationToken>([^<]*)</.exec(body)?.[1];
  }
  return performance.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const keysOf = (json) => JSON.parse(json).Contents.map((o) => `${o.Key} ${o.Size}`);

// Warm-up, and the check that all three list the same 10,000 keys (and s3 ls prints the same bytes).
const first = {};
for (const [name, command] of Object.entries(commands)) first[name] = await run(command);
const expected = keysOf(first['CLI v2 s3api'].stdout);
if (expected.length !== 10_000) throw new Error(`expected 10,000 keys, the CLI listed ${expected.length}`);
if (keysOf(first['awsdeck s3api'].stdout).join('\n') !== expected.join('\n')) throw new Error('awsdeck lists other keys than the CLI');
if (keysOf(first['SDK v3'].stdout).join('\n') !== expected.join('\n')) throw new Error('the SDK lists other keys than the CLI');
const sameBytes = first['awsdeck s3api'].stdout === first['CLI v2 s3api'].stdout;
if (!sameBytes) { const a = first['awsdeck s3api'].stdout.split('\n'); const b = first['CLI v2 s3api'].stdout.split('\n'); const i = a.findIndex((l, j) => l !== b[j]); console.error(`s3api output differs from the CLI's at line ${i + 1}: ${JSON.stringify(a.slice(i, i + 3))} vs ${JSON.stringify(b.slice(i, i + 3))}`); }
if (first['awsdeck s3 ls'].stdout !== first['CLI v2 s3 ls'].stdout) throw new Error('the two s3 ls differ');

const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const cpu = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const sdkInside = [];
const server = [];
const node = [];
const load = [];
for (let r = 0; r < RUNS; r++) {
  load.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
  node.push((await run([process.execPath, '-e', '0'])).ms);
  server.push(await serverTime());
  const names = Object.keys(commands);
  for (const name of r % 2 ? names.reverse() : names) {
    const result = await run(commands[name]);
    times[name].push(result.ms);
    cpu[name].push(result.cpuMs);
    if (name === 'SDK v3') sdkInside.push(JSON.parse(result.stderr.trim().split('\n').pop()).listMs);
  }
}
await sandbox.close();

const serverMs = median(server);
const ms = (name) => median(times[name]);
const own = (name) => ((ms(name) - serverMs) / PAGES).toFixed(1);
const cpuPerPage = (name) => ((median(cpu[name]) - median(cpu[`${name} 1 page`])) / (PAGES - 1)).toFixed(1);
console.log(`${RUNS} runs, medians; load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}; node -e 0 ${median(node).toFixed(0)} ms; `
  + `server time for the ${PAGES} pages ${serverMs.toFixed(0)} ms; awsdeck's JSON ${sameBytes ? 'is' : 'is not'} byte for byte the CLI's\n`);
console.log('| command (10,000 keys, 10 pages) | median ms | (wall − server) ÷ 10 | CPU ms per further page | ratio |');
console.log('|---|---:|---:|---:|---|');
console.log(`| \`awsdeck s3api list-objects-v2\` | ${ms('awsdeck s3api').toFixed(0)} | ${own('awsdeck s3api')} | ${cpuPerPage('awsdeck s3api')} | – |`);
console.log(`| SDK v3 script (in-process listing ${median(sdkInside).toFixed(0)} ms) | ${ms('SDK v3').toFixed(0)} | ${own('SDK v3')} | ${cpuPerPage('SDK v3')} | SDK ÷ awsdeck ${(ms('SDK v3') / ms('awsdeck s3api')).toFixed(2)}× |`);
console.log(`| \`aws s3api list-objects-v2\` (CLI v2) | ${ms('CLI v2 s3api').toFixed(0)} | ${own('CLI v2 s3api')} | ${cpuPerPage('CLI v2 s3api')} | CLI ÷ awsdeck ${(ms('CLI v2 s3api') / ms('awsdeck s3api')).toFixed(2)}× |`);
console.log(`| \`awsdeck s3 ls --recursive\` | ${ms('awsdeck s3 ls').toFixed(0)} | ${own('awsdeck s3 ls')} | – | – |`);
console.log(`| \`aws s3 ls --recursive\` (CLI v2) | ${ms('CLI v2 s3 ls').toFixed(0)} | ${own('CLI v2 s3 ls')} | – | CLI ÷ awsdeck ${(ms('CLI v2 s3 ls') / ms('awsdeck s3 ls')).toFixed(2)}× |`);
