// The seeded organisation: accounts, IAM users/roles/policies/MFA devices, the demo access key
// and the SSO assignments. `demo` is three accounts; `empty` is one account with no resources.
import { createHash } from 'node:crypto';
import type { IamAccount, IamPolicy, IamRole, SandboxState } from './state.js';
import { userPrincipal } from './state.js';

/** Fixed demo credentials, so docs and the `awsdeck sandbox` banner can print them. */
export const SANDBOX_ACCESS_KEY_ID = 'AKIASANDBOXDEMOKEY01';
export const SANDBOX_SECRET_ACCESS_KEY = 'sandboxDemoSecretKey/doNotUseOnAWS/0000a';
/** Base32 seed of the demo user's virtual MFA device (any authenticator app accepts it). */
export const DEMO_MFA_SEED = 'JBSWY3DPEHPK3PXPSANDBOXDEMOMFA23';
export const DEMO_START_URL = 'https://awsdeck-sandbox.awsapps.com/start';
export const DEMO_USER = 'demo-user';

export const DEMO_ACCOUNTS = {
  dev: { accountId: '111111111111', accountName: 'awsdeck-demo-dev', emailAddress: 'aws-dev@example.com' },
  staging: { accountId: '222222222222', accountName: 'awsdeck-demo-staging', emailAddress: 'aws-staging@example.com' },
  prod: { accountId: '333333333333', accountName: 'awsdeck-demo-prod', emailAddress: 'aws-prod@example.com' },
} as const;
export const EMPTY_ACCOUNT = { accountId: '123456789012', accountName: 'sandbox', emailAddress: 'sandbox@example.com' } as const;

export const PERMISSION_SETS = ['AdministratorAccess', 'ReadOnlyAccess'] as const;
/** Role in prod that the demo's assume-role profile uses; it demands MFA. */
export const MFA_ROLE_NAME = 'BreakGlassAdmin';

const SEED_DATE = new Date('2024-03-01T09:00:00Z');

/** Stable AWS-looking ids (AIDA…, AROA…) derived from a name, so seeds are reproducible. */
export function stableId(prefix: string, name: string, length = 17): string {
  const digest = createHash('sha256').update(name).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = prefix;
  for (let i = 0; out.length < prefix.length + length; i++) out += alphabet[digest[i % digest.length]! % 32];
  return out;
}

function trustPolicy(principal: Record<string, unknown>, mfa = false): string {
  const statement: Record<string, unknown> = { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' };
  if (mfa) statement.Condition = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
  // IAM returns policy documents URL-encoded; the CLI decodes them.
  return encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
}

function addRole(iam: IamAccount, accountId: string, name: string, fields: Partial<IamRole> & { readOnly: boolean }): IamRole {
  const path = fields.Path ?? '/';
  const role: IamRole = {
    RoleName: name, RoleId: stableId('AROA', `${accountId}/${name}`), Arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    Path: path, CreateDate: SEED_DATE, MaxSessionDuration: 3600,
    AssumeRolePolicyDocument: trustPolicy({ AWS: `arn:aws:iam::${accountId}:root` }),
    attachedPolicyArns: [], requiresMfa: false, ...fields,
  };
  iam.roles.set(name, role);
  return role;
}

function managedPolicy(name: string, description: string): IamPolicy {
  return {
    PolicyName: name, PolicyId: stableId('ANPA', name), Arn: `arn:aws:iam::aws:policy/${name}`, Path: '/',
    DefaultVersionId: 'v1', AttachmentCount: 1, PermissionsBoundaryUsageCount: 0, IsAttachable: true,
    Description: description, CreateDate: new Date('2015-02-06T18:39:46Z'), UpdateDate: new Date('2015-02-06T18:39:46Z'),
    document: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: name === 'AdministratorAccess' ? '*' : ['*:Describe*', '*:List*', '*:Get*'], Resource: '*' }] })),
  };
}

