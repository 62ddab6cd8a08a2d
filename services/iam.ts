// IAM: users, roles, customer-managed policies, and the managed policies attached to a user or a
// role. IAM is global: the same rows from every region, and ARNs come with every item.
import { partitionOf, shortTime, str } from './format.js';
import type { ResourceDescriptor, Where } from './types.js';

const iamConsole = (path: (item: Record<string, unknown>) => string) => (item: Record<string, unknown>, where: Where) =>
  `https://${partitionOf(where.region).console}/iam/home#/${path(item)}`;

const itemArn = (item: Record<string, unknown>) => str(item.Arn) || undefined;

export const users: ResourceDescriptor = {
  id: 'iam.users',
  title: 'IAM users',
  aliases: ['iam-users', 'users'],
  service: 'iam',
  operation: 'ListUsers',
  items: ['Users[]'],
  columns: [
    { id: 'name', title: 'User', path: 'UserName', min: 8, max: 32, grow: 1 },
    { id: 'id', title: 'Id', path: 'UserId', min: 21 },
    { id: 'path', title: 'Path', path: 'Path', min: 4, max: 24 },
    { id: 'created', title: 'Created', path: 'CreateDate', min: 16, format: shortTime },
    { id: 'password', title: 'Password used', path: 'PasswordLastUsed', min: 16, format: shortTime },
  ],
  identity: { id: 'UserName', name: 'UserName', arn: itemArn },
  // GetUser adds the tags ListUsers leaves out.
  detail: (item) => [{ service: 'iam', operation: 'GetUser', params: { UserName: item.UserName }, pick: 'User' }],
  child: (item) => ({ view: 'iam.user-policies', scope: { UserName: str(item.UserName) }, label: str(item.UserName) }),
  consoleUrl: iamConsole((i) => `users/details/${encodeURIComponent(str(i.UserName))}`),
  global: true,
};

export const roles: ResourceDescriptor = {
  id: 'iam.roles',
  title: 'IAM roles',
  aliases: ['roles', 'iam-roles'],
  service: 'iam',
  operation: 'ListRoles',
  items: ['Roles[]'],
  columns: [
    { id: 'name', title: 'Role', path: 'RoleName', min: 12, max: 48 },
    { id: 'id', title: 'Id', path: 'RoleId', min: 21 },
    { id: 'path', title: 'Path', path: 'Path', min: 4, max: 24 },
    { id: 'created', title: 'Created', path: 'CreateDate', min: 16, format: shortTime },
    { id: 'description', title: 'Description', path: 'Description', min: 8, max: 48, grow: 1 },
  ],
  identity: { id: 'RoleName', name: 'RoleName', arn: itemArn },
  // GetRole adds when the role was last used, its tags and its permissions boundary.
  detail: (item) => [{ service: 'iam', operation: 'GetRole', params: { RoleName: item.RoleName }, pick: 'Role' }],
  child: (item) => ({ view: 'iam.role-policies', scope: { RoleName: str(item.RoleName) }, label: str(item.RoleName) }),
  consoleUrl: iamConsole((i) => `roles/details/${encodeURIComponent(str(i.RoleName))}`),
  global: true,
};

const policyConsole = iamConsole((i) => `policies/details/${encodeURIComponent(str(i.Arn ?? i.PolicyArn))}`);

export const policies: ResourceDescriptor = {
  id: 'iam.policies',
  title: 'IAM policies (customer managed)',
  aliases: ['policies', 'iam-policies'],
  service: 'iam',
  operation: 'ListPolicies',
  // Local: the account's own policies, not the ~1,300 AWS-managed ones.
  params: () => ({ Scope: 'Local' }),
  items: ['Policies[]'],
  columns: [
    { id: 'name', title: 'Policy', path: 'PolicyName', min: 12, max: 48 },
    { id: 'id', title: 'Id', path: 'PolicyId', min: 21 },
    { id: 'attached', title: 'Attached', path: 'AttachmentCount', min: 3, align: 'right' },
    { id: 'version', title: 'Version', path: 'DefaultVersionId', min: 3 },
    { id: 'updated', title: 'Updated', path: 'UpdateDate', min: 16, format: shortTime },
    { id: 'description', title: 'Description', path: 'Description', min: 8, max: 48, grow: 1 },
  ],
  identity: { id: 'PolicyName', name: 'PolicyName', arn: itemArn },
  // The policy and its default version's document.
  detail: (item) => [
    { service: 'iam', operation: 'GetPolicy', params: { PolicyArn: item.Arn }, pick: 'Policy' },
    { service: 'iam', operation: 'GetPolicyVersion', params: { PolicyArn: item.Arn, VersionId: item.DefaultVersionId }, key: 'DefaultVersion', pick: 'PolicyVersion', optional: true },
  ],
  tone: (item) => (item.AttachmentCount === 0 ? 'muted' : undefined),
  consoleUrl: policyConsole,
  global: true,
};

/** The managed policies attached to one user or role (the scope names it). */
function attachedPolicies(kind: 'user' | 'role'): ResourceDescriptor {
  const nameKey = kind === 'user' ? 'UserName' : 'RoleName';
  return {
    id: `iam.${kind}-policies`,
    title: `Policies attached to the ${kind}`,
    aliases: [`${kind}-policies`],
    service: 'iam',
    operation: kind === 'user' ? 'ListAttachedUserPolicies' : 'ListAttachedRolePolicies',
    params: (scope) => ({ [nameKey]: scope[nameKey] }),
    items: ['AttachedPolicies[]'],
    columns: [
      { id: 'name', title: 'Policy', path: 'PolicyName', min: 12, max: 48 },
      { id: 'arn', title: 'ARN', path: 'PolicyArn', min: 20, grow: 2 },
    ],
    identity: { id: 'PolicyName', name: 'PolicyName', arn: (item) => str(item.PolicyArn) || undefined },
    detail: (item) => [{ service: 'iam', operation: 'GetPolicy', params: { PolicyArn: item.PolicyArn }, pick: 'Policy' }],
    label: (scope) => `Policies of ${scope[nameKey]}`,
    consoleUrl: policyConsole,
    global: true,
  };
}

export const userPolicies = attachedPolicies('user');
export const rolePolicies = attachedPolicies('role');

export const iamViews = [users, roles, policies, userPolicies, rolePolicies];
