// ECS task roles and EKS Pod Identity: a local HTTP endpoint named by
// AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI, with an optional authorization token.
import { readFileSync } from 'node:fs';
import type { Credentials } from '../http/types.js';
import type { CredentialContext } from './context.js';
import { CredentialRetrievalError } from './errors.js';

const METHOD = 'container-role';
const ECS_HOST = 'http://169.254.170.2';
const ALLOWED_HTTP_HOSTS = new Set(['169.254.170.2', '169.254.170.23', '[fd00:ec2::23]', 'localhost']);

function allowedFullUri(uri: URL): boolean {
  if (uri.protocol === 'https:') return true;
  if (uri.protocol !== 'http:') return false;
  const host = uri.hostname;
  return ALLOWED_HTTP_HOSTS.has(host) || host.startsWith('127.') || host === '[::1]';
}

export async function containerCredentials(ctx: CredentialContext): Promise<Credentials | undefined> {
  const { env } = ctx;
  let url: string;
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) {
    url = ECS_HOST + env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  } else if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    url = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    let parsed: URL;
    try { parsed = new URL(url); } catch { throw new CredentialRetrievalError(`Error when retrieving credentials from ${METHOD}: invalid AWS_CONTAINER_CREDENTIALS_FULL_URI`); }
    if (!allowedFullUri(parsed)) {
      throw new CredentialRetrievalError(`Error when retrieving credentials from ${METHOD}: Unsupported host '${parsed.hostname}'.  Can only retrieve metadata from a loopback address or one of these hosts: 169.254.170.2, 169.254.170.23, fd00:ec2::23, localhost`);
    }
  } else {
    return undefined;
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE
    ? readFileSync(env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, 'utf8')
    : env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  if (token !== undefined) {
    if (/[\r\n]/.test(token)) throw new CredentialRetrievalError(`Error when retrieving credentials from ${METHOD}: Auth token value is not a legal header value`);
    headers.Authorization = token;
  }
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await ctx.fetch(url, { headers, signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      if (res.status !== 200) { lastError = `Received non 200 response (${res.status}) from container metadata`; continue; }
      const doc = JSON.parse(body) as Record<string, string>;
      const creds: Credentials = { accessKeyId: doc.AccessKeyId, secretAccessKey: doc.SecretAccessKey, sessionToken: doc.Token, source: METHOD };
      if (doc.Expiration) creds.expiration = new Date(doc.Expiration);
      if (doc.AccountId) creds.accountId = doc.AccountId;
      return creds;
    } catch (err) {
      lastError = (err as Error).message;
    }
  }
  throw new CredentialRetrievalError(`Error when retrieving credentials from ${METHOD}: ${lastError}`);
}
