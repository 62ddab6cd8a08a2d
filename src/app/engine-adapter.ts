// Binds the dashboard's engine port to src/engine. Everything that touches files or the network
// for the dashboard happens here, never in components.
import { appendAudit, readAudit } from '../engine/audit-log.js';
import { basename, join } from 'node:path';
import { writeChange } from '../engine/config/file-store.js';
import { configFileForWrite } from '../engine/config/paths.js';
import { loadConfigFiles, stringValue, type LoadedConfig, type Section } from '../engine/config/files.js';
import { lintConfig } from '../engine/config/lint.js';
import { describeSource, resolveSettings } from '../engine/config/settings.js';
import { resolveCredentials } from '../engine/credentials/index.js';
import { consoleSignIn, federationEndpoint } from '../engine/console/federation.js';
import { createClient } from '../engine/http/client.js';
import { loadService } from '../engine/models/loader.js';
import { presignGetObject, transferConfigFromSection } from '../engine/s3transfer/index.js';
import { awsdeckStateDir, chooseFlow, fetchAssignments, FlowPreferences, hostProbe, loginConfig, planPopulate, PortalClient, ssoLogin, ssoSessionConfig, SsoTokenProvider, tokenCacheKey } from '../engine/sso/index.js';
import { clearCheckpoint, readManagedNames, saveManagedNames } from '../engine/sso/populate.js';
import { ENVIRONMENT_PROFILE, type DashboardEngine, type ResponseData, type ServiceCaller, type Explanation, type Identity, type Interaction, type ProfileKind, type ProfileSummary, type ShellFormat, type SsoAssignment } from './engine-port.js';
import { execEnvironment } from './exec.js';
import { planProfileChange } from './profile-writes.js';

const secretKeys = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

export const commonRegions = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'eu-south-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
];

export function profileKind(section: Section | undefined): ProfileKind {
  const has = (key: string) => stringValue(section, key) !== undefined;
  if (has('role_arn')) return has('web_identity_token_file') ? 'web-identity' : 'assume-role';
  if (has('sso_session') || has('sso_start_url') || has('sso_account_id')) return 'sso';
  if (has('credential_process')) return 'process';
  if (has('aws_access_key_id')) return has('aws_session_token') ? 'session' : 'static';
  return 'unknown';
}

/** The linter's findings (issue 3's `configure lint`) by profile; the rest are file-wide problems. */
function lintByProfile(env: NodeJS.ProcessEnv): { byProfile: Map<string, string[]>; problems: string[] } {
  const byProfile = new Map<string, string[]>();
  const problems: string[] = [];
  for (const finding of lintConfig(env)) {
    const where = `${basename(finding.path)}:${finding.line}`;
    const match = /^profile (.+?): (.*)$/.exec(finding.message);
    if (match) byProfile.set(match[1], [...(byProfile.get(match[1]) ?? []), `${match[2]} (${where})`]);
    else problems.push(`${finding.message} (${where})`);
  }
  return { byProfile, problems };
}

/** AWS_ACCESS_KEY_ID in the environment beats every profile for commands without --profile: show it as a row. */
function environmentProfile(env: NodeJS.ProcessEnv): ProfileSummary | undefined {
  const keyId = env.AWS_ACCESS_KEY_ID;
  if (!keyId) return undefined;
  return {
    name: ENVIRONMENT_PROFILE, kind: 'environment', isDefault: false,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    // Masked the way `aws configure list` shows a key id.
    keys: [{ key: 'AWS_ACCESS_KEY_ID', value: `****************${keyId.slice(-4)}` }],
    lint: ['AWS_ACCESS_KEY_ID is set: commands without --profile use these keys, not a profile'],
  };
}

export interface EngineAdapterOptions {
  /** Always sign in with the device code (the demo: the code is approved on the sandbox page). */
  deviceCodeLogin?: boolean;
}

