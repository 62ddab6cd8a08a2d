// The browser's S3 download and upload (the `D` and `u` keys, through src/app/browse/tasks and the
// shared transfer engine) of one large object against the in-process sandbox, beside `awsdeck s3 cp`
// (also through tsx) and the AWS CLI v2 `s3 cp` of the same object in the same run: wall time and
// each client process's peak RSS, all read by GNU time (see `measured` below for why).
// Run: node bench/s3-browser.mjs [--mb 256]
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } = await import('../src/sandbox/index.ts');
const { demoConfig, demoCredentials } = await import('../src/sandbox/demo.ts');

const mbArg = process.argv.indexOf('--mb');
const MB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 256;
const awsV2 = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n').find((f) => /\/bin\/aws$/.test(f));
const sandbox = await startSandbox({ seed: 'demo' });
const dir = mkdtempSync(join(tmpdir(), 'awsdeck-bench-s3-browser-'));
writeFileSync(join(dir, 'config'), demoConfig(sandbox.url, 'us-east-1'));
writeFileSync(join(dir, 'credentials'), demoCredentials());
const bucket = 'awsdeck-demo-dev-assets';
const local = join(dir, 'big.bin');
// Written a MiB at a time: this process stays small whatever --mb says.
const fd = openSync(local, 'w');
const block = Buffer.alloc(1024 * 1024);
for (let offset = 0; offset < MB * block.length; offset += block.length) {
  for (let i = 0; i < block.length; i += 4096) block.writeUInt32BE((offset + i) >>> 0, i);
  writeSync(fd, block);
}
closeSync(fd);

// Never a synchronous child: the sandbox answering them runs in this process.
const run = promisify(execFile);
const cliEnv = { PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION: 'us-east-1' };
// Peak RSS from GNU time, never from the child's own getrusage(): a child forked from this process
// (which holds the sandbox's objects) starts with this process's RSS as its ru_maxrss, which Linux
// carries over the exec. Read that way the browser child "peaked" at 271 MB (256 MiB upload) where
// GNU time reads 135 MB: time forks the client from its own small process.
const measured = async (cmd, args, options = {}) => {
  const timeFile = join(dir, 'time.txt');
  const started = performance.now();
  const out = await run('/usr/bin/time', ['-f', '%M', '-o', timeFile, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 20, ...options });
  const ms = performance.now() - started;
  return { ms, maxRssMb: Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) / 1024, stdout: out.stdout };
};
const child = async (...args) => {
  const r = await measured(process.execPath, [new URL('./s3-browser-child.mjs', import.meta.url).pathname, ...args]);
  // The transfer's own time (the child's module loading left out), as before.
  return { ...r, ms: JSON.parse(r.stdout.trim().split('\n').at(-1)).ms };
};
const deckCli = (...args) => measured(process.execPath, ['--import', 'tsx', new URL('../src/cli/main.ts', import.meta.url).pathname, 's3', 'cp', ...args, '--endpoint-url', sandbox.url, '--no-progress'], { env: cliEnv });
const cli = (...args) => measured(awsV2, ['s3', 'cp', ...args, '--endpoint-url', sandbox.url, '--no-progress'], { env: cliEnv });

const rows = [];
rows.push(['upload', 'awsdeck browser (u)', await child('upload', dir, bucket, local)]);
rows.push(['upload', 'awsdeck s3 cp (tsx)', await deckCli(local, `s3://${bucket}/deck/big.bin`)]);
rows.push(['upload', 'AWS CLI v2 s3 cp', await cli(local, `s3://${bucket}/cli/big.bin`)]);
rows.push(['download', 'awsdeck browser (D)', await child('download', dir, bucket, 'big.bin', join(dir, 'down'))]);
rows.push(['download', 'awsdeck s3 cp (tsx)', await deckCli(`s3://${bucket}/big.bin`, join(dir, 'deck-down', 'big.bin'))]);
rows.push(['download', 'AWS CLI v2 s3 cp', await cli(`s3://${bucket}/big.bin`, join(dir, 'cli-down', 'big.bin'))]);
console.log(`${MB} MiB object, sandbox in this process, clients in their own`);
for (const [what, who, r] of rows) console.log(`${what.padEnd(9)} ${who.padEnd(20)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(MB / (r.ms / 1000)).toFixed(0).padStart(4)} MiB/s  peak RSS ${r.maxRssMb.toFixed(0)} MB`);
await sandbox.close();
rmSync(dir, { recursive: true, force: true });
