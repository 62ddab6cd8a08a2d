// Settings with the AWS CLI's precedence: command-line flag > environment variable(s) in order >
// the profile's key in the files > default. Every value says where it came from, so the dashboard
// can explain why a profile, region or endpoint is in use.
import { ExitCodeError } from '../errors.js';
import { loadConfigFiles, stringValue, type LoadedConfig, type Section, type ValueSource } from './files.js';
import type { Env } from './paths.js';
import { endpointEnvVarName, snakeServiceId } from './service-ids.js';
import { networkFromEnv, type NetworkSettings, type ProxySettings } from '../http/proxy.js';

export type SettingSource =
  | { kind: 'flag'; flag: string }
  | { kind: 'env'; name: string }
  | ({ kind: 'file' } & ValueSource)
  | { kind: 'default' };

export interface Setting<T = string> {
  value: T;
  source: SettingSource;
}

export interface GlobalFlags {
  profile?: string;
  region?: string;
  output?: string;
  endpointUrl?: string;
  caBundle?: string;
  noVerifySsl?: boolean;
  noCliPager?: boolean;
  cliBinaryFormat?: string;
  cliErrorFormat?: string;
}

export interface ResolveSettingsOptions {
  env: Env;
  flags?: GlobalFlags;
  /** Shorthands for flags.profile / flags.region. */
  profile?: string;
  region?: string;
  /** Already-loaded files (the dashboard reloads only when they change). */
  config?: LoadedConfig;
  /** `configure set` and the interactive `configure` create profiles, so a missing one is fine there. */
  allowMissingProfile?: boolean;
}

export class ProfileNotFoundError extends ExitCodeError {
  constructor(readonly profile: string) {
    super(`The config profile (${profile}) could not be found`, 255);
  }
}

export class InvalidConfigError extends ExitCodeError {
  constructor(message: string) {
    super(message, 255);
  }
}

export interface ResolvedSettings {
  config: LoadedConfig;
  /** The profile name in effect (`default` when nothing names one). */
  profileName: string;
  /** Where the profile name came from; undefined when it is the implicit `default`. */
  profile?: Setting;
  /** True when `--profile` was given: the credential chain then skips the env providers. */
  profileFromFlag: boolean;
  /** The merged profile (empty when the implicit default does not exist). */
  profileSection: Section;
  region?: Setting;
  output: Setting;
  caBundle?: Setting;
  verifySsl: boolean;
  maxAttempts: Setting<number>;
  retryMode: Setting;
  s3AddressingStyle?: Setting;
  /** The `s3` section's endpoint and signing switches (use_accelerate_endpoint, …). */
  s3Endpoint: S3EndpointSettings;
  cliTimestampFormat: Setting;
  cliBinaryFormat: Setting;
  cliPager: Setting;
  cliErrorFormat: Setting;
  ignoreConfiguredEndpointUrls: Setting<boolean>;
  ec2MetadataDisabled: boolean;
  /** HTTP(S)_PROXY / NO_PROXY from the environment and the profile's proxy settings. */
  network: NetworkSettings;
  /** The endpoint URL for a service (client name or serviceId), or undefined for the rule set's. */
  endpointUrlFor(service: string): Setting | undefined;
  /** Any setting by its config key: env var(s) (if given) then the profile's key. */
  lookup(key: string, envNames?: string[]): Setting | undefined;
}

