// EC2: instances, volumes, security groups, VPCs and subnets. Each lists with its Describe call;
// the row's own object is its detail (Describe already returns everything).
import { partitionOf, shortTime, str, tagPath } from './format.js';
import type { ResourceDescriptor, Where } from './types.js';

export const ec2Arn = (kind: string, idKey: string) => (item: Record<string, unknown>, where: Where) =>
  where.account ? `arn:${partitionOf(where.region).name}:ec2:${where.region}:${where.account}:${kind}/${str(item[idKey])}` : undefined;

export const ec2Console = (anchor: (item: Record<string, unknown>) => string) => (item: Record<string, unknown>, where: Where) =>
  `https://${where.region}.${partitionOf(where.region).console}/ec2/home?region=${where.region}#${anchor(item)}`;

const vpcConsole = (anchor: (item: Record<string, unknown>) => string) => (item: Record<string, unknown>, where: Where) =>
  `https://${where.region}.${partitionOf(where.region).console}/vpcconsole/home?region=${where.region}#${anchor(item)}`;

const stateTone: Record<string, 'ok' | 'warn' | 'danger' | 'muted'> = {
  running: 'ok', pending: 'warn', stopping: 'warn', 'shutting-down': 'warn', stopped: 'muted', terminated: 'danger',
  available: 'warn', 'in-use': 'ok', error: 'danger', deleting: 'warn',
};

const name = { id: 'name', title: 'Name', path: tagPath('Name'), min: 4, max: 24, grow: 1 };

const instanceState = (item: Record<string, unknown>) => str((item.State as Record<string, unknown> | undefined)?.Name);
const inState = (...states: string[]) => (item: Record<string, unknown>) => states.includes(instanceState(item));
const instanceCall = (operation: string) => (items: Array<Record<string, unknown>>) =>
  ({ service: 'ec2', operation, params: { InstanceIds: items.map((i) => str(i.InstanceId)) } });
// A state change is over when the instance is no longer between two states.
const settledInstance = (item: Record<string, unknown>) => !['pending', 'stopping', 'shutting-down'].includes(instanceState(item));

export const instances: ResourceDescriptor = {
  id: 'ec2.instances',
  title: 'EC2 instances',
  aliases: ['ec2', 'instances', 'ec2-instances'],
  service: 'ec2',
  operation: 'DescribeInstances',
  items: ['Reservations[].Instances[]'],
  columns: [
    { id: 'id', title: 'Instance', path: 'InstanceId', min: 19 },
    name,
    { id: 'state', title: 'State', path: 'State.Name', min: 7 },
    { id: 'type', title: 'Type', path: 'InstanceType', min: 4 },
    { id: 'az', title: 'AZ', path: 'Placement.AvailabilityZone', min: 4 },
    { id: 'private', title: 'Private IP', path: 'PrivateIpAddress', min: 7 },
    { id: 'public', title: 'Public IP', path: 'PublicIpAddress', min: 7 },
    { id: 'launched', title: 'Launched', path: 'LaunchTime', min: 16, format: shortTime },
  ],
  identity: { id: 'InstanceId', name: tagPath('Name'), arn: ec2Arn('instance', 'InstanceId') },
  detail: 'row',
  actions: [
    { command: 'start', keys: ['s'], description: 'start instance', appliesTo: inState('stopped'), call: instanceCall('StartInstances'), dryRun: true, settled: settledInstance },
    { command: 'stop', keys: ['S'], description: 'stop instance', appliesTo: inState('running', 'pending'), call: instanceCall('StopInstances'), dryRun: true, settled: settledInstance },
    { command: 'reboot', keys: ['B'], description: 'reboot instance', appliesTo: inState('running'), call: instanceCall('RebootInstances'), dryRun: true, settled: settledInstance },
    {
      command: 'terminate', keys: ['ctrl+d'], description: 'terminate instance', appliesTo: (i) => instanceState(i) !== 'terminated',
      call: instanceCall('TerminateInstances'), dryRun: true, typeToConfirm: true, settled: settledInstance,
    },
  ],
  tone: (item) => stateTone[str((item.State as { Name?: string } | undefined)?.Name)],
  consoleUrl: ec2Console((i) => `InstanceDetails:instanceId=${str(i.InstanceId)}`),
};

