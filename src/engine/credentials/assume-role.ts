// Assume-role profiles (reference §3): validation with the CLI's messages, source resolution
// (source_profile chains with loop detection, or credential_source), MFA through the injected
// callback, and the CLI's ~/.aws/cli/cache files so both tools reuse each other's role sessions.
import { cliCacheDir } from '../config/paths.js';
import { stringValue, type Section } from '../config/files.js';
import type { Credentials } from '../http/types.js';
import { ServiceError } from '../http/errors.js';
import type { CredentialContext } from './context.js';
import { containerCredentials } from './container-provider.js';
import { credentialsFromEnv } from './env-provider.js';
import { CredentialRetrievalError, InvalidCredentialConfigError, PartialCredentialsError } from './errors.js';
import { imdsCredentials } from './imds-provider.js';
import { JsonFileCache, sha1Hex, sortedPyJson } from './json-cache.js';
import { MFA_SESSION_SECONDS, cachedMfaSession, storeMfaSession } from './mfa-session.js';
import { hasStaticKeys } from './static-provider.js';
import { assumeRoleCacheDoc, credentialsFromCacheDoc, parseCacheTimestamp, secondsLeft } from './sts-response.js';

const METHOD = 'assume-role';
const CACHE_VALID_SECONDS = 15 * 60;
const MFA_ATTEMPTS = 3;
const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];

export function hasAssumeRoleConfig(profile: Section | undefined): boolean {
  return stringValue(profile, 'role_arn') !== undefined && !profile!.has('web_identity_token_file');
}

export interface AssumeRoleArgs {
  RoleArn: string;
  RoleSessionName?: string;
  ExternalId?: string;
  SerialNumber?: string;
  DurationSeconds?: number;
  Policy?: string;
}

/** The cache file name the CLI uses for these AssumeRole arguments (the generated session name excluded). */
export function assumeRoleCacheKey(args: AssumeRoleArgs): string {
  const keyArgs: Record<string, unknown> = { ...args };
  for (const k of Object.keys(keyArgs)) if (keyArgs[k] === undefined) delete keyArgs[k];
  if (typeof keyArgs.Policy === 'string') keyArgs.Policy = JSON.parse(keyArgs.Policy);
  return sha1Hex(sortedPyJson(keyArgs));
}

/** Python int(): optional sign, digits, surrounding whitespace, underscores between digits. */
function pyInt(text: string): number | undefined {
  const t = text.trim();
  return /^[+-]?\d+(_\d+)*$/.test(t) ? Number(t.replace(/_/g, '')) : undefined;
}

interface RoleConfig {
  args: AssumeRoleArgs;
  sourceProfile?: string;
  credentialSource?: string;
}

function roleConfig(profileName: string, profile: Section, ctx: CredentialContext, visited: string[]): RoleConfig {
  const get = (k: string) => stringValue(profile, k);
  const sourceProfile = get('source_profile');
  const credentialSource = get('credential_source');
  if (sourceProfile !== undefined && credentialSource !== undefined) {
    throw new InvalidCredentialConfigError(`The profile "${profileName}" contains both source_profile and credential_source.`);
  }
  if (sourceProfile === undefined && credentialSource === undefined) {
    throw new PartialCredentialsError(METHOD, 'source_profile or credential_source');
  }
  if (credentialSource !== undefined && !CREDENTIAL_SOURCES.includes(credentialSource)) {
    throw new InvalidCredentialConfigError(`The credential source "${credentialSource}" referenced in profile "${profileName}" is not valid.`);
  }
  if (sourceProfile !== undefined) {
    const source = ctx.config.getProfile(sourceProfile);
    if (!source) {
      throw new InvalidCredentialConfigError(`The source_profile "${sourceProfile}" referenced in the profile "${profileName}" does not exist.`);
    }
    const selfWithKeys = sourceProfile === profileName && hasStaticKeys(source);
    if (visited.includes(sourceProfile) && !selfWithKeys) {
      const list = '[' + visited.map((p) => `'${p}'`).join(', ') + ']';
      throw new CredentialRetrievalError(`Infinite loop in credential configuration detected. Attempting to load from profile ${sourceProfile} which has already been visited. Visited profiles: ${list}`);
    }
  }
  const args: AssumeRoleArgs = { RoleArn: get('role_arn')! };
  const sessionName = get('role_session_name');
  if (sessionName !== undefined) args.RoleSessionName = sessionName;
  const externalId = get('external_id');
  if (externalId !== undefined) args.ExternalId = externalId;
  const serial = get('mfa_serial');
  if (serial !== undefined) args.SerialNumber = serial;
  const duration = get('duration_seconds');
  const seconds = duration === undefined ? undefined : pyInt(duration);
  if (seconds !== undefined) args.DurationSeconds = seconds;
  return { args, sourceProfile, credentialSource };
}

export async function assumeRoleCredentials(profileName: string, ctx: CredentialContext, visited: string[] = [profileName]): Promise<Credentials> {
  const profile = ctx.config.getProfile(profileName)!;
  const config = roleConfig(profileName, profile, ctx, visited);
  const cache = new JsonFileCache(cliCacheDir(ctx.env), ctx.warn);
  const key = assumeRoleCacheKey(config.args);
  const cached = cache.get(key);
  const fromCache = cached && credentialsFromCacheDoc(cached, METHOD);
  if (fromCache && !ctx.rejectedKeyIds?.has(fromCache.accessKeyId) && secondsLeft(fromCache.expiration, ctx.now()) > CACHE_VALID_SECONDS) return fromCache;

  const source = await sourceCredentials(profileName, config, ctx, visited);
  const response = await callAssumeRole(config.args, source, ctx);
  const doc = assumeRoleCacheDoc(response);
  cache.set(key, doc);
  return credentialsFromCacheDoc(doc, METHOD)!;
}

