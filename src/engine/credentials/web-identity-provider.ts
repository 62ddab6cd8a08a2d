// AssumeRoleWithWebIdentity (EKS IRSA and similar): token file and role from the environment
// (ignored under --profile) or the profile; the call is unsigned; results share the CLI cache.
import { readFileSync } from 'node:fs';
import { cliCacheDir } from '../config/paths.js';
import { stringValue, type Section } from '../config/files.js';
import type { Credentials } from '../http/types.js';
import type { CredentialContext } from './context.js';
import { CredentialRetrievalError, InvalidCredentialConfigError } from './errors.js';
import { JsonFileCache, sha1Hex, sortedPyJson } from './json-cache.js';
import { assumeRoleCacheDoc, credentialsFromCacheDoc, secondsLeft } from './sts-response.js';

const METHOD = 'assume-role-with-web-identity';

export async function webIdentityCredentials(profileName: string, profile: Section | undefined, ctx: CredentialContext, allowEnvVars: boolean): Promise<Credentials | undefined> {
  const fromEnv = (name: string) => (allowEnvVars ? ctx.env[name] : undefined);
  const tokenFile = fromEnv('AWS_WEB_IDENTITY_TOKEN_FILE') ?? stringValue(profile, 'web_identity_token_file');
  if (!tokenFile) return undefined;
  const roleArn = fromEnv('AWS_ROLE_ARN') ?? stringValue(profile, 'role_arn');
  if (!roleArn) {
    throw new InvalidCredentialConfigError(`The provided profile or the current environment is configured to assume role with web identity but has no role ARN configured. Ensure that the profile has the role_arn configuration set or the AWS_ROLE_ARN env var is set.`);
  }
  const sessionName = fromEnv('AWS_ROLE_SESSION_NAME') ?? stringValue(profile, 'role_session_name');
  const keyArgs: Record<string, string> = { RoleArn: roleArn };
  if (sessionName) keyArgs.RoleSessionName = sessionName;
  const cache = new JsonFileCache(cliCacheDir(ctx.env), ctx.warn);
  const key = sha1Hex(sortedPyJson(keyArgs));
  const cachedDoc = cache.get(key);
  const cached = cachedDoc && credentialsFromCacheDoc(cachedDoc, METHOD);
  if (cached && secondsLeft(cached.expiration, ctx.now()) > 15 * 60) return cached;

  let token: string;
  try {
    token = readFileSync(tokenFile, 'utf8');
  } catch {
    throw new CredentialRetrievalError(`Error when retrieving credentials from ${METHOD}: could not read the web identity token file ${tokenFile} (profile ${profileName})`);
  }
  const sts = await ctx.createClient({ service: 'sts', region: ctx.region, unsigned: true, endpointUrl: ctx.endpointUrlFor?.('sts') });
  const response = await sts.call('AssumeRoleWithWebIdentity', {
    RoleArn: roleArn,
    RoleSessionName: sessionName || `botocore-session-${Math.floor(ctx.now().getTime() / 1000)}`,
    WebIdentityToken: token,
  });
  const doc = assumeRoleCacheDoc(response);
  cache.set(key, doc);
  return credentialsFromCacheDoc(doc, METHOD);
}
