// EC2 resources for one account and region, kept in the shapes EC2 returns (model member
// names), plus the timers that move instances through their states like AWS does.
import type { SandboxState, Tag } from '../state.js';
import { createHash } from 'node:crypto';

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
export const STATE_CODES: Record<InstanceStateName, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

export interface Ec2Instance {
  InstanceId: string; ImageId: string; InstanceType: string; KeyName?: string; LaunchTime: Date;
  State: { Code: number; Name: InstanceStateName }; StateTransitionReason: string;
  Placement: { AvailabilityZone: string; GroupName: string; Tenancy: string };
  PrivateDnsName: string; PrivateIpAddress: string; PublicDnsName: string; PublicIpAddress?: string;
  SubnetId: string; VpcId: string; Architecture: string; RootDeviceName: string; RootDeviceType: string;
  BlockDeviceMappings: Array<{ DeviceName: string; Ebs: { AttachTime: Date; DeleteOnTermination: boolean; Status: string; VolumeId: string } }>;
  SecurityGroups: Array<{ GroupName: string; GroupId: string }>;
  Tags: Tag[]; [field: string]: unknown;
  /** Sandbox bookkeeping: the reservation it launched in and a pending state change. */
  reservationId: string; ownerId: string; transition?: { to: InstanceStateName; at: number };
}

export interface Ec2Volume {
  VolumeId: string; Size: number; SnapshotId: string; AvailabilityZone: string; State: string; CreateTime: Date;
  Attachments: Array<{ AttachTime: Date; Device: string; InstanceId: string; State: string; VolumeId: string; DeleteOnTermination: boolean }>;
  VolumeType: string; Iops?: number; Throughput?: number; Encrypted: boolean; MultiAttachEnabled: boolean; Tags: Tag[];
}

export interface Ec2SecurityGroup {
  GroupId: string; GroupName: string; Description: string; OwnerId: string; VpcId: string; SecurityGroupArn: string;
  IpPermissions: unknown[]; IpPermissionsEgress: unknown[]; Tags: Tag[];
}

export interface Ec2Vpc {
  VpcId: string; CidrBlock: string; State: string; DhcpOptionsId: string; InstanceTenancy: string; IsDefault: boolean; OwnerId: string;
  CidrBlockAssociationSet: Array<{ AssociationId: string; CidrBlock: string; CidrBlockState: { State: string } }>; Tags: Tag[];
}

export interface Ec2Subnet {
  SubnetId: string; SubnetArn: string; VpcId: string; CidrBlock: string; AvailabilityZone: string; AvailabilityZoneId: string;
  AvailableIpAddressCount: number; DefaultForAz: boolean; MapPublicIpOnLaunch: boolean; State: string; OwnerId: string; Tags: Tag[];
  [field: string]: unknown;
}

export interface Ec2Store {
  accountId: string; region: string;
  instances: Map<string, Ec2Instance>;
  volumes: Map<string, Ec2Volume>;
  securityGroups: Map<string, Ec2SecurityGroup>;
  vpcs: Map<string, Ec2Vpc>;
  subnets: Map<string, Ec2Subnet>;
}

let idCounter = 0;

/** Ids follow creation order, so a seed rebuilt from scratch gets the same ids (which `--data` relies on). */
export function ec2Id(prefix: string): string {
  return `${prefix}-${createHash('sha256').update(`${prefix}/${idCounter++}`).digest('hex').slice(0, 17)}`;
}

/** Start id numbering again (each sandbox seeds from zero). */
export function resetEc2Ids(): void {
  idCounter = 0;
}

/** The store for one account+region; a new region starts with a default VPC, subnets and group, as AWS accounts do. */
export function ec2Store(state: SandboxState, accountId: string, region: string): Ec2Store {
  return state.store('ec2', accountId, region, () => {
    const store: Ec2Store = { accountId, region, instances: new Map(), volumes: new Map(), securityGroups: new Map(), vpcs: new Map(), subnets: new Map() };
    const vpc = addVpc(store, '172.31.0.0/16', true, []);
    ['a', 'b', 'c'].forEach((az, i) => addSubnet(store, vpc.VpcId, `172.31.${i * 16}.0/20`, `${region}${az}`, true, []));
    addSecurityGroup(store, vpc.VpcId, 'default', 'default VPC security group', [], []);
    return store;
  });
}

