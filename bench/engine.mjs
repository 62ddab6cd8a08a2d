// Engine benchmark: awsdeck's bundle against the AWS CLI v2 in the same run, on one moto server.
//   node bench/engine.mjs [--runs N]
// Prints a Markdown table of medians and ratios (and writes it to bench/results-engine.md).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const awsV2 = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n').find((f) => /\/bin\/aws$/.test(f));
if (!awsV2) throw new Error('AWS CLI v2 not installed (apt-get install -y awscli)');

const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
});
const endpoint = `http://127.0.0.1:${port}`;
const moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
process.on('exit', () => moto.kill());
for (let i = 0; i < 100; i++) {
  try { await fetch(`${endpoint}/moto-api/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
}

// Seed with boto3 (fast, and independent of both tools being measured), then switch auth on.
const seedScript = `
import boto3, json, sys
from concurrent.futures import ThreadPoolExecutor
kw = dict(endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='seed', aws_secret_access_key='seed')
iam = boto3.client('iam', **kw)
iam.create_user(UserName='bench')
doc = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]})
iam.attach_user_policy(UserName='bench', PolicyArn=iam.create_policy(PolicyName='all', PolicyDocument=doc)['Policy']['Arn'])
key = iam.create_access_key(UserName='bench')['AccessKey']
ec2 = boto3.client('ec2', **kw)
ec2.run_instances(ImageId='ami-12c6146b', MinCount=50, MaxCount=50, TagSpecifications=[{'ResourceType': 'instance', 'Tags': [{'Key': 'Name', 'Value': 'bench'}]}])
s3 = boto3.client('s3', **kw)
s3.create_bucket(Bucket='bench-10k')
with ThreadPoolExecutor(16) as pool:
    list(pool.map(lambda i: s3.put_object(Bucket='bench-10k', Key=f'k/{i:06d}', Body=b''), range(10000)))
print(json.dumps({'id': key['AccessKeyId'], 'secret': key['SecretAccessKey']}))
`;
console.error('seeding moto (50 instances, 10,000 objects)…');
const key = JSON.parse(execFileSync('python3', ['-c', seedScript, endpoint], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop());
await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', body: '0' });

const env = {
  PATH: process.env.PATH, HOME: '/nonexistent', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: key.id, AWS_SECRET_ACCESS_KEY: key.secret,
  AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', TZ: 'UTC',
};

function time(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(cmd, args) {
  time(cmd, args); // warm-up: page cache, moto's first-request costs
  const samples = [];
  let out;
  for (let i = 0; i < runs; i++) { const r = time(cmd, args); samples.push(r.ms); out = r.stdout; }
  return { median: median(samples), stdout: out };
}

const results = [];
const row = (name, ours, theirs, note = '') => results.push({ name, ours, theirs, note });

// 1. Startup.
const node0 = measure(process.execPath, ['-e', '0']);
const versionOurs = measure(process.execPath, ['dist/awsdeck.js', '--version']);
const versionAws = measure(awsV2, ['--version']);
row('`--version`', versionOurs.median, versionAws.median, `node -e 0: ${node0.median.toFixed(0)} ms (awsdeck ${(versionOurs.median / node0.median).toFixed(2)}× of it)`);

// 2. A call rendered as a table.
const tableArgs = ['--endpoint-url', endpoint, 'ec2', 'describe-instances', '--output', 'table'];
const tableOurs = measure(process.execPath, ['dist/awsdeck.js', ...tableArgs]);
const tableAws = measure(awsV2, tableArgs);
row('`ec2 describe-instances --output table` (50 instances)', tableOurs.median, tableAws.median, tableOurs.stdout === tableAws.stdout ? 'same bytes' : 'OUTPUT DIFFERS');

// 3. Counting 10,000 objects over 10 pages.
const countArgs = ['--endpoint-url', endpoint, 's3api', 'list-objects-v2', '--bucket', 'bench-10k', '--query', 'length(Contents)'];
const countOurs = measure(process.execPath, ['dist/awsdeck.js', ...countArgs]);
const countAws = measure(awsV2, countArgs);
const server = await timeListingPages(endpoint, key);
row('`s3api list-objects-v2 --query length(Contents)` (10,000 keys)', countOurs.median, countAws.median,
  `${countOurs.stdout.trim()} keys; server time for the 10 pages ${server.toFixed(0)} ms → awsdeck ${(countOurs.median / server).toFixed(2)}× of it`);

/** Median over runs of the summed send→last-byte time of the 10 ListObjectsV2 pages. */
async function timeListingPages(url, creds) {
  const { signRequest } = await import('./sign-for-bench.mjs');
  const totals = [];
  for (let r = 0; r < runs; r++) {
    let token;
    let total = 0;
    do {
      const query = { 'list-type': '2', 'encoding-type': 'url', ...(token ? { 'continuation-token': token } : {}) };
      const { headers, href } = await signRequest(url, '/bench-10k', query, creds);
      const t0 = performance.now();
      const res = await fetch(href, { headers });
      const body = await res.text();
      total += performance.now() - t0;
      token = /<NextContinuationToken>([^<]+)</.exec(body)?.[1];
    } while (token);
    totals.push(total);
  }
  return median(totals);
}

const lines = [
  `| benchmark | awsdeck (median ms) | AWS CLI v2 (median ms) | AWS CLI ÷ awsdeck | notes |`,
  `|---|---:|---:|---:|---|`,
  ...results.map((r) => `| ${r.name} | ${r.ours.toFixed(0)} | ${r.theirs.toFixed(0)} | ${(r.theirs / r.ours).toFixed(1)}× | ${r.note} |`),
];
const table = `${lines.join('\n')}\n\n${runs} runs each after one warm-up, ${new Date().toISOString().slice(0, 10)}, node ${process.versions.node}, ${awsV2} (${execFileSync(awsV2, ['--version'], { encoding: 'utf8' }).trim()}).\n`;
console.log(table);
writeFileSync(new URL('./results-engine.md', import.meta.url), table);
moto.kill();
process.exit(0);
