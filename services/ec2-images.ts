// EC2 key pairs, and the AMIs and EBS snapshots the account owns (`self`: not the public catalogue).
import { ec2Arn, ec2Console } from './ec2.js';
import { partitionOf, shortTime, str, tagPath } from './format.js';
import type { ResourceDescriptor, Where } from './types.js';

const tone: Record<string, 'ok' | 'warn' | 'danger' | 'muted'> = {
  available: 'ok', completed: 'ok', pending: 'warn', recoverable: 'warn', recovering: 'warn',
  failed: 'danger', error: 'danger', invalid: 'danger', deregistered: 'muted', disabled: 'muted',
};

/** AMI and snapshot ARNs name no account. */
const accountlessArn = (kind: string, idKey: string) => (item: Record<string, unknown>, where: Where) =>
  `arn:${partitionOf(where.region).name}:ec2:${where.region}::${kind}/${str(item[idKey])}`;

export const keyPairs: ResourceDescriptor = {
  id: 'ec2.key-pairs',
  title: 'EC2 key pairs',
  aliases: ['keypairs', 'key-pairs', 'keys'],
  service: 'ec2',
  operation: 'DescribeKeyPairs',
  items: ['KeyPairs[]'],
  columns: [
    { id: 'name', title: 'Key pair', path: 'KeyName', min: 12, max: 40 },
    { id: 'id', title: 'Id', path: 'KeyPairId', min: 21 },
    { id: 'type', title: 'Type', path: 'KeyType', min: 4 },
    { id: 'fingerprint', title: 'Fingerprint', path: 'KeyFingerprint', min: 16, max: 60, grow: 1 },
    { id: 'created', title: 'Created', path: 'CreateTime', min: 16, format: shortTime },
  ],
  identity: { id: 'KeyName', name: 'KeyName', arn: ec2Arn('key-pair', 'KeyName') },
  detail: 'row',
  consoleUrl: ec2Console((i) => `KeyPairs:search=${encodeURIComponent(str(i.KeyName))}`),
};

export const images: ResourceDescriptor = {
  id: 'ec2.images',
  title: 'AMIs owned by the account',
  aliases: ['amis', 'images', 'ami'],
  service: 'ec2',
  operation: 'DescribeImages',
  params: () => ({ Owners: ['self'] }),
  items: ['Images[]'],
  columns: [
    { id: 'id', title: 'Image', path: 'ImageId', min: 21 },
    { id: 'name', title: 'Name', path: 'Name', min: 8, max: 40, grow: 1 },
    { id: 'state', title: 'State', path: 'State', min: 9 },
    { id: 'arch', title: 'Arch', path: 'Architecture', min: 6 },
    { id: 'root', title: 'Root', path: 'RootDeviceType', min: 3 },
    { id: 'public', title: 'Public', path: 'Public', min: 5 },
    { id: 'created', title: 'Created', path: 'CreationDate', min: 16, format: shortTime },
  ],
  identity: { id: 'ImageId', name: 'Name', arn: accountlessArn('image', 'ImageId') },
  detail: 'row',
  tone: (item) => tone[str(item.State)],
  consoleUrl: ec2Console((i) => `ImageDetails:imageId=${str(i.ImageId)}`),
};

export const snapshots: ResourceDescriptor = {
  id: 'ec2.snapshots',
  title: 'EBS snapshots owned by the account',
  aliases: ['snapshots', 'snaps'],
  service: 'ec2',
  operation: 'DescribeSnapshots',
  params: () => ({ OwnerIds: ['self'] }),
  items: ['Snapshots[]'],
  columns: [
    { id: 'id', title: 'Snapshot', path: 'SnapshotId', min: 22 },
    { id: 'name', title: 'Name', path: tagPath('Name'), min: 12, max: 24 },
    { id: 'volume', title: 'Volume', path: 'VolumeId', min: 8 },
    { id: 'size', title: 'GiB', path: 'VolumeSize', min: 3, align: 'right' },
    { id: 'state', title: 'State', path: 'State', min: 9 },
    { id: 'progress', title: 'Progress', path: 'Progress', min: 4, align: 'right' },
    { id: 'started', title: 'Started', path: 'StartTime', min: 16, format: shortTime },
    { id: 'description', title: 'Description', path: 'Description', min: 8, max: 40, grow: 1 },
  ],
  identity: { id: 'SnapshotId', name: tagPath('Name'), arn: accountlessArn('snapshot', 'SnapshotId') },
  detail: 'row',
  tone: (item) => tone[str(item.State)],
  consoleUrl: ec2Console((i) => `SnapshotDetails:snapshotId=${str(i.SnapshotId)}`),
};

export const ec2ImageViews = [keyPairs, images, snapshots];