export function addVpc(store: Ec2Store, cidr: string, isDefault: boolean, tags: Tag[]): Ec2Vpc {
  const vpc: Ec2Vpc = {
    VpcId: ec2Id('vpc'), CidrBlock: cidr, State: 'available', DhcpOptionsId: ec2Id('dopt'), InstanceTenancy: 'default', IsDefault: isDefault,
    OwnerId: store.accountId, CidrBlockAssociationSet: [{ AssociationId: ec2Id('vpc-cidr-assoc'), CidrBlock: cidr, CidrBlockState: { State: 'associated' } }], Tags: tags,
  };
  store.vpcs.set(vpc.VpcId, vpc);
  return vpc;
}

export function addSubnet(store: Ec2Store, vpcId: string, cidr: string, az: string, isDefault: boolean, tags: Tag[]): Ec2Subnet {
  const id = ec2Id('subnet');
  const subnet: Ec2Subnet = {
    SubnetId: id, SubnetArn: `arn:aws:ec2:${store.region}:${store.accountId}:subnet/${id}`, VpcId: vpcId, CidrBlock: cidr,
    AvailabilityZone: az, AvailabilityZoneId: `${store.region.split('-').map((p) => p[0]).join('')}-az${az.slice(-1).charCodeAt(0) - 96}`,
    AvailableIpAddressCount: 2 ** (32 - Number(cidr.split('/')[1])) - 5, DefaultForAz: isDefault, MapPublicIpOnLaunch: isDefault,
    AssignIpv6AddressOnCreation: false, Ipv6CidrBlockAssociationSet: [], Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    State: 'available', OwnerId: store.accountId, Tags: tags,
  };
  store.subnets.set(id, subnet);
  return subnet;
}

export function addSecurityGroup(store: Ec2Store, vpcId: string, name: string, description: string, ingress: unknown[], tags: Tag[]): Ec2SecurityGroup {
  const id = ec2Id('sg');
  const group: Ec2SecurityGroup = {
    GroupId: id, GroupName: name, Description: description, OwnerId: store.accountId, VpcId: vpcId,
    SecurityGroupArn: `arn:aws:ec2:${store.region}:${store.accountId}:security-group/${id}`,
    IpPermissions: ingress,
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    Tags: tags,
  };
  store.securityGroups.set(id, group);
  return group;
}

export interface LaunchSpec {
  name?: string; instanceType: string; state: InstanceStateName; subnet: Ec2Subnet; group: Ec2SecurityGroup;
  tags?: Tag[]; launchTime?: Date; keyName?: string; publicIp?: boolean; reservationId?: string; volumeSize?: number;
}

let ipCounter = 10;