/** botocore's ensure_boolean: only the text `true` (any case) is true. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true';
}

function fromEnv(env: Env, names: string[]): Setting | undefined {
  // An env var that is present but empty still counts: AWS_REGION="" hides AWS_DEFAULT_REGION.
  for (const name of names) {
    const v = env[name];
    if (v !== undefined) return { value: v, source: { kind: 'env', name } };
  }
  return undefined;
}

function fromSection(section: Section | undefined, key: string): Setting | undefined {
  const v = section?.get(key);
  if (!v || typeof v.value !== 'string') return undefined;
  return { value: v.value, source: { kind: 'file', ...v.source } };
}

function fromFlag(value: string | undefined, flag: string): Setting | undefined {
  return value === undefined ? undefined : { value, source: { kind: 'flag', flag } };
}

/** Booleans as botocore's ensure_boolean reads them: only `true`, in any case, is true. */
export interface S3EndpointSettings {
  accelerate: boolean;
  dualstack: boolean;
  /** Unset: botocore decides per request (see the signer); set: always or never sign the payload. */
  payloadSigning?: boolean;
}

export function resolveSettings(opts: ResolveSettingsOptions): ResolvedSettings {
  const { env } = opts;
  const flags: GlobalFlags = { ...opts.flags };
  if (opts.profile !== undefined) flags.profile ??= opts.profile;
  if (opts.region !== undefined) flags.region ??= opts.region;
  const config = opts.config ?? loadConfigFiles(env);

  const profile = fromFlag(flags.profile, '--profile') ?? fromEnv(env, ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']);
  const profileName = profile?.value ?? 'default';
  const existing = config.getProfile(profileName);
  if (!existing && profile && !opts.allowMissingProfile) throw new ProfileNotFoundError(profileName);
  const section: Section = existing ?? new Map();

  const chain = (flag: Setting | undefined, envNames: string[], key: string): Setting | undefined =>
    flag ?? fromEnv(env, envNames) ?? fromSection(section, key);
  const withDefault = (s: Setting | undefined, value: string): Setting => s ?? { value, source: { kind: 'default' } };

  const ignoreRaw = chain(undefined, ['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'], 'ignore_configured_endpoint_urls');
  const ignoreConfiguredEndpointUrls: Setting<boolean> = ignoreRaw
    ? { value: isTrue(ignoreRaw.value), source: ignoreRaw.source }
    : { value: false, source: { kind: 'default' } };

  const maxAttemptsRaw = chain(undefined, ['AWS_MAX_ATTEMPTS'], 'max_attempts');
  const maxAttempts: Setting<number> = maxAttemptsRaw
    ? { value: parseMaxAttempts(maxAttemptsRaw.value), source: maxAttemptsRaw.source }
    : { value: 3, source: { kind: 'default' } };

  const retryMode = withDefault(chain(undefined, ['AWS_RETRY_MODE'], 'retry_mode'), 'standard');
  if (retryMode.value !== 'standard' && retryMode.value !== 'adaptive') {
    throw new InvalidConfigError(`Invalid value provided to "mode": "${retryMode.value}" must be one of: "standard" or "adaptive"`);
  }

  const s3 = section.get('s3')?.value;
  const s3AddressingStyle = s3 && typeof s3 === 'object' && s3.addressing_style !== undefined
    ? { value: s3.addressing_style, source: { kind: 'file' as const, ...section.get('s3')!.source } }
    : undefined;

  const s3Flag = (key: string) => (s3 && typeof s3 === 'object' && typeof s3[key] === 'string' ? s3[key] as string : undefined);
  const dualstack = s3Flag('use_dualstack_endpoint') ?? chain(undefined, ['AWS_USE_DUALSTACK_ENDPOINT'], 'use_dualstack_endpoint')?.value;
  const payloadSigning = s3Flag('payload_signing_enabled');
  const s3Endpoint: S3EndpointSettings = {
    accelerate: isTrue(s3Flag('use_accelerate_endpoint')),
    dualstack: isTrue(dualstack),
    payloadSigning: payloadSigning === undefined ? undefined : isTrue(payloadSigning),
  };

  function endpointUrlFor(service: string): Setting | undefined {
    const flag = fromFlag(flags.endpointUrl, '--endpoint-url');
    if (flag) return flag;
    if (ignoreConfiguredEndpointUrls.value) return undefined;
    const fromEnvVars = fromEnv(env, [endpointEnvVarName(service), 'AWS_ENDPOINT_URL']);
    if (fromEnvVars) return fromEnvVars;
    const servicesName = stringValue(section, 'services');
    if (servicesName !== undefined) {
      const services = config.services.get(servicesName);
      if (!services || services.size === 0) {
        throw new InvalidConfigError(`The profile is configured to use the services section but the "${servicesName}" services configuration does not exist.`);
      }
      const block = services.get(snakeServiceId(service));
      if (block && typeof block.value === 'object' && block.value.endpoint_url !== undefined) {
        return { value: block.value.endpoint_url, source: { kind: 'file', ...block.source } };
      }
    }
    return fromSection(section, 'endpoint_url');
  }

  return {
    config,
    profileName,
    profile,
    profileFromFlag: flags.profile !== undefined,
    profileSection: section,
    region: chain(fromFlag(flags.region, '--region'), ['AWS_REGION', 'AWS_DEFAULT_REGION'], 'region'),
    output: withDefault(chain(fromFlag(flags.output, '--output'), ['AWS_DEFAULT_OUTPUT'], 'output'), 'json'),
    caBundle: chain(fromFlag(flags.caBundle, '--ca-bundle'), ['AWS_CA_BUNDLE'], 'ca_bundle'),
    verifySsl: !flags.noVerifySsl,
    maxAttempts,
    retryMode,
    s3AddressingStyle,
    s3Endpoint,
    cliTimestampFormat: withDefault(fromSection(section, 'cli_timestamp_format'), 'iso8601'),
    cliBinaryFormat: withDefault(chain(fromFlag(flags.cliBinaryFormat, '--cli-binary-format'), [], 'cli_binary_format'), 'base64'),
    cliPager: flags.noCliPager
      ? { value: '', source: { kind: 'flag', flag: '--no-cli-pager' } }
      : withDefault(fromEnv(env, ['AWS_PAGER']) ?? fromSection(section, 'cli_pager') ?? fromEnv(env, ['PAGER']), 'less'),
    cliErrorFormat: withDefault(chain(fromFlag(flags.cliErrorFormat, '--cli-error-format'), ['AWS_CLI_ERROR_FORMAT'], 'cli_error_format'), 'enhanced'),
    ignoreConfiguredEndpointUrls,
    ec2MetadataDisabled: isTrue(env.AWS_EC2_METADATA_DISABLED),
    network: networkFromEnv(env, proxySettings(section)),
    endpointUrlFor,
    lookup: (key, envNames = []) => chain(undefined, envNames, key),
  };
}

/**
 * botocore's proxies_config: a `proxies_config` sub-section of the profile, each key overridden by
 * the same key at the profile's top level.
 */
function proxySettings(section: Section): ProxySettings {
  const nested = section.get('proxies_config')?.value;
  const value = (key: string): string | undefined => {
    const top = section.get(key)?.value;
    if (typeof top === 'string') return top;
    return nested && typeof nested === 'object' ? nested[key] : undefined;
  };
  const forwarding = value('proxy_use_forwarding_for_https');
  return {
    caBundle: value('proxy_ca_bundle') || undefined,
    clientCert: value('proxy_client_cert') || undefined,
    useForwardingForHttps: forwarding === undefined ? undefined : isTrue(forwarding),
  };
}

function parseMaxAttempts(raw: string): number {
  const trimmed = raw.trim();
  const n = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (Number.isNaN(n)) throw new InvalidConfigError(`invalid literal for int() with base 10: '${raw}'`);
  if (n < 1) throw new InvalidConfigError(`Value provided to "max_attempts": ${n} must be an integer greater than or equal to one.`);
  return n;
}

/** A one-line explanation of a setting's source, for the dashboard and `configure list`. */
export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'flag': return source.flag;
    case 'env': return `environment variable ${source.name}`;
    case 'file': return `${source.path}:${source.line} [${source.section}]`;
    case 'default': return 'default';
  }
}
