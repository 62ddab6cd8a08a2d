// `awsdeck audit` against moto (signature checking on), compared with the seeds' audit loop run
// with the AWS CLI v2 on the same server: region after region, describe-instances and
// describe-volumes (available only), one CSV line per resource. Same rows, same header.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCliV2Path } from '../support/aws-cli.js';
import { runAwsdeckAsync } from '../support/cli.js';
import { startMoto, type MotoServer } from '../support/moto.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const seed = `
import boto3, sys
endpoint, key, secret = sys.argv[1:4]
for n, region in enumerate(${JSON.stringify(REGIONS)}):
    ec2 = boto3.client('ec2', endpoint_url=endpoint, region_name=region, aws_access_key_id=key, aws_secret_access_key=secret)
    ids = [i['InstanceId'] for i in ec2.run_instances(ImageId='ami-12c6146b', MinCount=n + 1, MaxCount=n + 1, InstanceType='t3.small')['Instances']]
    if n == 1: ec2.stop_instances(InstanceIds=[ids[0]])
    zone = region + 'a'
    attached = ec2.create_volume(Size=8, AvailabilityZone=zone)['VolumeId']
    ec2.attach_volume(VolumeId=attached, InstanceId=ids[0], Device='/dev/sdf')
    for size in range(n + 1): ec2.create_volume(Size=10 + size, AvailabilityZone=zone)
`;

// The seeds' aws_resource_auditor.sh loop, with the region list given (its DescribeRegions step
// would visit every region moto knows, which only makes the run longer). The CLI v2 here (2.9)
// does not read endpoint_url from the config, so the loop passes --endpoint-url: without it the
// CLI would go to AWS itself.
const seedsLoop = String.raw`
set -euo pipefail
echo "Region,ResourceType,ResourceID,Status,Details"
for REGION in $REGIONS; do
  EC2_DATA=$("$AWS" ec2 describe-instances --endpoint-url "$ENDPOINT" --profile moto --region "$REGION" --query "Reservations[*].Instances[*].[InstanceId, State.Name, InstanceType]" --output text)
  while read -r INSTANCE_ID STATE TYPE; do
    if [ -n "$INSTANCE_ID" ]; then echo "$REGION,EC2,$INSTANCE_ID,$STATE,Type:$TYPE"; fi
  done <<< "$EC2_DATA"
  EBS_DATA=$("$AWS" ec2 describe-volumes --endpoint-url "$ENDPOINT" --profile moto --region "$REGION" --filters "Name=status,Values=available" --query "Volumes[*].[VolumeId, Size, CreateTime]" --output text)
  while read -r VOLUME_ID SIZE CREATE_TIME; do
    if [ -n "$VOLUME_ID" ]; then echo "$REGION,EBS,$VOLUME_ID,unattached,Size:$SIZE""GB_Created:$CREATE_TIME"; fi
  done <<< "$EBS_DATA"
done
`;

let moto: MotoServer;
let env: NodeJS.ProcessEnv;
const run = promisify(execFile);

beforeAll(async () => {
  moto = await startMoto();
  await run('python3', ['-c', seed, moto.endpoint, moto.accessKeyId, moto.secretAccessKey], {
    env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-audit-'));
  env = {
    PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
  };
  writeFileSync(env.AWS_CONFIG_FILE!, `[profile moto]\nregion = us-east-1\nendpoint_url = ${moto.endpoint}\n\n[profile second]\nregion = eu-west-1\nendpoint_url = ${moto.endpoint}\n`);
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, ['moto', 'second'].map((p) => `[${p}]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n`).join('\n'));
}, 120_000);

afterAll(async () => { await moto?.stop(); });

const lines = (text: string) => text.replace(/\r\n/g, '\n').split('\n').filter(Boolean);

describe('awsdeck audit against moto', () => {
  it('prints the same rows as the seeds\' per-region AWS CLI loop, header included', async () => {
    const [cli, deck] = await Promise.all([
      run('bash', ['-c', seedsLoop], { env: { ...env, AWS: awsCliV2Path(), ENDPOINT: moto.endpoint, REGIONS: REGIONS.join(' ') }, maxBuffer: 1 << 24 }),
      runAwsdeckAsync(['audit', '--profile', 'moto', '--regions', REGIONS.join(',')], env),
    ]);
    expect(deck.stderr).toBe('');
    expect(deck.status).toBe(0);
    const expected = lines(cli.stdout);
    // 6 instances (one stopped) and 6 available volumes; the attached ones are not listed.
    expect(expected.filter((l) => l.includes(',EC2,'))).toHaveLength(6);
    expect(expected.filter((l) => l.includes(',EBS,'))).toHaveLength(6);
    expect(expected.some((l) => l.includes(',stopped,'))).toBe(true);
    expect(lines(deck.stdout)).toEqual(expected);
  });

  it('--regions all visits every region DescribeRegions lists; several profiles add a Profile column; json and table', async () => {
    const all = await runAwsdeckAsync(['audit', '--profile', 'moto', '--profile', 'second', '--regions', 'all', '--output', 'json'], env);
    expect(all.stderr).toBe('');
    expect(all.status).toBe(0);
    const rows = JSON.parse(all.stdout) as Array<Record<string, string>>;
    expect(Object.keys(rows[0])).toEqual(['Profile', 'Region', 'ResourceType', 'ResourceID', 'Status', 'Details']);
    for (const profile of ['moto', 'second']) {
      const mine = rows.filter((r) => r.Profile === profile);
      expect(mine).toHaveLength(12);
      expect([...new Set(mine.map((r) => r.Region))].sort()).toEqual([...REGIONS].sort());
    }
    const table = await runAwsdeckAsync(['audit', '--profile', 'moto', '--regions', 'eu-west-1', '--output', 'table'], env);
    expect(lines(table.stdout)[0]).toMatch(/^Region\s+ResourceType\s+ResourceID\s+Status\s+Details$/);
    expect(lines(table.stdout)).toHaveLength(1 + 2 + 2);
  });

  it('a region that fails is reported on stderr with exit code 1; the other regions still print', async () => {
    const result = await runAwsdeckAsync(['audit', '--profile', 'moto', '--regions', 'eu-west-1,xx-nowhere-9'], { ...env, AWS_MAX_ATTEMPTS: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^moto xx-nowhere-9: /m);
    expect(lines(result.stdout)).toHaveLength(1 + 4);
  });

  it('an unknown profile is a configuration error (253), as the CLI has it', async () => {
    const result = await runAwsdeckAsync(['audit', '--profile', 'nope'], env);
    expect(result.status).toBe(253);
    expect(result.stderr).toContain('The config profile (nope) could not be found');
  });
});