async function sourceCredentials(profileName: string, config: RoleConfig, ctx: CredentialContext, visited: string[]): Promise<Credentials> {
  if (config.credentialSource !== undefined) {
    const found = config.credentialSource === 'Environment' ? credentialsFromEnv(ctx.env)
      : config.credentialSource === 'EcsContainer' ? await containerCredentials(ctx)
      : await imdsCredentials(ctx, ctx.config.getProfile(profileName));
    if (!found) {
      throw new CredentialRetrievalError(`Error when retrieving credentials from ${config.credentialSource}: No credentials found in credential_source referenced in profile ${profileName}`);
    }
    return found;
  }
  const sourceName = config.sourceProfile!;
  const nextVisited = [...visited, sourceName];
  const source = ctx.config.getProfile(sourceName);
  if (hasStaticKeys(source) || !hasAssumeRoleConfig(source)) {
    const { profileProviders } = await import('./chain.js');
    const found = await profileProviders(sourceName, ctx, false);
    if (!found) throw new InvalidCredentialConfigError(`The source profile "${sourceName}" must have credentials.`);
    return found;
  }
  return assumeRoleCredentials(sourceName, ctx, nextVisited);
}

async function stsClient(ctx: CredentialContext, credentials: Credentials) {
  return ctx.createClient({ service: 'sts', region: ctx.region, credentials, endpointUrl: ctx.endpointUrlFor?.('sts') });
}

/** What the person is told when an endpoint refuses the MFA session and the role is assumed with a code. */
export function mfaSessionFallbackNote(roleArn: string): string {
  return `The endpoint does not accept MFA session (GetSessionToken) credentials for AssumeRole: assuming ${roleArn} with SerialNumber and a new MFA code instead, as the AWS CLI does.`;
}

export const isMfaSessionFallbackNote = (message: string | undefined): boolean => /does not accept MFA session/.test(message ?? '');

/** An AssumeRole signed with MFA session credentials that the endpoint does not recognise. */
class MfaSessionRefusedError extends Error {}

/** moto and some other AWS-compatible endpoints only know keys they issued through IAM or AssumeRole. */
function isSessionRefused(err: unknown): boolean {
  return err instanceof ServiceError && (err.code === 'InvalidClientTokenId' || err.code === 'UnrecognizedClientException');
}

async function callAssumeRole(args: AssumeRoleArgs, source: Credentials, ctx: CredentialContext): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = { ...args };
  params.RoleSessionName ??= `botocore-session-${Math.floor(ctx.now().getTime() / 1000)}`;
  if (!args.SerialNumber) return (await stsClient(ctx, source)).call('AssumeRole', params);

  const serial = args.SerialNumber;
  const { SerialNumber: _omit, ...withoutMfa } = params;
  // The CLI's way: the code goes with AssumeRole itself.
  const withCode = () => askingForCodes(args.RoleArn, serial, ctx, async (code) => (await stsClient(ctx, source)).call('AssumeRole', { ...params, TokenCode: code }));
  // Only long-term keys can open an MFA session that every role on this device then shares.
  if (source.sessionToken) return withCode();
  const assumeWithSession = async (session: Credentials) => {
    try {
      return await (await stsClient(ctx, session)).call('AssumeRole', withoutMfa);
    } catch (err) {
      throw isSessionRefused(err) ? new MfaSessionRefusedError() : err;
    }
  };
  try {
    const cached = cachedMfaSession(serial, source, ctx);
    if (cached) return await assumeWithSession(cached);
    return await askingForCodes(args.RoleArn, serial, ctx, async (code) => {
      const session = await openMfaSession(serial, code, source, ctx);
      const response = await assumeWithSession(session);
      storeMfaSession(serial, source, session, ctx);
      return response;
    });
  } catch (err) {
    if (!(err instanceof MfaSessionRefusedError)) throw err;
    // Once: the code already used opened the refused session, so the prompt asks for a fresh one.
    ctx.warn(mfaSessionFallbackNote(args.RoleArn));
    return withCode();
  }
}

async function openMfaSession(serial: string, code: string, source: Credentials, ctx: CredentialContext): Promise<Credentials> {
  const out = await (await stsClient(ctx, source)).call('GetSessionToken', { SerialNumber: serial, TokenCode: code, DurationSeconds: MFA_SESSION_SECONDS });
  const c = out.Credentials as Record<string, unknown>;
  return {
    accessKeyId: c.AccessKeyId as string,
    secretAccessKey: c.SecretAccessKey as string,
    sessionToken: c.SessionToken as string,
    expiration: parseCacheTimestamp(c.Expiration),
    source: 'mfa-session',
  };
}

/** Asks for a code and runs `attempt` with it; a code the service rejects is asked again, up to MFA_ATTEMPTS. */
async function askingForCodes<T>(roleArn: string, serial: string, ctx: CredentialContext, attempt: (code: string) => Promise<T>): Promise<T> {
  if (!ctx.mfaCode) throw new CredentialRetrievalError(`Cannot assume the role ${roleArn}: an MFA code for ${serial} is required and nothing can ask for it.`);
  for (let tries = 1; ; tries++) {
    const code = await ctx.mfaCode(serial);
    try {
      return await attempt(code);
    } catch (err) {
      // A wrong code: say what the service said and ask again; nothing has been written.
      if (!(err instanceof ServiceError) || tries >= MFA_ATTEMPTS || !isMfaFailure(err)) throw err;
      ctx.warn(err.toString());
    }
  }
}

function isMfaFailure(err: ServiceError): boolean {
  return err.code === 'AccessDenied' && /MultiFactorAuthentication|MFA|one time pass/i.test(err.message);
}
