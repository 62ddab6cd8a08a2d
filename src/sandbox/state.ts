// Everything the sandbox remembers: accounts, IAM identities, credentials, SSO sessions, and
// per-account, per-region stores that each service creates on first use.
import type { Principal } from './types.js';
import { randomSecret, randomUpperId } from './wire.js';
import { SsoStore } from './sso-store.js';
import { FaultPlan } from './fault-plan.js';

export interface SandboxOptions {
  /** SSO access-token lifetime (default 8 h). */
  tokenTtlSeconds: number;
  /** How long a device code stays valid before `expired_token` (default 10 min). */
  deviceCodeTtlSeconds: number;
  /** How long EC2 takes for pending→running, stopping→stopped and the like. */
  instanceTransitionMs: number;
  /** The sandbox's own URL, known once it listens (for verification URIs). */
  baseUrl: string;
}

export interface Account {
  accountId: string;
  accountName: string;
  emailAddress: string;
}

export interface Tag { Key: string; Value: string }

export interface IamUser {
  UserName: string; UserId: string; Arn: string; Path: string; CreateDate: Date;
  PasswordLastUsed?: Date; Tags?: Tag[]; attachedPolicyArns: string[];
}

export interface IamRole {
  RoleName: string; RoleId: string; Arn: string; Path: string; CreateDate: Date;
  AssumeRolePolicyDocument: string; Description?: string; MaxSessionDuration: number; Tags?: Tag[];
  attachedPolicyArns: string[];
  /** Writes are denied to sessions of this role. */
  readOnly: boolean;
  /** AssumeRole must carry a valid SerialNumber + TokenCode. */
  requiresMfa: boolean;
}

export interface IamPolicy {
  PolicyName: string; PolicyId: string; Arn: string; Path: string; DefaultVersionId: string;
  AttachmentCount: number; PermissionsBoundaryUsageCount: number; IsAttachable: boolean;
  Description?: string; CreateDate: Date; UpdateDate: Date; document: string;
}

export interface MfaDevice { SerialNumber: string; UserName: string; EnableDate: Date; seedBase32: string }

export interface IamAccount {
  users: Map<string, IamUser>;
  roles: Map<string, IamRole>;
  policies: Map<string, IamPolicy>;
  mfaDevices: Map<string, MfaDevice>;
}

export interface AccessKeyRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch ms; temporary credentials only. */
  expiresAt?: number;
  principal: Principal;
  createdAt: number;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  tokenTtlSeconds: 8 * 3600,
  deviceCodeTtlSeconds: 600,
  instanceTransitionMs: 4000,
  baseUrl: 'http://127.0.0.1',
};

export class SandboxState {
  readonly accounts = new Map<string, Account>();
  readonly iam = new Map<string, IamAccount>();
  readonly accessKeys = new Map<string, AccessKeyRecord>();
  readonly sso: SsoStore;
  /** Encoded authorization failure message → its decoded JSON. */
  readonly authMessages = new Map<string, string>();
  /** Faults injected on purpose (empty unless a test or the demo asks for them). */
  readonly faults = new FaultPlan();
  private readonly stores = new Map<string, unknown>();

  constructor(readonly options: SandboxOptions) {
    this.sso = new SsoStore(this);
  }

  addAccount(account: Account): IamAccount {
    this.accounts.set(account.accountId, account);
    const iam: IamAccount = { users: new Map(), roles: new Map(), policies: new Map(), mfaDevices: new Map() };
    this.iam.set(account.accountId, iam);
    return iam;
  }

  iamOf(accountId: string): IamAccount {
    const iam = this.iam.get(accountId);
    if (!iam) throw new Error(`no such account ${accountId}`);
    return iam;
  }

  /** A service's store for one account and region (or '' for global services), made on first use. */
  store<T>(service: string, accountId: string, region: string, create: () => T): T {
    const key = `${service}|${accountId}|${region}`;
    let s = this.stores.get(key) as T | undefined;
    if (s === undefined) this.stores.set(key, (s = create()));
    return s;
  }

  /** Every store of one service, for seeding and listing across regions. */
  storesOf<T>(service: string): Array<{ accountId: string; region: string; store: T }> {
    const out: Array<{ accountId: string; region: string; store: T }> = [];
    for (const [key, store] of this.stores) {
      const [svc, accountId, region] = key.split('|') as [string, string, string];
      if (svc === service) out.push({ accountId, region, store: store as T });
    }
    return out;
  }

  addLongTermKey(principal: Principal, accessKeyId: string, secretAccessKey: string): AccessKeyRecord {
    const record: AccessKeyRecord = { accessKeyId, secretAccessKey, principal, createdAt: Date.now() };
    this.accessKeys.set(accessKeyId, record);
    return record;
  }

  issueTemporaryCredentials(principal: Principal, ttlSeconds: number): AccessKeyRecord {
    const record: AccessKeyRecord = {
      accessKeyId: `ASIA${randomUpperId(16)}`,
      secretAccessKey: randomSecret(40),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomSecret(24)}SANDBOX${Buffer.from(randomSecret(48)).toString('base64')}`,
      expiresAt: Date.now() + ttlSeconds * 1000,
      principal,
      createdAt: Date.now(),
    };
    this.accessKeys.set(record.accessKeyId, record);
    return record;
  }
}

export function userPrincipal(accountId: string, user: IamUser): Principal {
  return { kind: 'user', accountId, arn: user.Arn, userId: user.UserId, userName: user.UserName, readOnly: false, mfaAuthenticated: false };
}

export function rolePrincipal(accountId: string, role: IamRole, sessionName: string, mfaAuthenticated = false): Principal {
  return {
    kind: 'assumed-role',
    accountId,
    arn: `arn:aws:sts::${accountId}:assumed-role/${role.RoleName}/${sessionName}`,
    userId: `${role.RoleId}:${sessionName}`,
    roleName: role.RoleName,
    sessionName,
    readOnly: role.readOnly,
    mfaAuthenticated,
  };
}
