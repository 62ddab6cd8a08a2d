// Demo resources: EC2 in three regions per account (varied states, non-ASCII and very long
// names, unattached volumes), S3 buckets with nested prefixes and one 100,000-object bucket
// generated on demand, and the Lambda / CloudFormation / Logs data the dashboard lists.
import type { SandboxState, Tag } from './state.js';
import { DEMO_ACCOUNTS, DEMO_USER } from './seed-org.js';
import { addSecurityGroup, addSubnet, addVpc, ec2Id, ec2Store, launchInstance, type InstanceStateName } from './services/ec2-store.js';
import { createBucket, md5Hex, putObject, type S3Object } from './services/s3-store.js';
import { seedDemoApps } from './seed-apps.js';
import { seedImagesAndTrail } from './seed-images-trail.js';

export const DEMO_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
export const BIG_BUCKET = 'awsdeck-demo-dev-telemetry';
export const BIG_BUCKET_OBJECTS = 100_000;

const LONG_NAME = 'batch-worker-' + 'very-long-descriptive-instance-name-that-keeps-going-'.repeat(4) + 'end';

interface InstancePlan { name: string; type: string; state: InstanceStateName; tags?: Tag[]; publicIp?: boolean }

function instancePlans(env: string, region: string): InstancePlan[] {
  const common: InstancePlan[] = [
    { name: `${env}-web-1`, type: 't3.small', state: 'running', publicIp: true, tags: [{ Key: 'role', Value: 'web' }] },
    { name: `${env}-web-2`, type: 't3.small', state: 'running', publicIp: true, tags: [{ Key: 'role', Value: 'web' }] },
    { name: `${env}-worker`, type: 'm6i.large', state: 'stopped', tags: [{ Key: 'role', Value: 'worker' }] },
  ];
  if (region === 'us-east-1') {
    common.push(
      { name: `${env}-db-primary`, type: 'r6g.xlarge', state: 'running', tags: [{ Key: 'role', Value: 'db' }, { Key: 'backup', Value: 'daily' }] },
      { name: 'données-analytiques-é', type: 't3.micro', state: 'running', tags: [{ Key: 'owner', Value: 'zoë' }, { Key: 'description', Value: '分析用インスタンス 🚀' }] },
      { name: LONG_NAME, type: 'c6i.2xlarge', state: 'stopped', tags: [{ Key: 'role', Value: 'batch' }] },
      { name: `${env}-bastion`, type: 't3.nano', state: 'terminated' },
    );
  }
  if (region === 'eu-west-1') common.push({ name: `${env}-cache`, type: 'r6g.large', state: 'pending', tags: [{ Key: 'role', Value: 'cache' }] });
  return common;
}

