// EC2 key pairs, images (AMIs) and EBS snapshots: the read side the resource views list, with the
// owner filters (`Owners=self`, `OwnerIds=self`) that keep the public catalogue out.
import type { CallContext, ServiceHandlers } from '../types.js';
import type { SandboxState, Tag } from '../state.js';
import { fault } from '../fault.js';
import { applyFilters } from './ec2-filters.js';
import { pageOf } from './paging.js';

export interface KeyPair { KeyPairId: string; KeyName: string; KeyType: 'rsa' | 'ed25519'; KeyFingerprint: string; CreateTime: Date; Tags: Tag[] }
export interface Image {
  ImageId: string; Name: string; Description?: string; OwnerId: string; State: string; CreationDate: string; Public: boolean;
  Architecture: string; RootDeviceType: string; RootDeviceName: string; VirtualizationType: string; snapshotId: string; sizeGiB: number; Tags: Tag[];
}
export interface Snapshot { SnapshotId: string; VolumeId: string; VolumeSize: number; State: string; Progress: string; StartTime: Date; OwnerId: string; Description: string; Encrypted: boolean; Tags: Tag[] }

export interface Ec2ImageStore { keyPairs: Map<string, KeyPair>; images: Map<string, Image>; snapshots: Map<string, Snapshot> }

export function ec2ImageStore(state: SandboxState, accountId: string, region: string): Ec2ImageStore {
  return state.store('ec2-images', accountId, region, () => ({ keyPairs: new Map(), images: new Map(), snapshots: new Map() }));
}

function storeOf(ctx: CallContext): Ec2ImageStore {
  return ec2ImageStore(ctx.state, ctx.principal.accountId, ctx.region);
}

/** `self` is the caller's account; other owners (amazon, an account id) have nothing here. */
function owned<T extends { OwnerId: string }>(items: T[], owners: string[] | undefined, ctx: CallContext): T[] {
  if (!owners?.length) return items;
  const ids = owners.map((o) => (o === 'self' ? ctx.principal.accountId : o));
  return items.filter((i) => ids.includes(i.OwnerId));
}

function paged<T>(items: T[], input: Record<string, any>) {
  if (input.MaxResults === undefined && !input.NextToken) return { page: items, next: undefined };
  const max = Number(input.MaxResults ?? 1000);
  if (!(max >= 5 && max <= 1000)) throw fault('InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`);
  return pageOf(items, input.NextToken, max, { salt: 'ec2', errorCode: 'InvalidNextToken', message: 'The specified token is invalid' });
}

function picked<T>(all: T[], ids: string[] | undefined, idOf: (item: T) => string, missing: (id: string) => Error): T[] {
  if (!ids?.length) return all;
  return ids.map((id) => all.find((item) => idOf(item) === id) ?? (() => { throw missing(id); })());
}

export const ec2ImageHandlers: ServiceHandlers = {
  DescribeKeyPairs(input, ctx) {
    let keys = [...storeOf(ctx).keyPairs.values()];
    keys = picked(keys, input.KeyNames, (k) => k.KeyName, (id) => fault('InvalidKeyPair.NotFound', `The key pair '${id}' does not exist`));
    keys = picked(keys, input.KeyPairIds, (k) => k.KeyPairId, (id) => fault('InvalidKeyPair.NotFound', `The key pair ID '${id}' does not exist`));
    keys = applyFilters(keys, input.Filters, { 'key-name': (k) => k.KeyName, 'key-pair-id': (k) => k.KeyPairId, fingerprint: (k) => k.KeyFingerprint });
    return { KeyPairs: keys };
  },
  DescribeImages(input, ctx) {
    let images = owned([...storeOf(ctx).images.values()], input.Owners, ctx);
    images = picked(images, input.ImageIds, (i) => i.ImageId, (id) => fault('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`));
    images = applyFilters(images, input.Filters, { name: (i) => i.Name, state: (i) => i.State, 'image-id': (i) => i.ImageId, architecture: (i) => i.Architecture, 'is-public': (i) => i.Public });
    const { page, next } = paged(images, input);
    return {
      Images: page.map(({ snapshotId, sizeGiB, ...image }) => ({
        ...image, ImageLocation: `${image.OwnerId}/${image.Name}`, ImageType: 'machine', Hypervisor: 'xen', EnaSupport: true,
        PlatformDetails: 'Linux/UNIX', UsageOperation: 'RunInstances',
        BlockDeviceMappings: [{ DeviceName: image.RootDeviceName, Ebs: { DeleteOnTermination: true, SnapshotId: snapshotId, VolumeSize: sizeGiB, VolumeType: 'gp3', Encrypted: false } }],
      })),
      NextToken: next,
    };
  },
  DescribeSnapshots(input, ctx) {
    let snapshots = owned([...storeOf(ctx).snapshots.values()], input.OwnerIds, ctx);
    snapshots = picked(snapshots, input.SnapshotIds, (s) => s.SnapshotId, (id) => fault('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`));
    snapshots = applyFilters(snapshots, input.Filters, { 'snapshot-id': (s) => s.SnapshotId, 'volume-id': (s) => s.VolumeId, status: (s) => s.State, description: (s) => s.Description });
    const { page, next } = paged(snapshots, input);
    return { Snapshots: page.map((s) => ({ ...s, StorageTier: 'standard' })), NextToken: next };
  },
};
