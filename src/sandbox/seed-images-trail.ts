// Demo key pairs, AMIs and snapshots the account owns (in every demo region), and a CloudTrail
// history of management events in us-east-1 that tells the story of the other seeded resources.
import { createHash } from 'node:crypto';
import type { SandboxState } from './state.js';
import { ec2Id } from './services/ec2-store.js';
import { ec2ImageStore } from './services/ec2-images.js';
import { trailEvents, type TrailEvent } from './services/cloudtrail.js';

const BASE = Date.UTC(2024, 5, 1, 9, 0, 0);

/** A UUID from a name: the same seed gives the same ids (persisted demo data relies on it). */
const stableUuid = (name: string) => createHash('md5').update(name).digest('hex').replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5');

const colonHex = (bytes: Buffer) => bytes.toString('hex').replace(/(..)(?!$)/g, '$1:');

function seedImages(state: SandboxState, accountId: string, env: string, regions: readonly string[]): void {
  for (const [r, region] of regions.entries()) {
    const store = ec2ImageStore(state, accountId, region);
    for (const [name, type] of [[`${env}-key`, 'rsa'], [`${env}-deploy-ed25519`, 'ed25519']] as const) {
      const digest = createHash(type === 'rsa' ? 'sha1' : 'sha256').update(`${accountId}/${region}/${name}`).digest();
      store.keyPairs.set(name, {
        KeyPairId: ec2Id('key'), KeyName: name, KeyType: type, KeyFingerprint: type === 'rsa' ? colonHex(digest) : digest.toString('base64').replace(/=+$/, '='),
        CreateTime: new Date(BASE - (90 - r) * 86400_000), Tags: [{ Key: 'env', Value: env }],
      });
    }
    const images: Array<[string, string, string]> = region === 'us-east-1'
      ? [[`${env}-web-golden-2024-05`, 'available', 'x86_64'], [`${env}-web-golden-2024-06`, 'available', 'x86_64'], [`${env}-worker-arm-2024-06`, 'pending', 'arm64']]
      : [[`${env}-web-golden-2024-06`, 'available', 'x86_64']];
    for (const [i, [name, imageState, arch]] of images.entries()) {
      const created = new Date(BASE - (20 - i * 7) * 86400_000);
      const volumeId = ec2Id('vol');
      const snapshot = {
        SnapshotId: ec2Id('snap'), VolumeId: volumeId, VolumeSize: 8, State: imageState === 'pending' ? 'pending' : 'completed',
        Progress: imageState === 'pending' ? '42%' : '100%', StartTime: created, OwnerId: accountId, Encrypted: false,
        Description: `Created by CreateImage for ${name}`, Tags: [{ Key: 'env', Value: env }],
      };
      store.snapshots.set(snapshot.SnapshotId, snapshot);
      const image = {
        ImageId: ec2Id('ami'), Name: name, Description: `Golden image ${name}`, OwnerId: accountId, State: imageState,
        CreationDate: created.toISOString(), Public: false, Architecture: arch, RootDeviceType: 'ebs', RootDeviceName: '/dev/xvda',
        VirtualizationType: 'hvm', snapshotId: snapshot.SnapshotId, sizeGiB: 8, Tags: [{ Key: 'Name', Value: name }, { Key: 'env', Value: env }],
      };
      store.images.set(image.ImageId, image);
    }
    const nightly = {
      SnapshotId: ec2Id('snap'), VolumeId: ec2Id('vol'), VolumeSize: 100, State: 'completed', Progress: '100%',
      StartTime: new Date(BASE - 86400_000), OwnerId: accountId, Encrypted: true, Description: 'nightly backup of the data volume',
      Tags: [{ Key: 'Name', Value: `${env}-data-nightly` }, { Key: 'env', Value: env }],
    };
    store.snapshots.set(nightly.SnapshotId, nightly);
  }
}

function seedTrail(state: SandboxState, accountId: string, env: string, user: string): void {
  const region = 'us-east-1';
  const plan: Array<[string, string, boolean, string?, string?]> = [
    ['ConsoleLogin', 'signin.amazonaws.com', false],
    ['RunInstances', 'ec2.amazonaws.com', false, 'AWS::EC2::Instance', `${env}-web-1`],
    ['StopInstances', 'ec2.amazonaws.com', false, 'AWS::EC2::Instance', `${env}-worker`],
    ['DescribeInstances', 'ec2.amazonaws.com', true],
    ['CreateBucket', 's3.amazonaws.com', false, 'AWS::S3::Bucket', `awsdeck-demo-${env}-assets`],
    ['CreateStack', 'cloudformation.amazonaws.com', false, 'AWS::CloudFormation::Stack', `${env}-app`],
    ['UpdateFunctionCode20150331v2', 'lambda.amazonaws.com', false, 'AWS::Lambda::Function', `${env}-api-handler`],
    ['CreateImage', 'ec2.amazonaws.com', false, 'AWS::EC2::Ami', `${env}-web-golden-2024-06`],
    ['AssumeRole', 'sts.amazonaws.com', true, 'AWS::IAM::Role', 'AuditReadOnly'],
    ['AttachUserPolicy', 'iam.amazonaws.com', false, 'AWS::IAM::User', 'zoë-analyst'],
    ['GetCallerIdentity', 'sts.amazonaws.com', true],
    ['PutRetentionPolicy', 'logs.amazonaws.com', false, 'AWS::Logs::LogGroup', `/${env}/app/access`],
  ];
  const events = trailEvents(state, accountId, region);
  for (const [i, [name, source, readOnly, type, resource]] of plan.entries()) {
    const time = new Date(BASE + i * 17 * 60_000);
    const id = stableUuid(`${accountId}/event/${i}`);
    const record = {
      eventVersion: '1.09', userIdentity: { type: 'IAMUser', accountId, arn: `arn:aws:iam::${accountId}:user/${user}`, userName: user },
      eventTime: time.toISOString().replace(/\.\d{3}Z$/, 'Z'), eventSource: source, eventName: name, awsRegion: region,
      sourceIPAddress: '203.0.113.10', userAgent: 'awsdeck-demo', requestParameters: resource ? { name: resource } : null,
      responseElements: null, requestID: stableUuid(`${accountId}/request/${i}`), eventID: id, readOnly, eventType: name === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall',
      managementEvent: true, recipientAccountId: accountId, eventCategory: 'Management',
    };
    const event: TrailEvent = {
      EventId: id, EventName: name, ReadOnly: readOnly ? 'true' : 'false', AccessKeyId: 'AKIASANDBOXDEMO00001', EventTime: time,
      EventSource: source, Username: user, Resources: type && resource ? [{ ResourceType: type, ResourceName: resource }] : [],
      CloudTrailEvent: JSON.stringify(record),
    };
    events.push(event);
  }
}

export function seedImagesAndTrail(state: SandboxState, accounts: Array<{ accountId: string; env: string }>, regions: readonly string[], user: string): void {
  for (const { accountId, env } of accounts) {
    seedImages(state, accountId, env, regions);
    seedTrail(state, accountId, env, user);
  }
}
