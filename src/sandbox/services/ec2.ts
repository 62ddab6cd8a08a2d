// EC2: regions, instances (filters, pagination, start/stop/reboot/terminate with DryRun and
// timed state changes), volumes, security groups, VPCs and subnets.
import type { CallContext, ServiceHandlers } from '../types.js';
import { fault } from '../fault.js';
import { applyFilters, type FilterAccessors } from './ec2-filters.js';
import { pageOf } from './paging.js';
import { ec2Store, settleInstances, setInstanceState, STATE_CODES, type Ec2Instance, type Ec2Store, type InstanceStateName } from './ec2-store.js';

export const EC2_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
];

function storeOf(ctx: CallContext): Ec2Store {
  const store = ec2Store(ctx.state, ctx.principal.accountId, ctx.region);
  settleInstances(store, ctx.now.getTime());
  return store;
}

function dryRunSucceeds(input: Record<string, any>): void {
  if (input.DryRun) throw fault('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', { status: 412 });
}

function checkMaxResults(input: Record<string, any>, min: number, max: number): number | undefined {
  if (input.MaxResults === undefined) return undefined;
  const n = Number(input.MaxResults);
  if (n < min || n > max) throw fault('InvalidParameterValue', `Value ( ${n} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`);
  return n;
}

/** Look up explicitly requested ids; unknown ones fail the way each resource type does. */
function pickByIds<T>(all: Map<string, T>, ids: string[] | undefined, kind: { code: string; noun: string; malformed?: RegExp; malformedCode?: string }): T[] {
  if (!ids?.length) return [...all.values()];
  if (kind.malformed) {
    const bad = ids.find((id) => !kind.malformed!.test(id));
    if (bad) throw fault(kind.malformedCode!, `Invalid id: "${bad}"`);
  }
  const missing = ids.filter((id) => !all.has(id));
  if (missing.length === 1) throw fault(kind.code, `The ${kind.noun} '${missing[0]}' does not exist`);
  if (missing.length > 1) throw fault(kind.code, `The ${kind.noun}s '${missing.join(', ')}' do not exist`);
  return ids.map((id) => all.get(id)!);
}

function paginate<T>(items: T[], input: Record<string, any>, min: number, max: number): { page: T[]; next?: string } {
  const limit = checkMaxResults(input, min, max);
  if (limit === undefined && !input.NextToken) return { page: items };
  return pageOf(items, input.NextToken, limit ?? 1000, { salt: 'ec2', errorCode: 'InvalidNextToken', message: 'The specified token is invalid' });
}

const INSTANCE_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;

const INSTANCE_FILTERS: FilterAccessors<Ec2Instance> = {
  'instance-id': (i) => i.InstanceId,
  'instance-state-name': (i) => i.State.Name,
  'instance-state-code': (i) => i.State.Code,
  'instance-type': (i) => i.InstanceType,
  'availability-zone': (i) => i.Placement.AvailabilityZone,
  'vpc-id': (i) => i.VpcId,
  'subnet-id': (i) => i.SubnetId,
  'private-ip-address': (i) => i.PrivateIpAddress,
  'ip-address': (i) => i.PublicIpAddress,
  'image-id': (i) => i.ImageId,
  'key-name': (i) => i.KeyName,
  architecture: (i) => i.Architecture,
  'instance.group-id': (i) => i.SecurityGroups.map((g) => g.GroupId),
  'instance.group-name': (i) => i.SecurityGroups.map((g) => g.GroupName),
  'reservation-id': (i) => i.reservationId,
  'private-dns-name': (i) => i.PrivateDnsName,
  'dns-name': (i) => i.PublicDnsName,
};

function instancesFor(ctx: CallContext, input: Record<string, any>): Ec2Instance[] {
  return pickByIds(storeOf(ctx).instances, input.InstanceIds, { code: 'InvalidInstanceID.NotFound', noun: 'instance ID', malformed: INSTANCE_ID, malformedCode: 'InvalidInstanceID.Malformed' });
}

function stateOf(i: Ec2Instance) {
  return { Code: i.State.Code, Name: i.State.Name };
}