export const volumes: ResourceDescriptor = {
  id: 'ec2.volumes',
  title: 'EBS volumes',
  aliases: ['volumes', 'ebs', 'vol'],
  service: 'ec2',
  operation: 'DescribeVolumes',
  items: ['Volumes[]'],
  columns: [
    { id: 'id', title: 'Volume', path: 'VolumeId', min: 21 },
    name,
    { id: 'state', title: 'State', path: 'State', min: 5 },
    { id: 'size', title: 'GiB', path: 'Size', min: 3, align: 'right' },
    { id: 'type', title: 'Type', path: 'VolumeType', min: 4 },
    { id: 'az', title: 'AZ', path: 'AvailabilityZone', min: 4 },
    { id: 'instance', title: 'Attached to', path: 'Attachments[0].InstanceId', min: 8 },
    { id: 'encrypted', title: 'Encrypted', path: 'Encrypted', min: 5 },
  ],
  identity: { id: 'VolumeId', name: tagPath('Name'), arn: ec2Arn('volume', 'VolumeId') },
  detail: 'row',
  tone: (item) => stateTone[str(item.State)],
  consoleUrl: ec2Console((i) => `VolumeDetails:volumeId=${str(i.VolumeId)}`),
};

export const securityGroups: ResourceDescriptor = {
  id: 'ec2.security-groups',
  title: 'Security groups',
  aliases: ['sg', 'security-groups', 'securitygroups'],
  service: 'ec2',
  operation: 'DescribeSecurityGroups',
  items: ['SecurityGroups[]'],
  columns: [
    { id: 'id', title: 'Group', path: 'GroupId', min: 20 },
    { id: 'name', title: 'Name', path: 'GroupName', min: 4, max: 32 },
    { id: 'vpc', title: 'VPC', path: 'VpcId', min: 6 },
    { id: 'inbound', title: 'In', path: 'length(IpPermissions || `[]`)', min: 2, align: 'right' },
    { id: 'outbound', title: 'Out', path: 'length(IpPermissionsEgress || `[]`)', min: 3, align: 'right' },
    { id: 'description', title: 'Description', path: 'Description', min: 8, grow: 1 },
  ],
  identity: { id: 'GroupId', name: 'GroupName', arn: ec2Arn('security-group', 'GroupId') },
  detail: 'row',
  consoleUrl: ec2Console((i) => `SecurityGroup:groupId=${str(i.GroupId)}`),
};

export const vpcs: ResourceDescriptor = {
  id: 'ec2.vpcs',
  title: 'VPCs',
  aliases: ['vpc', 'vpcs'],
  service: 'ec2',
  operation: 'DescribeVpcs',
  items: ['Vpcs[]'],
  columns: [
    { id: 'id', title: 'VPC', path: 'VpcId', min: 21 },
    name,
    { id: 'cidr', title: 'CIDR', path: 'CidrBlock', min: 9 },
    { id: 'state', title: 'State', path: 'State', min: 5 },
    { id: 'default', title: 'Default', path: 'IsDefault', min: 5 },
  ],
  identity: { id: 'VpcId', name: tagPath('Name'), arn: ec2Arn('vpc', 'VpcId') },
  detail: 'row',
  child: (item) => ({ view: 'ec2.subnets', scope: { VpcId: str(item.VpcId) }, label: str(item.VpcId) }),
  consoleUrl: vpcConsole((i) => `VpcDetails:VpcId=${str(i.VpcId)}`),
};

export const subnets: ResourceDescriptor = {
  id: 'ec2.subnets',
  title: 'Subnets',
  aliases: ['subnets', 'subnet'],
  service: 'ec2',
  operation: 'DescribeSubnets',
  // Opened from a VPC row: only that VPC's subnets.
  params: (scope) => (scope.VpcId ? { Filters: [{ Name: 'vpc-id', Values: [scope.VpcId] }] } : {}),
  items: ['Subnets[]'],
  columns: [
    { id: 'id', title: 'Subnet', path: 'SubnetId', min: 24 },
    name,
    { id: 'vpc', title: 'VPC', path: 'VpcId', min: 6 },
    { id: 'cidr', title: 'CIDR', path: 'CidrBlock', min: 9 },
    { id: 'az', title: 'AZ', path: 'AvailabilityZone', min: 4 },
    { id: 'free', title: 'Free IPs', path: 'AvailableIpAddressCount', min: 4, align: 'right' },
  ],
  identity: { id: 'SubnetId', name: tagPath('Name'), arn: (item) => (typeof item.SubnetArn === 'string' ? item.SubnetArn : undefined) },
  detail: 'row',
  label: (scope) => (scope.VpcId ? `Subnets of ${scope.VpcId}` : 'Subnets'),
  consoleUrl: vpcConsole((i) => `SubnetDetails:subnetId=${str(i.SubnetId)}`),
};

export const ec2Views = [instances, volumes, securityGroups, vpcs, subnets];
