// What the dashboard needs from the engine, as one interface. The real adapter (engine-adapter.ts)
// binds it to src/engine; tests pass a fake. Components never see this: they see stores.
import type { AuditEntry } from '../engine/audit-log.js';
import type { ConsoleSignIn } from '../engine/console/federation.js';

export type { ConsoleSignIn };
import type { TransferConfig } from '../engine/s3transfer/index.js';
import type { CallOptions } from '../engine/http/types.js';

export type ProfileKind = 'static' | 'session' | 'sso' | 'assume-role' | 'process' | 'web-identity' | 'environment' | 'unknown';

export interface ProfileSummary {
  name: string;
  kind: ProfileKind;
  region?: string;
  isDefault: boolean;
  sourceProfile?: string;
  mfaSerial?: string;
  roleArn?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  /** Every non-secret key of the profile as written (secrets are never loaded into UI state). */
  keys: Array<{ key: string; value: string }>;
  /** Lint findings that concern this profile ("source_profile 'x' does not exist (config:12)"). */
  lint: string[];
}

export interface Identity {
  account: string;
  arn: string;
  userId: string;
  accountAlias?: string;
  /** When the credentials behind this identity stop working (absent for long-term keys). */
  expiresAt?: Date;
}

export interface SettingSource {
  name: string;
  value: string;
  /** "--profile flag", "env AWS_REGION", "/home/u/.aws/config:12", "default". */
  source: string;
}

export interface Explanation {
  settings: SettingSource[];
  /** e.g. "AWS_ACCESS_KEY_ID is set: it overrides profile 'dev' for every command". */
  warnings: string[];
}

export interface DeviceCodeInfo {
  verificationUri: string;
  verificationUriComplete?: string;
  userCode: string;
  expiresAt: Date;
}

/** The browser (authorization code + PKCE) login is waiting: the URL to copy if no browser opened. */
export interface BrowserLoginInfo {
  url: string;
  expiresAt: Date;
}

/** Callbacks the engine calls when it needs the person. */
export interface Interaction {
  mfaCode(serial: string): Promise<string>;
  onDeviceCode(info: DeviceCodeInfo): void;
  onBrowserUrl?(info: BrowserLoginInfo): void;
  /** Opens a URL in the person's browser; resolves whether one opened. */
  openBrowser?(url: string): Promise<boolean>;
  /** Progress such as "another awsdeck process is signing in". */
  onNotice?(message: string): void;
  /** The engine's own warnings, e.g. the service rejecting an MFA code before it asks again. */
  onWarning?(message: string): void;
  signal?: AbortSignal;
}

/** The pseudo-profile for credentials in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (no file section). */
export const ENVIRONMENT_PROFILE = '(environment)';

export type ProfileChange =
  | { type: 'set'; profile: string; key: string; value: string }
  | { type: 'create'; profile: string; values: Record<string, string> }
  | { type: 'clone'; from: string; to: string }
  | { type: 'rename'; from: string; to: string }
  | { type: 'delete'; profile: string }
  | { type: 'make-default'; profile: string };

/** A change ready to write: shown as a diff first, applied only on confirmation. */
export interface PendingWrite {
  title: string;
  /** Unified diff per file, secrets masked. */
  diff: string;
  apply(): Promise<void>;
}

/** One account × role the SSO portal grants, with the profile name `sso populate` would give it. */
export interface SsoAssignment {
  accountId: string;
  accountName: string;
  roleName: string;
  profileName: string;
  /** What populating it would do: a new profile, a rename of the one made earlier, or nothing
   * (`exists`: a profile made by hand already points at it, and populate leaves that alone). */
  status: 'new' | 'renamed' | 'unchanged' | 'exists';
}

export type ShellFormat = 'env' | 'env-no-export' | 'fish' | 'powershell' | 'windows-cmd' | 'process';

/** One page of a listing, or a whole response: plain JSON as the CLI would print it. */
export type ResponseData = Record<string, unknown>;

/** Calls to one service with one profile's credentials in one region (the resource browser's client). */
export interface ServiceCaller {
  /** `options` stream S3 transfer bodies (UploadPart from the file, GetObject as it arrives). */
  call(operation: string, params: Record<string, unknown>, options?: CallOptions): Promise<ResponseData>;
  /**
   * The pages of a listing, one request at a time as they are consumed; an operation without a
   * paginator gives one page. `resultKeys` are the paginator's (for merging pages as the CLI does).
   */
  pages(operation: string, params: Record<string, unknown>): { resultKeys: string[]; pages: AsyncGenerator<ResponseData> };
}

export interface DashboardEngine {
  listProfiles(): Promise<{ profiles: ProfileSummary[]; problems: string[] }>;
  /** GetCallerIdentity with this profile's credentials. `interaction` answers MFA and SSO prompts. */
  identify(profile: string, interaction: Interaction): Promise<Identity>;
  explain(profile: string | undefined, region: string | undefined): Promise<Explanation>;
  planChange(change: ProfileChange): Promise<PendingWrite>;
  exportCredentials(profile: string, format: ShellFormat, interaction: Interaction): Promise<string>;
  /** Signs in to the profile's sso-session, or to `ssoSession` itself when given (no profile needed). */
  ssoLogin(profile: string, interaction: Interaction, ssoSession?: string): Promise<void>;
  /** Names of the `[sso-session]` sections. */
  ssoSessions(): Promise<string[]>;
  /** Every account × role the session's token reaches (the portal, paginated and paced). */
  ssoAssignments(ssoSession: string, profile: string | undefined, interaction: Interaction): Promise<SsoAssignment[]>;
  /** `sso populate` restricted to these assignments: one profile each, diff first. */
  planSsoPopulate(ssoSession: string, selected: SsoAssignment[]): Promise<PendingWrite>;
  /** The environment for a subshell with this profile's credentials (secrets: never rendered). */
  subshellEnvironment(profile: string, interaction: Interaction): Promise<NodeJS.ProcessEnv>;
  decodeAuthorizationMessage(profile: string, encoded: string): Promise<string>;
  /** Region names for the region picker. */
  regions(): string[];
  /** Appends a mutating call to the audit log; `auditLog` reads it back (newest last). */
  recordAudit(entry: AuditEntry): void;
  auditLog(): AuditEntry[];
  /** Loads a service's model ahead of its first call (EC2's takes about 15 ms to read). */
  prepare(service: string): void;
  /**
   * The URL that opens `destination` (a console page in `region`'s partition) as this profile's
   * identity: a federation sign-in URL for temporary credentials (a secret: it signs in), the page
   * itself for long-term keys.
   */
  consoleSignIn(profile: string, region: string, destination: string, interaction: Interaction): Promise<ConsoleSignIn>;
  /** A client for the browser: `interaction` answers MFA while credentials are resolved. */
  service(profile: string, region: string, service: string, interaction: Interaction): ServiceCaller;
  /** The profile's `s3` section (multipart_threshold, max_concurrent_requests, …) as `s3 cp` reads it. */
  transferConfig(profile: string): TransferConfig;
  /** A presigned GetObject URL, signed as `s3 presign` signs it (no request is sent). */
  presignGetObject(profile: string, region: string, bucket: string, key: string, expiresIn: number, interaction: Interaction): Promise<string>;
}
