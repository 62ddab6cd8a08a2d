// Binds the dashboard's engine port to src/engine. Everything that touches files or the network
// for the dashboard happens here, never in components.
import { loadConfigFiles, stringValue, type LoadedConfig, type Section } from '../engine/config/files.js';
import { describeSource, resolveSettings } from '../engine/config/settings.js';
import { resolveCredentials } from '../engine/credentials/index.js';
import { createClient } from '../engine/http/client.js';
import type { DashboardEngine, Explanation, Identity, Interaction, ProfileKind, ProfileSummary, ShellFormat } from './engine-port.js';

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

/** Lint findings a person can act on from the home (the full linter is issue 3's `configure lint`). */
function lintProfile(name: string, section: Section, names: Set<string>, ssoSessions: Set<string>): string[] {
  const findings: string[] = [];
  const source = stringValue(section, 'source_profile');
  if (source && !names.has(source)) findings.push(`source_profile "${source}" does not exist`);
  const session = stringValue(section, 'sso_session');
  if (session && !ssoSessions.has(session)) findings.push(`sso_session "${session}" is not defined`);
  if (stringValue(section, 'sso_start_url') && !session) findings.push('legacy SSO profile: tokens cannot refresh (use an sso-session)');
  const key = stringValue(section, 'aws_access_key_id');
  if (key?.startsWith('ASIA') && !stringValue(section, 'aws_session_token')) findings.push('ASIA key without aws_session_token');
  if (!stringValue(section, 'region')) findings.push(`profile ${name} has no region`);
  return findings;
}

export function createEngineAdapter(env: NodeJS.ProcessEnv): DashboardEngine {
  // Parsed once per listProfiles (the reload point), not once per identity check: with hundreds of
  // profiles, re-reading the files for each check starved the first frame.
  let loaded: LoadedConfig | undefined;
  const config = () => (loaded ??= loadConfigFiles(env));
  const region = (profile: string) => {
    const section = config().getProfile(profile);
    return stringValue(section, 'region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  };
  const unsupported = (what: string) => Promise.reject(new Error(`${what} is not available in this build yet`));

  return {
    async listProfiles() {
      loaded = loadConfigFiles(env);
      const config = loaded;
      const names = new Set(config.listProfiles());
      const ssoSessions = new Set(config.ssoSessions.keys());
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
          lint: lintProfile(name, section, names, ssoSessions),
        };
      });
      return { profiles, problems: [] };
    },

    async identify(profile: string, interaction: Interaction): Promise<Identity> {
      const provider = resolveCredentials(profile, { env, config: config(), region: region(profile), mfaCode: interaction.mfaCode });
      const credentials = await provider.get();
      const settings = resolveSettings({ env, profile, config: config() });
      const sts = createClient({ service: 'sts', region: region(profile), credentials, endpointUrl: settings.endpointUrlFor('sts')?.value });
      const result = await sts.call('GetCallerIdentity', {});
      return { account: String(result.Account), arn: String(result.Arn), userId: String(result.UserId), expiresAt: credentials.expiration };
    },

    async explain(profile: string | undefined, regionOverride: string | undefined): Promise<Explanation> {
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

    planChange: () => unsupported('writing profiles (the comment-preserving writer)'),

    async exportCredentials(profile: string, format: ShellFormat, interaction: Interaction) {
      const c = await resolveCredentials(profile, { env, region: region(profile), mfaCode: interaction.mfaCode }).get();
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

    ssoLogin: () => unsupported('SSO login (issue 5)'),

    async decodeAuthorizationMessage(profile: string, encoded: string) {
      const credentials = resolveCredentials(profile, { env, region: region(profile) }).asFunction;
      const settings = resolveSettings({ env, profile });
      const sts = createClient({ service: 'sts', region: region(profile), credentials, endpointUrl: settings.endpointUrlFor('sts')?.value });
      const result = await sts.call('DecodeAuthorizationMessage', { EncodedMessage: encoded });
      return String(result.DecodedMessage);
    },

    regions: () => commonRegions,
  };
}