function seedAccount(state: SandboxState, account: { accountId: string; accountName: string; emailAddress: string }): IamAccount {
  const iam = state.addAccount({ ...account });
  const id = account.accountId;
  const admin = managedPolicy('AdministratorAccess', 'Provides full access to AWS services and resources.');
  const readOnly = managedPolicy('ReadOnlyAccess', 'Provides read-only access to AWS services and resources.');
  iam.policies.set(admin.Arn, admin);
  iam.policies.set(readOnly.Arn, readOnly);
  for (const set of PERMISSION_SETS) {
    const suffix = createHash('sha256').update(`${id}/${set}`).digest('hex').slice(0, 16);
    addRole(iam, id, `AWSReservedSSO_${set}_${suffix}`, {
      Path: '/aws-reserved/sso.amazonaws.com/', readOnly: set === 'ReadOnlyAccess', MaxSessionDuration: 43200,
      Description: `Role for the ${set} permission set`,
      AssumeRolePolicyDocument: trustPolicy({ Federated: `arn:aws:iam::${id}:saml-provider/AWSSSO_sandbox_DO_NOT_DELETE` }),
      attachedPolicyArns: [set === 'ReadOnlyAccess' ? readOnly.Arn : admin.Arn],
    });
  }
  addRole(iam, id, 'OrganizationAccountAccessRole', { readOnly: false, attachedPolicyArns: [admin.Arn], Description: 'Cross-account administration from the management account' });
  for (const set of PERMISSION_SETS) state.sso.assignments.push({ accountId: id, roleName: set });
  return iam;
}

function addUser(state: SandboxState, iam: IamAccount, accountId: string, name: string, policyArns: string[], tags: Array<{ Key: string; Value: string }> = []) {
  const user = {
    UserName: name, UserId: stableId('AIDA', `${accountId}/${name}`), Arn: `arn:aws:iam::${accountId}:user/${name}`, Path: '/',
    CreateDate: SEED_DATE, PasswordLastUsed: new Date('2024-06-01T12:00:00Z'), Tags: tags, attachedPolicyArns: policyArns,
  };
  iam.users.set(name, user);
  return user;
}

export function seedDemoOrganisation(state: SandboxState): void {
  const dev = seedAccount(state, DEMO_ACCOUNTS.dev);
  seedAccount(state, DEMO_ACCOUNTS.staging);
  const prod = seedAccount(state, DEMO_ACCOUNTS.prod);
  const devId = DEMO_ACCOUNTS.dev.accountId;
  const user = addUser(state, dev, devId, DEMO_USER, ['arn:aws:iam::aws:policy/AdministratorAccess'], [{ Key: 'team', Value: 'platform' }]);
  addUser(state, dev, devId, 'ci-deployer', ['arn:aws:iam::aws:policy/AdministratorAccess'], [{ Key: 'purpose', Value: 'ci' }]);
  addUser(state, dev, devId, 'zoë-analyst', ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  dev.mfaDevices.set(`arn:aws:iam::${devId}:mfa/${DEMO_USER}`, { SerialNumber: `arn:aws:iam::${devId}:mfa/${DEMO_USER}`, UserName: DEMO_USER, EnableDate: SEED_DATE, seedBase32: DEMO_MFA_SEED });
  state.addLongTermKey(userPrincipal(devId, user), SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY);
  const prodId = DEMO_ACCOUNTS.prod.accountId;
  addRole(prod, prodId, MFA_ROLE_NAME, {
    readOnly: false, requiresMfa: true, attachedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    AssumeRolePolicyDocument: trustPolicy({ AWS: `arn:aws:iam::${devId}:user/${DEMO_USER}` }, true),
    Description: 'Production administration; requires MFA',
  });
  addRole(prod, prodId, 'AuditReadOnly', {
    readOnly: true, attachedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    AssumeRolePolicyDocument: trustPolicy({ AWS: `arn:aws:iam::${devId}:root` }),
  });
  const local: IamPolicy = {
    PolicyName: 'app-assets-read', PolicyId: stableId('ANPA', 'app-assets-read'), Arn: `arn:aws:iam::${devId}:policy/app-assets-read`, Path: '/',
    DefaultVersionId: 'v2', AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true, Description: 'Read the app assets bucket',
    CreateDate: SEED_DATE, UpdateDate: new Date('2024-05-10T08:30:00Z'),
    document: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::awsdeck-demo-dev-assets', 'arn:aws:s3:::awsdeck-demo-dev-assets/*'] }] })),
  };
  dev.policies.set(local.Arn, local);
}

export function seedEmptyOrganisation(state: SandboxState): void {
  const iam = seedAccount(state, EMPTY_ACCOUNT);
  const user = addUser(state, iam, EMPTY_ACCOUNT.accountId, DEMO_USER, ['arn:aws:iam::aws:policy/AdministratorAccess']);
  const serial = `arn:aws:iam::${EMPTY_ACCOUNT.accountId}:mfa/${DEMO_USER}`;
  iam.mfaDevices.set(serial, { SerialNumber: serial, UserName: DEMO_USER, EnableDate: SEED_DATE, seedBase32: DEMO_MFA_SEED });
  state.addLongTermKey(userPrincipal(EMPTY_ACCOUNT.accountId, user), SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY);
}