export function createEngineAdapter(env: NodeJS.ProcessEnv, options: EngineAdapterOptions = {}): DashboardEngine {
  // Parsed once per listProfiles (the reload point), not once per identity check: with hundreds of
  // profiles, re-reading the files for each check starved the first frame.
  let loaded: LoadedConfig | undefined;
  const config = () => (loaded ??= loadConfigFiles(env));
  const region = (profile: string) => {
    const section = profile === ENVIRONMENT_PROFILE ? undefined : config().getProfile(profile);
    return stringValue(section, 'region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  };
  // The profile's settings decide every endpoint (the demo's endpoint_url, AWS_ENDPOINT_URL_STS, …):
  // without them an STS hop of an assume-role would go to AWS itself.
  const settingsFor = (profile: string) => resolveSettings({ env, profile: profile === ENVIRONMENT_PROFILE ? undefined : profile, config: config() });
  const credentialsFor = (profile: string, interaction?: Interaction) => {
    const settings = settingsFor(profile);
    return resolveCredentials(profile === ENVIRONMENT_PROFILE ? undefined : profile, {
      env, config: config(), region: region(profile), mfaCode: interaction?.mfaCode, warn: interaction?.onWarning,
      endpointUrlFor: (service) => settings.endpointUrlFor(service)?.value, network: settings.network,
    });
  };
  // A session may have no profile yet (populate is how it gets some): settings without one then.
  const ssoEndpoints = (profile: string | undefined) => {
    try {
      const settings = resolveSettings({ env, config: config(), profile: profile === ENVIRONMENT_PROFILE ? undefined : profile, allowMissingProfile: true });
      return { oidc: settings.endpointUrlFor('sso-oidc')?.value, portal: settings.endpointUrlFor('sso')?.value, network: settings.network };
    } catch {
      return {};
    }
  };
  // The same checkpoint and managed-names files as `awsdeck sso populate`, so the two agree on renames.
  const populatePaths = (sessionName: string) => {
    const session = ssoSessionConfig(config(), sessionName);
    const checkpoint = join(awsdeckStateDir(env), 'populate', `${tokenCacheKey(session.startUrl, sessionName)}.json`);
    return { session, checkpoint, managed: checkpoint.replace(/\.json$/, '.profiles.json') };
  };
  const stsClient = (profile: string, credentials: Parameters<typeof createClient>[0]['credentials']) => {
    const settings = settingsFor(profile);
    // AWS_MAX_ATTEMPTS / max_attempts as the CLI: a dead endpoint must not cost three backed-off tries per profile.
    return createClient({
      service: 'sts', region: region(profile), credentials, endpointUrl: settings.endpointUrlFor('sts')?.value,
      maxAttempts: settings.maxAttempts.value, retryMode: settings.retryMode.value === 'adaptive' ? 'adaptive' : 'standard',
      network: settings.network,
    });
  };

  // The browser's credentials, one provider per profile so every page and view reuses what it
  // resolved (and refreshes it when it expires); MFA prompts go to whoever called last.
  const browserCredentials = new Map<string, { provider: ReturnType<typeof credentialsFor>; interaction: { current?: Interaction } }>();
  const browserCredentialsFor = (profile: string, interaction: Interaction) => {
    let entry = browserCredentials.get(profile);
    if (!entry) {
      const ref: { current?: Interaction } = {};
      const provider = credentialsFor(profile, {
        mfaCode: (serial) => (ref.current ? ref.current.mfaCode(serial) : Promise.reject(new Error(`MFA code required for ${serial}`))),
        onDeviceCode: () => undefined,
        onWarning: (message) => ref.current?.onWarning?.(message),
      });
      browserCredentials.set(profile, (entry = { provider, interaction: ref }));
    }
    entry.interaction.current = interaction;
    return entry.provider;
  };

  const browserClient = (profile: string, regionName: string, service: string, interaction: Interaction) => {
    const settings = settingsFor(profile);
    const credentials = browserCredentialsFor(profile, interaction);
    return createClient({
      service, region: regionName, credentials,
      endpointUrl: settings.endpointUrlFor(loadService(service).metadata.serviceId)?.value,
      s3AddressingStyle: settings.s3AddressingStyle?.value as 'auto' | 'virtual' | 'path' | undefined,
      s3Endpoint: settings.s3Endpoint,
      maxAttempts: settings.maxAttempts.value, retryMode: settings.retryMode.value === 'adaptive' ? 'adaptive' : 'standard',
      verifySsl: settings.verifySsl, caBundle: settings.caBundle?.value, network: settings.network,
      timestampFormat: settings.cliTimestampFormat.value === 'wire' ? 'wire' : 'iso8601',
    });
  };

  return {
    async listProfiles() {
      loaded = loadConfigFiles(env);
      browserCredentials.clear();
      const config = loaded;
      const names = new Set(config.listProfiles());
      const lint = lintByProfile(env);
      const profiles: ProfileSummary[] = [...names].map((name) => {
        const section = config.getProfile(name) ?? new Map();
        const keys = [...section.entries()]
          .filter(([key, v]) => typeof v.value === 'string' && !secretKeys.has(key))
          .map(([key, v]) => ({ key, value: v.value as string }));
        return {
          name, kind: profileKind(section), isDefault: name === 'default', keys,
          region: stringValue(section, 'region'), sourceProfile: stringValue(section, 'source_profile'),
          mfaSerial: stringValue(section, 'mfa_serial'), roleArn: stringValue(section, 'role_arn'),
          ssoSession: stringValue(section, 'sso_session'), ssoStartUrl: stringValue(section, 'sso_start_url'),
          lint: lint.byProfile.get(name) ?? [],
        };
      });
      const fromEnvironment = environmentProfile(env);
      return { profiles: fromEnvironment ? [fromEnvironment, ...profiles] : profiles, problems: lint.problems };
    },

    async identify(profile: string, interaction: Interaction): Promise<Identity> {
      const credentials = await credentialsFor(profile, interaction).get();
      const result = await stsClient(profile, credentials).call('GetCallerIdentity', {});
      return { account: String(result.Account), arn: String(result.Arn), userId: String(result.UserId), expiresAt: credentials.expiration };
    },

    async explain(requested: string | undefined, regionOverride: string | undefined): Promise<Explanation> {
      const profile = requested === ENVIRONMENT_PROFILE ? undefined : requested;
      const settings = resolveSettings({ env, profile, region: regionOverride });
      const rows = [
        { name: 'profile', value: settings.profileName, source: settings.profile ? describeSource(settings.profile.source) : 'implicit default' },
        ...(settings.region ? [{ name: 'region', value: settings.region.value, source: describeSource(settings.region.source) }] : []),
        { name: 'output', value: settings.output.value, source: describeSource(settings.output.source) },
        ...[...settings.profileSection.entries()]
          .filter(([key, v]) => typeof v.value === 'string' && key !== 'region')
          .map(([key, v]) => ({ name: key, value: secretKeys.has(key) ? '••••••••' : String(v.value), source: `${v.source.path}:${v.source.line} [${v.source.section}]` })),
      ];
      const sts = settings.endpointUrlFor('sts');
      if (sts) rows.push({ name: 'endpoint (sts)', value: sts.value, source: describeSource(sts.source) });
      const warnings: string[] = [];
      if (env.AWS_ACCESS_KEY_ID) warnings.push('AWS_ACCESS_KEY_ID is set: commands without --profile use those keys, not any profile');
      if (env.AWS_PROFILE && profile && env.AWS_PROFILE !== profile) warnings.push(`AWS_PROFILE=${env.AWS_PROFILE}: your shell uses that profile, not ${profile}`);
      const fileRegion = stringValue(settings.profileSection, 'region');
      const envRegion = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
      if (envRegion && fileRegion && envRegion !== fileRegion) warnings.push(`AWS_REGION/AWS_DEFAULT_REGION=${envRegion} overrides the profile's region ${fileRegion}`);
      return { settings: rows, warnings };
    },

    async planChange(change) {
      const write = planProfileChange(env, change);
      return { ...write, apply: async () => { await write.apply(); loaded = undefined; } };
    },

    async exportCredentials(profile: string, format: ShellFormat, interaction: Interaction) {
      const c = await credentialsFor(profile, interaction).get();
      const vars: Array<[string, string | undefined]> = [
        ['AWS_ACCESS_KEY_ID', c.accessKeyId], ['AWS_SECRET_ACCESS_KEY', c.secretAccessKey],
        ['AWS_SESSION_TOKEN', c.sessionToken], ['AWS_CREDENTIAL_EXPIRATION', c.expiration?.toISOString()],
      ];
      const set = vars.filter((v): v is [string, string] => v[1] !== undefined);
      switch (format) {
        case 'env': return set.map(([k, v]) => `export ${k}=${v}`).join('\n');
        case 'env-no-export': return set.map(([k, v]) => `${k}=${v}`).join('\n');
        case 'fish': return set.map(([k, v]) => `set -x ${k} ${v}`).join('\n');
        case 'powershell': return set.map(([k, v]) => `$Env:${k}="${v}"`).join('\n');
        case 'windows-cmd': return set.map(([k, v]) => `set ${k}=${v}`).join('\n');
        case 'process': return JSON.stringify({ Version: 1, AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey,
          ...(c.sessionToken ? { SessionToken: c.sessionToken } : {}), ...(c.expiration ? { Expiration: c.expiration.toISOString() } : {}) });
      }
    },

    async ssoLogin(profile: string, interaction: Interaction, ssoSession?: string) {
      const sso = loginConfig(config(), { profileName: profile, profileExplicit: ssoSession === undefined, ssoSession });
      const decision = options.deviceCodeLogin
        ? { flow: 'device-code' as const }
        : chooseFlow({ sessionName: sso.sessionName, probe: hostProbe(env), preferences: FlowPreferences.forEnv(env) });
      await ssoLogin({
        config: sso, env, flow: decision.flow, force: true,
        oidcEndpointUrl: ssoSession === undefined ? settingsFor(profile).endpointUrlFor('sso-oidc')?.value : ssoEndpoints(profile).oidc,
        network: ssoSession === undefined ? settingsFor(profile).network : ssoEndpoints(profile).network,
        interaction: {
          signal: interaction.signal,
          onDeviceCode: (prompt) => interaction.onDeviceCode(prompt),
          onAuthorizationUrl: (prompt) => interaction.onBrowserUrl?.(prompt),
          onBrowserOpen: async (url) => { await interaction.openBrowser?.(url); },
          onNotice: (message) => interaction.onNotice?.(message),
        },
      });
    },

    async ssoSessions() {
      return [...config().ssoSessions.keys()];
    },

    async ssoAssignments(sessionName: string, profile: string | undefined, interaction: Interaction): Promise<SsoAssignment[]> {
      const { session, checkpoint, managed } = populatePaths(sessionName);
      const endpoints = ssoEndpoints(profile);
      // No login callback: a missing token surfaces as needs-login and the dashboard's modal signs in.
      const { accessToken } = await new SsoTokenProvider({ config: session, env, oidcEndpointUrl: endpoints.oidc, network: endpoints.network, loginCommand: `awsdeck sso login --sso-session ${sessionName}` }).token();
      const portal = new PortalClient({ region: session.region, accessToken, endpointUrl: endpoints.portal, network: endpoints.network, signal: interaction.signal });
      const assignments = await fetchAssignments(portal, checkpoint);
      clearCheckpoint(checkpoint);
      const plan = planPopulate(config(), assignments, { sessionName, managedNames: readManagedNames(managed) });
      const rows = [
        ...plan.added.map((p) => ({ p, status: 'new' as const })),
        ...plan.renamed.map((p) => ({ p, status: 'renamed' as const })),
        ...plan.unchanged.map((p) => ({ p, status: 'unchanged' as const })),
      ];
      const planned = new Map(rows.map(({ p, status }) => [`${p.assignment.accountId}/${p.assignment.roleName}`, { ...p.assignment, profileName: p.name, status }]));
      // Pairs the plan skips already have a hand-made profile: listed, so the person sees why.
      const handMade = new Map<string, string>();
      for (const [name, section] of config().configProfiles) {
        if (stringValue(section, 'sso_session') !== sessionName) continue;
        const pair = `${stringValue(section, 'sso_account_id')}/${stringValue(section, 'sso_role_name')}`;
        if (!handMade.has(pair)) handMade.set(pair, name);
      }
      return assignments.map((a) => planned.get(`${a.accountId}/${a.roleName}`)
        ?? { ...a, profileName: handMade.get(`${a.accountId}/${a.roleName}`) ?? '', status: 'exists' as const });
    },

    async planSsoPopulate(sessionName: string, selected: SsoAssignment[]) {
      const { managed } = populatePaths(sessionName);
      const assignments = selected.map(({ accountId, accountName, roleName }) => ({ accountId, accountName, roleName }));
      const plan = planPopulate(loadConfigFiles(env), assignments, { sessionName, managedNames: readManagedNames(managed) });
      const diff = plan.diff();
      if (!diff) throw new Error(`sso-session ${sessionName}: the selected profiles are already up to date`);
      const path = configFileForWrite(env);
      return {
        title: `Populate ${selected.length} SSO profile${selected.length === 1 ? '' : 's'} from sso-session ${sessionName}`,
        diff: diff.trimEnd(),
        apply: async () => {
          writeChange(path, (current) => plan.apply(current));
          // Keep the names made by earlier runs too: this run only covers the selection.
          saveManagedNames(managed, [...new Set([...readManagedNames(managed), ...[...plan.added, ...plan.renamed, ...plan.unchanged].map((p) => p.name)])]);
          loaded = undefined;
        },
      };
    },

    async subshellEnvironment(profile: string, interaction: Interaction) {
      const credentials = await credentialsFor(profile, interaction).get();
      return execEnvironment(env, profile, credentials, region(profile));
    },

    async decodeAuthorizationMessage(profile: string, encoded: string) {
      const result = await stsClient(profile, credentialsFor(profile).asFunction).call('DecodeAuthorizationMessage', { EncodedMessage: encoded });
      return String(result.DecodedMessage);
    },

    async consoleSignIn(profile: string, where: string, destination: string, interaction: Interaction) {
      const credentials = await browserCredentialsFor(profile, interaction).get();
      const settings = settingsFor(profile);
      // The sign-in host is an endpoint as any other: the demo's endpoint_url (or AWS_ENDPOINT_URL_SIGNIN) keeps it on 127.0.0.1.
      const endpoint = federationEndpoint(where, settings.endpointUrlFor('signin')?.value);
      return consoleSignIn(credentials, destination, { endpoint, network: settings.network });
    },

    regions: () => commonRegions,
    prepare: (service) => { loadService(service); },
    recordAudit: (entry) => appendAudit(env, entry),
    auditLog: () => readAudit(env),

    service(profile: string, regionName: string, service: string, interaction: Interaction): ServiceCaller {
      const client = browserClient(profile, regionName, service, interaction);
      return {
        call: (operation, params, options) => client.call(operation, params, options) as Promise<ResponseData>,
        pages(operation, params) {
          const iterator = client.paginator(operation, params);
          if (iterator) return { resultKeys: iterator.resultKeys, pages: iterator.pages() as AsyncGenerator<ResponseData> };
          return { resultKeys: [], pages: (async function* one() { yield await client.call(operation, params) as ResponseData; })() };
        },
      };
    },

    transferConfig(profile: string) {
      const section = settingsFor(profile).profileSection.get('s3')?.value;
      return transferConfigFromSection(section && typeof section === 'object' ? (section as Record<string, string>) : undefined);
    },

    async presignGetObject(profile, regionName, bucket, key, expiresIn, interaction) {
      const client = browserClient(profile, regionName, 's3api', interaction);
      const credentials = await browserCredentialsFor(profile, interaction).get();
      const style = settingsFor(profile).s3AddressingStyle?.value as 'auto' | 'virtual' | 'path' | undefined;
      return presignGetObject({
        bucket, key, endpoint: client.endpoint.url, customEndpoint: client.endpoint.custom, addressingStyle: style ?? 'auto',
        region: client.region || 'us-east-1', credentials, expiresIn,
      });
    },
  };
}
