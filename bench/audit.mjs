// `awsdeck audit --regions all` against the seeds' aws_resource_auditor.sh loop (the AWS CLI v2,
// region after region, describe-instances then describe-volumes), on one moto server (signature
// checking on) with instances and volumes in three regions. Both visit the same regions: every
// region of the aws partition that moto's DescribeRegions lists (the loop also pays its
// describe-regions call). Same rows from both are checked before timing counts.
// Run: node scripts/bundle.mjs && node bench/audit.mjs   (RUNS=n, default 3)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.RUNS ?? 3);
const awsV2 = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n').find((f) => /\/bin\/aws$/.test(f));
if (!awsV2) throw new Error('the AWS CLI v2 is missing (apt-get install -y awscli)');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const port = await new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); }); });
const endpoint = `http://127.0.0.1:${port}`;
const moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
process.on('exit', () => moto.kill());
for (let i = 0; i < 100; i++) { try { await fetch(`${endpoint}/moto-api/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }

const seed = `
import boto3, json, sys
kw = dict(endpoint_url=sys.argv[1], aws_access_key_id='bootstrap', aws_secret_access_key='bootstrap')
iam = boto3.client('iam', region_name='us-east-1', **kw)
iam.create_user(UserName='bench')
arn = iam.create_policy(PolicyName='all', PolicyDocument=json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}))['Policy']['Arn']
iam.attach_user_policy(UserName='bench', PolicyArn=arn)
key = iam.create_access_key(UserName='bench')['AccessKey']
for n, region in enumerate(['us-east-1', 'eu-west-1', 'ap-southeast-2']):
    ec2 = boto3.client('ec2', region_name=region, **kw)
    ec2.run_instances(ImageId='ami-12c6146b', MinCount=5, MaxCount=5, InstanceType='t3.small')
    for size in range(3): ec2.create_volume(Size=10 + size, AvailabilityZone=region + 'a')
print(json.dumps([key['AccessKeyId'], key['SecretAccessKey']]))
`;
const [keyId, secret] = JSON.parse(execFileSync('python3', ['-c', seed, endpoint], { encoding: 'utf8', env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } }));
await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', body: '0' });

const home = mkdtempSync(join(tmpdir(), 'awsdeck-bench-audit-'));
const env = {
  PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '', AWS: awsV2, ENDPOINT: endpoint,
};
writeFileSync(env.AWS_CONFIG_FILE, `[profile bench]\nregion = us-east-1\nendpoint_url = ${endpoint}\n`);
writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, `[bench]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`);

// The seeds' loop; the CLI v2 (2.9) reads no endpoint_url from the config, hence --endpoint-url.
// Regions of other partitions are left out as awsdeck leaves them out (their keys differ).
const seedsLoop = [
  'set -euo pipefail',
  'REGIONS=$("$AWS" ec2 describe-regions --endpoint-url "$ENDPOINT" --profile bench --query "Regions[*].RegionName" --output text | tr "\\t" "\\n" | grep -v -e "^cn-" -e "^us-gov-")',
  'echo "Region,ResourceType,ResourceID,Status,Details"',
  'for REGION in $REGIONS; do',
  '  EC2_DATA=$("$AWS" ec2 describe-instances --endpoint-url "$ENDPOINT" --profile bench --region "$REGION" --query "Reservations[*].Instances[*].[InstanceId, State.Name, InstanceType]" --output text)',
  '  while read -r INSTANCE_ID STATE TYPE; do if [ -n "$INSTANCE_ID" ]; then echo "$REGION,EC2,$INSTANCE_ID,$STATE,Type:$TYPE"; fi; done <<< "$EC2_DATA"',
  '  EBS_DATA=$("$AWS" ec2 describe-volumes --endpoint-url "$ENDPOINT" --profile bench --region "$REGION" --filters "Name=status,Values=available" --query "Volumes[*].[VolumeId, Size, CreateTime]" --output text)',
  '  while read -r VOLUME_ID SIZE CREATE_TIME; do if [ -n "$VOLUME_ID" ]; then echo "$REGION,EBS,$VOLUME_ID,unattached,Size:${SIZE}GB_Created:$CREATE_TIME"; fi; done <<< "$EBS_DATA"',
  'done',
].join('\n');

function timed(command, args) {
  const t = performance.now();
  const out = execFileSync(command, args, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ms: performance.now() - t, rows: out.replace(/\r\n/g, '\n').split('\n').filter(Boolean).sort() };
}

const deck = [];
const loop = [];
let regions = 0;
for (let i = 0; i < runs; i++) {
  const a = timed(process.execPath, [join(root, 'dist/awsdeck.js'), 'audit', '--profile', 'bench', '--regions', 'all']);
  const b = timed('bash', ['-c', seedsLoop]);
  if (JSON.stringify(a.rows) !== JSON.stringify(b.rows)) throw new Error(`different rows:\n${a.rows.join('\n')}\n---\n${b.rows.join('\n')}`);
  deck.push(a.ms);
  loop.push(b.ms);
  regions = new Set(a.rows.slice(1).map((r) => r.split(',')[0])).size;
}
const result = {
  command: 'node bench/audit.mjs', runs, rows: 15 + 9, regionsWithResources: regions,
  awsdeckAuditMedianMs: Math.round(median(deck)), seedsCliLoopMedianMs: Math.round(median(loop)),
  ratio: +(median(loop) / median(deck)).toFixed(1), target: '>= 10x', targetMet: median(loop) / median(deck) >= 10,
};
console.log(JSON.stringify(result, null, 2));
moto.kill();