function seedEc2(state: SandboxState, accountId: string, env: string): void {
  for (const [r, region] of DEMO_REGIONS.entries()) {
    const store = ec2Store(state, accountId, region);
    const tags = [{ Key: 'Name', Value: `${env}-vpc` }, { Key: 'env', Value: env }];
    const vpc = addVpc(store, `10.${r}.0.0/16`, false, tags);
    const subnets = ['a', 'b'].map((az, i) => addSubnet(store, vpc.VpcId, `10.${r}.${i * 16}.0/20`, `${region}${az}`, false, [{ Key: 'Name', Value: `${env}-private-${az}` }]));
    const web = addSecurityGroup(store, vpc.VpcId, `${env}-web`, 'HTTP and HTTPS from anywhere', [
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTPS' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ], [{ Key: 'env', Value: env }]);
    addSecurityGroup(store, vpc.VpcId, `${env}-ssh-admin`, 'SSH from the office', [
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24', Description: 'office' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ], []);
    const launched = new Date(Date.UTC(2024, 4, 1 + r, 8, 30));
    const reservation = ec2Id('r');
    for (const [i, plan] of instancePlans(env, region).entries()) {
      const instance = launchInstance(store, {
        name: plan.name, instanceType: plan.type, state: plan.state, subnet: subnets[i % 2]!, group: web,
        tags: [{ Key: 'env', Value: env }, ...(plan.tags ?? [])], launchTime: new Date(launched.getTime() + i * 3600_000),
        keyName: `${env}-key`, publicIp: plan.publicIp, reservationId: i < 2 ? reservation : undefined, volumeSize: 8 + i * 4,
      });
      if (plan.state === 'pending') instance.transition = { to: 'running', at: Date.now() + state.options.instanceTransitionMs };
    }
    for (const [i, size] of [100, 500].entries()) {
      const id = ec2Id('vol');
      store.volumes.set(id, {
        VolumeId: id, Size: size, SnapshotId: '', AvailabilityZone: `${region}a`, State: 'available', CreateTime: launched,
        Attachments: [], VolumeType: i ? 'st1' : 'gp3', Iops: i ? undefined : 3000, Throughput: i ? undefined : 125, Encrypted: true, MultiAttachEnabled: false,
        Tags: [{ Key: 'Name', Value: `${env}-orphaned-${i ? 'archive' : 'scratch'}` }],
      });
    }
  }
}

function textObject(key: string, text: string, contentType: string, modified: Date, tags?: Tag[]): S3Object {
  const body = Buffer.from(text);
  return { Key: key, body, ETag: `"${md5Hex(body)}"`, LastModified: modified, ContentType: contentType, Metadata: {}, StorageClass: 'STANDARD', Tags: tags };
}

/** Some demo objects are tagged, so an object's detail shows tags (GetObjectTagging). */
const objectTags: Record<string, Tag[]> = {
  'index.html': [{ Key: 'owner', Value: 'web-team' }, { Key: 'cache', Value: 'short' }],
  'docs/2024/q1/report.txt': [{ Key: 'classification', Value: 'internal' }, { Key: 'team', Value: 'finance' }],
  'docs/2024/q2/report.txt': [{ Key: 'classification', Value: 'confidential' }, { Key: 'team', Value: 'finance' }, { Key: 'review', Value: '2024-07-15' }],
  'docs/readme with spaces.txt': [{ Key: 'language', Value: 'français' }],
};

function seedS3(state: SandboxState, accountId: string, env: string): void {
  const created = new Date('2024-02-15T10:00:00Z');
  const assets = createBucket(state, `awsdeck-demo-${env}-assets`, accountId, 'us-east-1', created);
  const modified = new Date('2024-06-01T12:00:00Z');
  const files: Array<[string, string, string]> = [
    ['index.html', '<!doctype html><title>awsdeck demo</title><h1>Hello from the sandbox</h1>\n', 'text/html'],
    ['css/site.css', 'body { font-family: sans-serif; }\n', 'text/css'],
    ['img/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n', 'image/svg+xml'],
    ['docs/2024/q1/report.txt', 'Quarterly report Q1\n', 'text/plain'],
    ['docs/2024/q2/report.txt', 'Quarterly report Q2\n', 'text/plain'],
    ['docs/2024/q2/notes/meeting-été.md', '# Réunion\n', 'text/markdown'],
    ['docs/readme with spaces.txt', 'keys may contain spaces\n', 'text/plain'],
    ['i18n/日本語/ファイル.txt', 'こんにちは\n', 'text/plain'],
  ];
  for (const [key, text, type] of files) putObject(assets, textObject(key, text, type, modified, objectTags[key]));
  const logs = createBucket(state, `awsdeck-demo-${env}-logs`, accountId, 'eu-west-1', created);
  for (let d = 1; d <= 3; d++) {
    for (let h = 0; h < 4; h++) {
      const key = `alb/2024/06/0${d}/${String(h * 6).padStart(2, '0')}00.log.gz`;
      putObject(logs, textObject(key, `log ${d} ${h}\n`, 'application/gzip', new Date(Date.UTC(2024, 5, d, h * 6))));
    }
  }
}

/** The 100,000-object bucket: keys and objects come from a formula, never held in memory. */
function seedBigBucket(state: SandboxState, accountId: string): void {
  const bucket = createBucket(state, BIG_BUCKET, accountId, 'us-east-1', new Date('2024-01-01T00:00:00Z'));
  const base = Date.UTC(2024, 0, 1);
  const keyAt = (i: number) => `events/batch-${String(Math.floor(i / 1000)).padStart(3, '0')}/event-${String(i).padStart(6, '0')}.json`;
  bucket.generated = {
    count: BIG_BUCKET_OBJECTS,
    keyAt,
    objectAt(i) {
      const body = Buffer.from(`${JSON.stringify({ id: i, kind: ['click', 'view', 'purchase'][i % 3], at: new Date(base + i * 60_000).toISOString() })}\n`);
      return { Key: keyAt(i), body, ETag: `"${md5Hex(body)}"`, LastModified: new Date(base + i * 60_000), ContentType: 'application/json', Metadata: {}, StorageClass: 'STANDARD' };
    },
  };
}

export function seedDemoResources(state: SandboxState): void {
  for (const [env, account] of Object.entries(DEMO_ACCOUNTS)) {
    seedEc2(state, account.accountId, env);
    seedS3(state, account.accountId, env);
    seedDemoApps(state, account.accountId, env);
  }
  seedBigBucket(state, DEMO_ACCOUNTS.dev.accountId);
  // Last, so the EC2 ids seeded before keep their values.
  seedImagesAndTrail(state, Object.entries(DEMO_ACCOUNTS).map(([env, a]) => ({ accountId: a.accountId, env })), DEMO_REGIONS, DEMO_USER);
}
