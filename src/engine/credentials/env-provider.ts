// The `env` provider: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (both must be non-empty),
// the token from AWS_SECURITY_TOKEN (the legacy name wins) or AWS_SESSION_TOKEN.
import type { Env } from '../config/paths.js';
import type { Credentials } from '../http/types.js';
import { PartialCredentialsError } from './errors.js';

export function credentialsFromEnv(env: Env): Credentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  if (!accessKeyId) return undefined;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!secretAccessKey) throw new PartialCredentialsError('env', 'AWS_SECRET_ACCESS_KEY');
  const creds: Credentials = { accessKeyId, secretAccessKey, source: 'env' };
  const token = env.AWS_SECURITY_TOKEN || env.AWS_SESSION_TOKEN;
  if (token) creds.sessionToken = token;
  if (env.AWS_CREDENTIAL_EXPIRATION) {
    const expiry = new Date(env.AWS_CREDENTIAL_EXPIRATION);
    if (!Number.isNaN(expiry.getTime())) creds.expiration = expiry;
  }
  if (env.AWS_ACCOUNT_ID) creds.accountId = env.AWS_ACCOUNT_ID;
  return creds;
}