export function launchInstance(store: Ec2Store, spec: LaunchSpec): Ec2Instance {
  const id = ec2Id('i');
  const octets = spec.subnet.CidrBlock.split('/')[0]!.split('.');
  const privateIp = `${octets[0]}.${octets[1]}.${octets[2]}.${(ipCounter++ % 240) + 10}`;
  const launchTime = spec.launchTime ?? new Date();
  const volume: Ec2Volume = {
    VolumeId: ec2Id('vol'), Size: spec.volumeSize ?? 8, SnapshotId: ec2Id('snap'), AvailabilityZone: spec.subnet.AvailabilityZone,
    State: 'in-use', CreateTime: launchTime, VolumeType: 'gp3', Iops: 3000, Throughput: 125, Encrypted: false, MultiAttachEnabled: false, Tags: [],
    Attachments: [{ AttachTime: launchTime, Device: '/dev/xvda', InstanceId: id, State: 'attached', VolumeId: '', DeleteOnTermination: true }],
  };
  volume.Attachments[0]!.VolumeId = volume.VolumeId;
  store.volumes.set(volume.VolumeId, volume);
  const running = spec.state === 'running' || spec.state === 'pending';
  const publicIp = spec.publicIp && running ? `54.${(ipCounter * 7) % 250}.${(ipCounter * 13) % 250}.${(ipCounter * 3) % 250 + 1}` : undefined;
  const privateDns = `ip-${privateIp.replace(/\./g, '-')}.${store.region === 'us-east-1' ? 'ec2.internal' : `${store.region}.compute.internal`}`;
  const publicDns = publicIp ? `ec2-${publicIp.replace(/\./g, '-')}.${store.region === 'us-east-1' ? 'compute-1' : `${store.region}.compute`}.amazonaws.com` : '';
  const association = publicIp ? { IpOwnerId: 'amazon', PublicDnsName: publicDns, PublicIp: publicIp } : undefined;
  const tags = [...(spec.name !== undefined ? [{ Key: 'Name', Value: spec.name }] : []), ...(spec.tags ?? [])];
  const instance: Ec2Instance = {
    AmiLaunchIndex: 0, ImageId: 'ami-0abcdef1234567890', InstanceId: id, InstanceType: spec.instanceType, KeyName: spec.keyName,
    LaunchTime: launchTime, Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: spec.subnet.AvailabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: privateDns,
    PrivateIpAddress: privateIp, ProductCodes: [],
    PublicDnsName: publicDns,
    PublicIpAddress: publicIp,
    State: { Code: STATE_CODES[spec.state], Name: spec.state },
    StateTransitionReason: spec.state === 'stopped' ? `User initiated (${launchTime.toISOString().replace('T', ' ').slice(0, 19)} GMT)` : '',
    SubnetId: spec.subnet.SubnetId, VpcId: spec.subnet.VpcId, Architecture: 'x86_64',
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { AttachTime: launchTime, DeleteOnTermination: true, Status: 'attached', VolumeId: volume.VolumeId } }],
    ClientToken: '', EbsOptimized: false, Hypervisor: 'xen',
    NetworkInterfaces: [{
      Attachment: { AttachTime: launchTime, AttachmentId: ec2Id('eni-attach'), DeleteOnTermination: true, DeviceIndex: 0, Status: 'attached', NetworkCardIndex: 0 },
      Description: '', Groups: [{ GroupName: spec.group.GroupName, GroupId: spec.group.GroupId }], MacAddress: '0a:1b:2c:3d:4e:5f',
      NetworkInterfaceId: ec2Id('eni'), OwnerId: store.accountId, PrivateIpAddress: privateIp, SourceDestCheck: true, Status: 'in-use',
      SubnetId: spec.subnet.SubnetId, VpcId: spec.subnet.VpcId, InterfaceType: 'interface', Ipv6Addresses: [], PrivateDnsName: privateDns,
      Association: association,
      PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: privateIp, PrivateDnsName: privateDns, Association: association }],
    }],
    RootDeviceName: '/dev/xvda', RootDeviceType: 'ebs',
    SecurityGroups: [{ GroupName: spec.group.GroupName, GroupId: spec.group.GroupId }],
    SourceDestCheck: true, Tags: tags, VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: 1, ThreadsPerCore: 2 }, HibernationOptions: { Configured: false },
    MetadataOptions: { State: 'applied', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' },
    EnclaveOptions: { Enabled: false }, PlatformDetails: 'Linux/UNIX', UsageOperation: 'RunInstances',
    reservationId: spec.reservationId ?? ec2Id('r'), ownerId: store.accountId,
  };
  store.instances.set(id, instance);
  return instance;
}

export function setInstanceState(instance: Ec2Instance, name: InstanceStateName): void {
  instance.State = { Code: STATE_CODES[name], Name: name };
}

/** Apply state changes whose time has come (pending→running, stopping→stopped, …). */
export function settleInstances(store: Ec2Store, now: number): void {
  for (const instance of store.instances.values()) {
    const t = instance.transition;
    if (!t || t.at > now) continue;
    setInstanceState(instance, t.to);
    instance.transition = undefined;
    if (t.to === 'stopped' || t.to === 'terminated') {
      instance.PublicIpAddress = undefined;
      instance.PublicDnsName = '';
      instance.StateTransitionReason = `User initiated (${new Date(t.at).toISOString().replace('T', ' ').slice(0, 19)} GMT)`;
    }
  }
}
