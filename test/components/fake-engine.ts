// An in-memory engine for component and model tests: profiles, identities and failures on demand.
import type { AuditEntry } from '../../src/engine/audit-log.js';
import { DEFAULT_TRANSFER_CONFIG } from '../../src/engine/s3transfer/index.js';
import type { DashboardEngine, Identity, Interaction, PendingWrite, ProfileChange, ProfileSummary, ResponseData, SsoAssignment } from '../../src/app/engine-port.js';

export interface FakeEngine extends DashboardEngine {
  profiles: ProfileSummary[];
  identities: Map<string, Identity | Error>;
  changes: ProfileChange[];
  identifyCalls: string[];
  mfaCodes: Map<string, string>;
  ssoSessionNames: string[];
  assignments: SsoAssignment[];
  /** The portal answers only after a login (the SSO modal's approval). */
  ssoTokenMissing: boolean;
  populated: Array<{ ssoSession: string; selected: SsoAssignment[] }>;
  /** Services whose models were prepared, in order. */
  prepared: string[];
  audit: AuditEntry[];
  /** Pages each `service.Operation` answers with (an Error fails that page), and the calls made. */
  pages: Map<string, Array<ResponseData | Error>>;
  calls: Array<{ profile: string; region: string; service: string; operation: string; params: Record<string, unknown> }>;
  /** Console sign-ins asked for; static-keys profiles get the page itself, others a fake sign-in URL. */
  consoleSignIns: Array<{ profile: string; region: string; destination: string }>;
}

export function profile(name: string, extra: Partial<ProfileSummary> = {}): ProfileSummary {
  return { name, kind: 'static', isDefault: false, keys: [], lint: [], region: 'us-east-1', ...extra };
}

export function fakeEngine(profiles: ProfileSummary[] = []): FakeEngine {
  const engine: FakeEngine = {
    profiles,
    identities: new Map(),
    changes: [],
    identifyCalls: [],
    mfaCodes: new Map(),
    ssoSessionNames: [],
    assignments: [],
    ssoTokenMissing: false,
    populated: [],
    prepared: [],
    audit: [],
    pages: new Map(),
    calls: [],
    consoleSignIns: [],
    async consoleSignIn(name, region, destination) {
      engine.consoleSignIns.push({ profile: name, region, destination });
      if (engine.profiles.find((p) => p.name === name)?.kind === 'static') return { url: destination, federated: false, note: 'These are long-term keys: federation needs temporary credentials' };
      return { url: `http://127.0.0.1:9/federation?Action=login&SigninToken=SECRET-TOKEN-${name}&Destination=${encodeURIComponent(destination)}`, federated: true };
    },
    service(profile, region, service) {
      const answer = (operation: string, params: Record<string, unknown>) => {
        engine.calls.push({ profile, region, service, operation, params });
        // `ec2.StopInstances#DryRun` answers the DryRun call, `ec2.DescribeInstances@eu-west-1` one region,
        // `ec2.DescribeInstances@prod/eu-west-1` one profile's region and `@prod/*` all of its regions.
        return (params.DryRun ? engine.pages.get(`${service}.${operation}#DryRun`) : undefined)
          ?? engine.pages.get(`${service}.${operation}@${profile}/${region}`) ?? engine.pages.get(`${service}.${operation}@${profile}/*`)
          ?? engine.pages.get(`${service}.${operation}@${region}`) ?? engine.pages.get(`${service}.${operation}`) ?? [];
      };
      return {
        async call(operation, params) {
          const [first] = answer(operation, params);
          if (first instanceof Error) throw first;
          return structuredClone(first ?? {});
        },
        pages(operation, params) {
          const pages = answer(operation, params);
          return {
            resultKeys: [],
            pages: (async function* each() {
              for (const page of pages) {
                await new Promise((r) => setTimeout(r, 0));
                if (page instanceof Error) throw page;
                yield structuredClone(page);
              }
            })(),
          };
        },
      };
    },
    async listProfiles() {
      return { profiles: engine.profiles, problems: [] };
    },
    async identify(name: string, interaction: Interaction) {
      engine.identifyCalls.push(name);
      const summary = engine.profiles.find((p) => p.name === name);
      if (summary?.mfaSerial && summary.kind === 'assume-role') {
        const code = await interaction.mfaCode(summary.mfaSerial);
        if (code !== engine.mfaCodes.get(name)) {
          throw Object.assign(new Error('MultiFactorAuthentication failed with invalid MFA one time pass code.'), { code: 'AccessDenied', requestId: 'req-mfa' });
        }
      }
      const result = engine.identities.get(name);
      if (result instanceof Error) throw result;
      return result ?? { account: '111122223333', arn: `arn:aws:iam::111122223333:user/${name}`, userId: 'AIDA' };
    },
    async explain(name: string | undefined, region: string | undefined) {
      return {
        settings: [{ name: 'profile', value: name ?? '', source: 'env AWS_PROFILE' }, { name: 'region', value: region ?? '', source: '/tmp/config:3' }],
        warnings: ['AWS_ACCESS_KEY_ID is set: it overrides the profile'],
      };
    },
    async planChange(change: ProfileChange): Promise<PendingWrite> {
      return {
        title: `${change.type} profile`,
        diff: `--- config\n+++ config\n@@ -1 +1 @@\n+[profile ${'profile' in change ? change.profile : change.to}]`,
        apply: async () => { engine.changes.push(change); },
      };
    },
    async exportCredentials(name: string) {
      return `export AWS_ACCESS_KEY_ID=AKIAFAKE\nexport AWS_SECRET_ACCESS_KEY=super-secret-${name}`;
    },
    async ssoLogin(_name: string, interaction: Interaction) {
      interaction.onDeviceCode({ verificationUri: 'http://127.0.0.1/device', userCode: 'ABCD-EFGH', expiresAt: new Date(Date.now() + 600_000) });
      await new Promise<void>((resolve, reject) => {
        interaction.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        (engine as unknown as { approveSso: () => void }).approveSso = resolve;
      });
      engine.ssoTokenMissing = false;
    },
    async ssoSessions() {
      return engine.ssoSessionNames;
    },
    async ssoAssignments(ssoSession: string) {
      if (engine.ssoTokenMissing) throw Object.assign(new Error(`Error loading SSO Token: Token for ${ssoSession} does not exist`), { name: 'SsoTokenLoadError' });
      return engine.assignments;
    },
    async planSsoPopulate(ssoSession: string, selected: SsoAssignment[]): Promise<PendingWrite> {
      return {
        title: `Populate ${selected.length} SSO profiles`,
        diff: ['--- config', '+++ config', ...selected.map((a) => `+[profile ${a.profileName}]`)].join('\n'),
        apply: async () => { engine.populated.push({ ssoSession, selected }); },
      };
    },
    async subshellEnvironment(name: string) {
      return { AWSDECK_PROFILE: name, AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: `super-secret-${name}` };
    },
    async decodeAuthorizationMessage() {
      return '{"allowed":false,"explicitDeny":false}';
    },
    regions: () => ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    prepare: (service) => { engine.prepared.push(service); },
    recordAudit: (entry) => { engine.audit.push(entry); },
    auditLog: () => engine.audit,
    transferConfig: () => ({ ...DEFAULT_TRANSFER_CONFIG }),
    async presignGetObject(_profile, region, bucket, key, expiresIn) {
      return `http://127.0.0.1/${bucket}/${key}?X-Amz-Expires=${expiresIn}&region=${region}`;
    },
  };
  return engine;
}