/** Shared body of Start/Stop/Terminate: validate every instance first, then change them all. */
function changeStates(ctx: CallContext, input: Record<string, any>, plan: (i: Ec2Instance) => { now: InstanceStateName; then?: InstanceStateName } | string) {
  const instances = instancesFor(ctx, input);
  const plans = instances.map((i) => ({ i, p: plan(i) }));
  const refused = plans.find(({ p }) => typeof p === 'string');
  if (refused) throw fault('IncorrectInstanceState', refused.p as string);
  dryRunSucceeds(input);
  return plans.map(({ i, p }) => {
    const previous = stateOf(i);
    const { now, then } = p as { now: InstanceStateName; then?: InstanceStateName };
    if (now !== i.State.Name) setInstanceState(i, now);
    i.transition = then ? { to: then, at: ctx.now.getTime() + ctx.state.options.instanceTransitionMs } : i.transition;
    return { InstanceId: i.InstanceId, CurrentState: stateOf(i), PreviousState: previous };
  });
}

export const ec2Handlers: ServiceHandlers = {
  DescribeRegions(input) {
    let regions = EC2_REGIONS.map((r) => ({ RegionName: r, Endpoint: `ec2.${r}.amazonaws.com`, OptInStatus: 'opt-in-not-required' }));
    const names = input.RegionNames as string[] | undefined;
    if (names?.length) {
      const bad = names.find((n) => !EC2_REGIONS.includes(n));
      if (bad) throw fault('InvalidParameterValue', `Invalid region: ${bad}`);
      regions = regions.filter((r) => names.includes(r.RegionName));
    }
    return { Regions: applyFilters(regions as Array<typeof regions[number] & { Tags?: [] }>, input.Filters, { 'region-name': (r) => r.RegionName, endpoint: (r) => r.Endpoint, 'opt-in-status': (r) => r.OptInStatus }) };
  },

  DescribeAvailabilityZones(_input, ctx) {
    return { AvailabilityZones: ['a', 'b', 'c'].map((z, n) => ({ ZoneName: `${ctx.region}${z}`, ZoneId: `${ctx.region.split('-').map((p) => p[0]).join('')}-az${n + 1}`, State: 'available', RegionName: ctx.region, ZoneType: 'availability-zone', OptInStatus: 'opt-in-not-required', GroupName: ctx.region, NetworkBorderGroup: ctx.region, Messages: [] })) };
  },

  DescribeInstances(input, ctx) {
    if (input.InstanceIds?.length && input.MaxResults !== undefined) throw fault('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
    const instances = applyFilters(instancesFor(ctx, input), input.Filters, INSTANCE_FILTERS);
    const { page, next } = paginate(instances, input, 5, 1000);
    const reservations = new Map<string, { ReservationId: string; OwnerId: string; Groups: []; Instances: Ec2Instance[] }>();
    for (const i of page) {
      let r = reservations.get(i.reservationId);
      if (!r) reservations.set(i.reservationId, (r = { ReservationId: i.reservationId, OwnerId: i.ownerId, Groups: [], Instances: [] }));
      r.Instances.push(i);
    }
    return { Reservations: [...reservations.values()], NextToken: next };
  },

  DescribeInstanceStatus(input, ctx) {
    const all = applyFilters(instancesFor(ctx, input), input.Filters, INSTANCE_FILTERS).filter((i) => input.IncludeAllInstances || i.State.Name === 'running');
    const { page, next } = paginate(all, input, 5, 1000);
    return {
      InstanceStatuses: page.map((i) => ({
        InstanceId: i.InstanceId, AvailabilityZone: i.Placement.AvailabilityZone, InstanceState: stateOf(i),
        InstanceStatus: { Status: i.State.Name === 'running' ? 'ok' : 'not-applicable' }, SystemStatus: { Status: i.State.Name === 'running' ? 'ok' : 'not-applicable' },
      })),
      NextToken: next,
    };
  },

  StartInstances(input, ctx) {
    return {
      StartingInstances: changeStates(ctx, input, (i) => {
        if (i.State.Name === 'stopped') return { now: 'pending', then: 'running' };
        if (i.State.Name === 'running' || i.State.Name === 'pending') return { now: i.State.Name };
        return `The instance '${i.InstanceId}' is not in a state from which it can be started.`;
      }),
    };
  },

  StopInstances(input, ctx) {
    return {
      StoppingInstances: changeStates(ctx, input, (i) => {
        if (i.State.Name === 'running' || i.State.Name === 'pending') return { now: 'stopping', then: 'stopped' };
        if (i.State.Name === 'stopped' || i.State.Name === 'stopping') return { now: i.State.Name };
        return `The instance '${i.InstanceId}' is not in a state from which it can be stopped.`;
      }),
    };
  },

  TerminateInstances(input, ctx) {
    return {
      TerminatingInstances: changeStates(ctx, input, (i) => {
        if (i.State.Name === 'terminated' || i.State.Name === 'shutting-down') return { now: i.State.Name };
        return { now: 'shutting-down', then: 'terminated' };
      }),
    };
  },

  RebootInstances(input, ctx) {
    const instances = instancesFor(ctx, input);
    const bad = instances.find((i) => i.State.Name !== 'running' && i.State.Name !== 'pending');
    if (bad) throw fault('IncorrectInstanceState', `The instance '${bad.InstanceId}' is not in a state from which it can be rebooted.`);
    dryRunSucceeds(input);
    return {};
  },

  DescribeVolumes(input, ctx) {
    const store = storeOf(ctx);
    const volumes = applyFilters(pickByIds(store.volumes, input.VolumeIds, { code: 'InvalidVolume.NotFound', noun: 'volume', malformed: /^vol-[0-9a-f]+$/, malformedCode: 'InvalidVolumeID.Malformed' }), input.Filters, {
      'volume-id': (v) => v.VolumeId, status: (v) => v.State, 'availability-zone': (v) => v.AvailabilityZone, 'volume-type': (v) => v.VolumeType,
      size: (v) => v.Size, encrypted: (v) => v.Encrypted, 'snapshot-id': (v) => v.SnapshotId,
      'attachment.instance-id': (v) => v.Attachments.map((a) => a.InstanceId), 'attachment.status': (v) => v.Attachments.map((a) => a.State),
    });
    const { page, next } = paginate(volumes, input, 5, 500);
    return { Volumes: page, NextToken: next };
  },

  DescribeSecurityGroups(input, ctx) {
    const store = storeOf(ctx);
    let groups = pickByIds(store.securityGroups, input.GroupIds, { code: 'InvalidGroup.NotFound', noun: 'security group', malformed: /^sg-[0-9a-f]+$/, malformedCode: 'InvalidGroupId.Malformed' });
    if (input.GroupNames?.length) {
      const names = input.GroupNames as string[];
      const missing = names.find((n) => !groups.some((g) => g.GroupName === n));
      if (missing) throw fault('InvalidGroup.NotFound', `The security group '${missing}' does not exist in default VPC '${[...store.vpcs.values()].find((v) => v.IsDefault)?.VpcId ?? ''}'`);
      groups = groups.filter((g) => names.includes(g.GroupName));
    }
    groups = applyFilters(groups, input.Filters, {
      'group-id': (g) => g.GroupId, 'group-name': (g) => g.GroupName, 'vpc-id': (g) => g.VpcId, description: (g) => g.Description, 'owner-id': (g) => g.OwnerId,
    });
    const { page, next } = paginate(groups, input, 5, 1000);
    return { SecurityGroups: page, NextToken: next };
  },

  DescribeVpcs(input, ctx) {
    const vpcs = applyFilters(pickByIds(storeOf(ctx).vpcs, input.VpcIds, { code: 'InvalidVpcID.NotFound', noun: 'vpc ID', malformed: /^vpc-[0-9a-f]+$/, malformedCode: 'InvalidVpcID.Malformed' }), input.Filters, {
      'vpc-id': (v) => v.VpcId, 'is-default': (v) => v.IsDefault, 'cidr': (v) => v.CidrBlock, 'cidr-block-association.cidr-block': (v) => v.CidrBlock, state: (v) => v.State, 'owner-id': (v) => v.OwnerId,
    });
    const { page, next } = paginate(vpcs, input, 5, 1000);
    return { Vpcs: page, NextToken: next };
  },

  DescribeSubnets(input, ctx) {
    const subnets = applyFilters(pickByIds(storeOf(ctx).subnets, input.SubnetIds, { code: 'InvalidSubnetID.NotFound', noun: 'subnet ID', malformed: /^subnet-[0-9a-f]+$/, malformedCode: 'InvalidSubnetID.Malformed' }), input.Filters, {
      'subnet-id': (s) => s.SubnetId, 'vpc-id': (s) => s.VpcId, 'availability-zone': (s) => s.AvailabilityZone, 'default-for-az': (s) => s.DefaultForAz,
      'cidr-block': (s) => s.CidrBlock, state: (s) => s.State, 'owner-id': (s) => s.OwnerId,
    });
    const { page, next } = paginate(subnets, input, 5, 1000);
    return { Subnets: page, NextToken: next };
  },
};

export { STATE_CODES };
