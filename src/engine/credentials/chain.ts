// The credential chain in the AWS CLI's order (reference §2.1). The first provider that yields
// credentials wins; a provider that finds partial or invalid configuration throws instead of
// falling through. Results are cached per profile and refreshed before they expire.
import { loadConfigFiles, stringValue, type LoadedConfig, type Section } from '../config/files.js';
import type { Env } from '../config/paths.js';
import { ProfileNotFoundError, isTrue } from '../config/settings.js';
import type { Credentials } from '../http/types.js';
import { networkFromEnv, type NetworkSettings } from '../http/proxy.js';
import { assumeRoleCredentials, hasAssumeRoleConfig } from './assume-role.js';
import { containerCredentials } from './container-provider.js';
import type { ClientFactory, CredentialContext } from './context.js';
import { credentialsFromEnv } from './env-provider.js';
import { NoCredentialsError } from './errors.js';
import { imdsCredentials } from './imds-provider.js';
import { processCredentials } from './process-provider.js';
import { RefreshableCredentials } from './refreshable.js';
import { ssoCredentials } from './sso-provider.js';
import { credentialsFromSection } from './static-provider.js';
import { webIdentityCredentials } from './web-identity-provider.js';

export interface ResolveCredentialsOptions {
  env: Env;
  config?: LoadedConfig;
  /** The command's region (STS hops use it). */
  region?: string;
  mfaCode?: (serial: string) => Promise<string>;
  createClient?: ClientFactory;
  endpointUrlFor?: (service: string) => string | undefined;
  now?: () => Date;
  fetch?: typeof fetch;
  warn?: (message: string) => void;
  credentialProcessTimeoutMs?: number;
  /** See CredentialContext.ssoLogin. */
  ssoLogin?: CredentialContext['ssoLogin'];
  /** Proxies for the STS and SSO calls (ResolvedSettings.network); by default the env's proxies. */
  network?: NetworkSettings;
}

/** A profile's credentials: resolved on first use, then refreshed before expiry. */
export interface CredentialProvider {
  readonly profileName: string;
  /** The chain's method name once resolved (`env`, `assume-role`, …), as `configure list` shows it. */
  readonly method: string | undefined;
  get(): Promise<Credentials>;
  /** The same as get, as a plain function (what createClient accepts). */
  readonly asFunction: () => Promise<Credentials>;
  /** Forget the current credentials; `rejected` (refused by a service as expired) is never reused from a cache. */
  invalidate(rejected?: Credentials): void;
}

/**
 * Resolves credentials for a profile. A given `profileName` behaves like `--profile`: the
 * environment providers are skipped, as the CLI does. Pass undefined to use AWS_PROFILE /
 * AWS_DEFAULT_PROFILE / `default` with the environment keys first.
 */
export function resolveCredentials(profileName: string | undefined, opts: ResolveCredentialsOptions): CredentialProvider {
  const ctx = buildContext(opts);
  const explicit = profileName !== undefined;
  const name = profileName ?? opts.env.AWS_PROFILE ?? opts.env.AWS_DEFAULT_PROFILE ?? 'default';
  let method: string | undefined;
  const refreshable = new RefreshableCredentials(async () => {
    const creds = await runChain(name, explicit, ctx);
    method = creds.source;
    return creds;
  }, ctx.now);
  const get = () => refreshable.get();
  return {
    profileName: name,
    get method() { return method; },
    get,
    asFunction: get,
    invalidate: (rejected) => {
      if (rejected) (ctx.rejectedKeyIds ??= new Set()).add(rejected.accessKeyId);
      refreshable.invalidate();
    },
  };
}

export function buildContext(opts: ResolveCredentialsOptions): CredentialContext {
  const network = opts.network ?? networkFromEnv(opts.env);
  return {
    env: opts.env,
    config: opts.config ?? loadConfigFiles(opts.env),
    region: opts.region,
    mfaCode: opts.mfaCode,
    createClient: opts.createClient ?? networkClientFactory(network),
    network,
    endpointUrlFor: opts.endpointUrlFor,
    now: opts.now ?? (() => new Date()),
    fetch: opts.fetch ?? fetch,
    warn: opts.warn ?? (() => {}),
    credentialProcessTimeoutMs: opts.credentialProcessTimeoutMs ?? 60_000,
    ssoLogin: opts.ssoLogin,
  };
}

const networkClientFactory = (network: NetworkSettings): ClientFactory => async (o) => {
  const { createClient } = await import('../http/client.js');
  return createClient({ ...o, network });
};

async function runChain(profileName: string, explicitProfile: boolean, ctx: CredentialContext): Promise<Credentials> {
  const profile = ctx.config.getProfile(profileName);
  if (!profile && (explicitProfile || profileName !== 'default')) throw new ProfileNotFoundError(profileName);
  if (!explicitProfile) {
    const fromEnv = credentialsFromEnv(ctx.env);
    if (fromEnv) return fromEnv;
  }
  if (hasAssumeRoleConfig(profile)) return assumeRoleCredentials(profileName, ctx);
  const fromProfile = await profileProviders(profileName, ctx, !explicitProfile);
  if (fromProfile) return fromProfile;
  const fromContainer = await containerCredentials(ctx);
  if (fromContainer) return fromContainer;
  if (!isTrue(ctx.env.AWS_EC2_METADATA_DISABLED)) {
    const fromImds = await imdsCredentials(ctx, profile);
    if (fromImds) return fromImds;
  }
  throw new NoCredentialsError();
}

/**
 * The providers that depend only on the profile: web identity, SSO, the credentials file,
 * credential_process and config-file keys. Assume-role uses these for a source profile
 * (with the web-identity env vars disabled).
 */
export async function profileProviders(profileName: string, ctx: CredentialContext, allowEnvVars: boolean): Promise<Credentials | undefined> {
  const profile: Section | undefined = ctx.config.getProfile(profileName);
  const webIdentity = await webIdentityCredentials(profileName, profile, ctx, allowEnvVars);
  if (webIdentity) return webIdentity;
  if (stringValue(profile, 'sso_account_id') !== undefined || stringValue(profile, 'sso_role_name') !== undefined) {
    return ssoCredentials(profileName, profile!, ctx);
  }
  const shared = credentialsFromSection(ctx.config.credentialsProfiles.get(profileName), 'shared-credentials-file');
  if (shared) return shared;
  const command = stringValue(profile, 'credential_process');
  if (command !== undefined) return processCredentials(command, profileName, ctx);
  return credentialsFromSection(ctx.config.configProfiles.get(profileName), 'config-file');
}
