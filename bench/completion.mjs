// Tab-completion latency: awsdeck's completer (dist/completer.js, what the shell scripts run)
// against the AWS CLI v1's aws_completer (Python), the same lines in the same run, each run as a
// fresh process the way the shell runs it. The bar (issue 13): an answer within 150 ms.
// Run: npm run build && node bench/completion.mjs [--runs 15]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const home = mkdtempSync(join(tmpdir(), 'awsdeck-bench-completion-'));
writeFileSync(join(home, 'config'), '[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n[profile prod]\n');
const env = {
  ...process.env, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
};
const lines = [
  ['services', 'awsdeck e'],
  ['ec2 operations', 'awsdeck ec2 describe-inst'],
  ['ec2 describe-instances options', 'awsdeck ec2 describe-instances --'],
  ['enum values', 'awsdeck ec2 describe-instance-types --instance-types t3.'],
  ['--output values', 'awsdeck sts get-caller-identity --output '],
  ['--profile values', 'awsdeck s3 ls --profile '],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(command, args, lineEnv) {
  const samples = [];
  let out = '';
  for (let i = 0; i < runs + 1; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { env: { ...env, ...lineEnv }, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    out = result.stdout;
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  return { ms: median(samples), max: Math.max(...samples), count: out.split('\n').filter((l) => l.trim()).length };
}

const baseline = time(process.execPath, ['-e', '0'], {});
console.log(`runs per line: ${runs}; node -e 0: ${baseline.ms.toFixed(0)} ms (median)\n`);
console.log('| line | awsdeck median ms (max) | candidates | aws_completer v1 median ms | candidates | v1 ÷ awsdeck |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, line] of lines) {
  const ours = time(process.execPath, ['dist/completer.js'], { COMP_LINE: line, COMP_POINT: String(line.length) });
  const awsLine = line.replace(/^awsdeck/, 'aws');
  const peer = time('aws_completer', [], { COMP_LINE: awsLine, COMP_POINT: String(awsLine.length) });
  console.log(`| ${name} | ${ours.ms.toFixed(0)} (${ours.max.toFixed(0)}) | ${ours.count} | ${peer.ms.toFixed(0)} | ${peer.count} | ${(peer.ms / ours.ms).toFixed(1)}× |`);
}
