// IAM, read side: the users, roles, policies and MFA devices the resource views list.
import type { CallContext, ServiceHandlers } from '../types.js';
import type { IamAccount } from '../state.js';
import { fault } from '../fault.js';
import { pageOf } from './paging.js';

function iamOf(ctx: CallContext): IamAccount {
  return ctx.state.iamOf(ctx.principal.accountId);
}

function markerPage<T>(items: T[], input: Record<string, any>) {
  const max = input.MaxItems === undefined ? 100 : Number(input.MaxItems);
  if (!(max >= 1 && max <= 1000)) throw fault('ValidationError', `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  const { page, next } = pageOf(items, input.Marker, max, { salt: 'iam', errorCode: 'ValidationError', message: 'Invalid Marker' });
  return { page, IsTruncated: next !== undefined, Marker: next };
}

function byPath<T extends { Path: string }>(items: Iterable<T>, prefix: unknown): T[] {
  return [...items].filter((i) => !prefix || i.Path.startsWith(String(prefix)));
}

function noSuchEntity(message: string) {
  return fault('NoSuchEntity', message, { status: 404 });
}

function userNamed(ctx: CallContext, name: unknown) {
  const userName = name === undefined ? ctx.principal.userName : String(name);
  const user = userName ? iamOf(ctx).users.get(userName) : undefined;
  if (!user) {
    if (name === undefined) throw fault('ValidationError', 'Must specify userName when calling with non-User credentials');
    throw noSuchEntity(`The user with name ${String(name)} cannot be found.`);
  }
  return user;
}

function attachedList(ctx: CallContext, arns: string[], input: Record<string, any>) {
  const iam = iamOf(ctx);
  const items = arns.map((arn) => ({ PolicyName: iam.policies.get(arn)?.PolicyName ?? arn.split('/').pop(), PolicyArn: arn }));
  const { page, IsTruncated, Marker } = markerPage(items, input);
  return { AttachedPolicies: page, IsTruncated, Marker };
}

export const iamHandlers: ServiceHandlers = {
  ListUsers(input, ctx) {
    const { page, IsTruncated, Marker } = markerPage(byPath(iamOf(ctx).users.values(), input.PathPrefix), input);
    // ListUsers leaves tags out; GetUser includes them.
    return { Users: page.map(({ Tags: _tags, ...user }) => user), IsTruncated, Marker };
  },
  GetUser(input, ctx) {
    return { User: userNamed(ctx, input.UserName) };
  },
  ListRoles(input, ctx) {
    const { page, IsTruncated, Marker } = markerPage(byPath(iamOf(ctx).roles.values(), input.PathPrefix), input);
    return { Roles: page, IsTruncated, Marker };
  },
  GetRole(input, ctx) {
    const role = iamOf(ctx).roles.get(String(input.RoleName));
    if (!role) throw noSuchEntity(`The role with name ${String(input.RoleName)} cannot be found.`);
    return { Role: role };
  },
  ListPolicies(input, ctx) {
    const scope = String(input.Scope ?? 'All');
    let items = byPath(iamOf(ctx).policies.values(), input.PathPrefix);
    if (scope === 'AWS') items = items.filter((p) => p.Arn.startsWith('arn:aws:iam::aws:'));
    if (scope === 'Local') items = items.filter((p) => !p.Arn.startsWith('arn:aws:iam::aws:'));
    if (input.OnlyAttached) items = items.filter((p) => p.AttachmentCount > 0);
    const { page, IsTruncated, Marker } = markerPage(items, input);
    return { Policies: page, IsTruncated, Marker };
  },
  GetPolicy(input, ctx) {
    const policy = iamOf(ctx).policies.get(String(input.PolicyArn));
    if (!policy) throw noSuchEntity(`Policy ${String(input.PolicyArn)} does not exist or is not attachable.`);
    return { Policy: policy };
  },
  GetPolicyVersion(input, ctx) {
    const policy = iamOf(ctx).policies.get(String(input.PolicyArn));
    if (!policy || input.VersionId !== policy.DefaultVersionId) throw noSuchEntity(`Policy ${String(input.PolicyArn)} version ${String(input.VersionId)} does not exist or is not attachable.`);
    return { PolicyVersion: { Document: policy.document, VersionId: policy.DefaultVersionId, IsDefaultVersion: true, CreateDate: policy.UpdateDate } };
  },
  ListMFADevices(input, ctx) {
    const user = userNamed(ctx, input.UserName);
    const devices = [...iamOf(ctx).mfaDevices.values()].filter((d) => d.UserName === user.UserName);
    const { page, IsTruncated, Marker } = markerPage(devices, input);
    return { MFADevices: page.map((d) => ({ UserName: d.UserName, SerialNumber: d.SerialNumber, EnableDate: d.EnableDate })), IsTruncated, Marker };
  },
  ListVirtualMFADevices(input, ctx) {
    const iam = iamOf(ctx);
    const devices = [...iam.mfaDevices.values()].map((d) => ({ SerialNumber: d.SerialNumber, EnableDate: d.EnableDate, User: iam.users.get(d.UserName) }));
    const filtered = input.AssignmentStatus === 'Unassigned' ? [] : devices;
    const { page, IsTruncated, Marker } = markerPage(filtered, input);
    return { VirtualMFADevices: page, IsTruncated, Marker };
  },
  ListAttachedUserPolicies(input, ctx) {
    return attachedList(ctx, userNamed(ctx, input.UserName).attachedPolicyArns, input);
  },
  ListAttachedRolePolicies(input, ctx) {
    const role = iamOf(ctx).roles.get(String(input.RoleName));
    if (!role) throw noSuchEntity(`The role with name ${String(input.RoleName)} cannot be found.`);
    return attachedList(ctx, role.attachedPolicyArns, input);
  },
  ListAccessKeys(input, ctx) {
    const user = userNamed(ctx, input.UserName);
    const keys = [...ctx.state.accessKeys.values()]
      .filter((k) => !k.sessionToken && k.principal.arn === user.Arn)
      .map((k) => ({ UserName: user.UserName, AccessKeyId: k.accessKeyId, Status: 'Active', CreateDate: new Date(k.createdAt) }));
    const { page, IsTruncated, Marker } = markerPage(keys, input);
    return { AccessKeyMetadata: page, IsTruncated, Marker };
  },
  ListGroups(input) {
    return { Groups: [], IsTruncated: false };
  },
  ListAccountAliases(_input, ctx) {
    const account = ctx.state.accounts.get(ctx.principal.accountId);
    return { AccountAliases: account ? [account.accountName] : [], IsTruncated: false };
  },
};
