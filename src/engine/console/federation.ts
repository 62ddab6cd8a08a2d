// Signing in to the AWS console as the credentials' identity, through the federation endpoint:
// getSigninToken turns temporary credentials into a short-lived sign-in token, and the login URL
// carries that token to the console page wanted. Long-term keys cannot be federated (AWS refuses
// them), so for those the console page is opened as it is and the console asks for a sign-in.
import type { Credentials } from '../http/types.js';
import type { NetworkSettings } from '../http/proxy.js';
import { send } from '../http/transport.js';

/** Who the sign-in URL says sent the person (shown by AWS on an expired link). */
export const FEDERATION_ISSUER = 'awsdeck';

/** The partition's sign-in host, unless an endpoint URL (the sandbox, a test server) is configured. */
export function federationEndpoint(region: string, endpointUrl?: string): string {
  if (endpointUrl) return `${endpointUrl.replace(/\/+$/, '')}/federation`;
  if (region.startsWith('cn-')) return 'https://signin.amazonaws.cn/federation';
  if (region.startsWith('us-gov-')) return 'https://signin.amazonaws-us-gov.com/federation';
  return 'https://signin.aws.amazon.com/federation';
}

/** The federation endpoint refused (expired or invalid credentials); the message holds no secret. */
export class FederationError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'FederationError';
  }
}

export interface ConsoleSignIn {
  /** The URL to hand to the browser: it signs in when federated, so it is a secret then. */
  url: string;
  federated: boolean;
  /** Why it is not federated (long-term keys). */
  note?: string;
}

export interface FederationOptions {
  endpoint: string;
  network?: NetworkSettings;
  timeoutMs?: number;
}

/** The session JSON getSigninToken takes: the three parts of temporary credentials. */
export function sessionJson(credentials: Credentials): string {
  return JSON.stringify({ sessionId: credentials.accessKeyId, sessionKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken });
}

/** getSigninToken: temporary credentials → a sign-in token (valid 15 minutes at AWS). */
export async function getSigninToken(credentials: Credentials, options: FederationOptions): Promise<string> {
  if (!credentials.sessionToken) throw new FederationError('Console sign-in needs temporary credentials (SSO, a role or a session token); these are long-term keys.');
  const url = new URL(options.endpoint);
  url.searchParams.set('Action', 'getSigninToken');
  url.searchParams.set('Session', sessionJson(credentials));
  const timeout = options.timeoutMs ?? 30_000;
  let response;
  try {
    response = await send({ method: 'GET', url, headers: { accept: 'application/json' } }, { connectTimeoutMs: timeout, readTimeoutMs: timeout, verifySsl: true, network: options.network });
  } catch (error) {
    // The transport's message names the URL, and this URL's query holds the secret key: never repeat it.
    throw new FederationError(`Could not reach the federation endpoint ${url.origin}${url.pathname}: ${(error as { kind?: string }).kind ?? 'network error'}`);
  }
  const body = response.body.toString('utf8');
  if (response.statusCode !== 200) throw new FederationError(`The federation endpoint refused the credentials (HTTP ${response.statusCode}): ${refusalReason(body)}`, response.statusCode);
  let token: unknown;
  try {
    token = (JSON.parse(body) as { SigninToken?: unknown }).SigninToken;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || !token) throw new FederationError('The federation endpoint answered without a SigninToken.');
  return token;
}

/** The URL that signs in with `token` and lands on `destination`. */
export function loginUrl(endpoint: string, token: string, destination: string, issuer = FEDERATION_ISSUER): string {
  const url = new URL(endpoint);
  url.searchParams.set('Action', 'login');
  url.searchParams.set('Issuer', issuer);
  url.searchParams.set('Destination', destination);
  url.searchParams.set('SigninToken', token);
  return url.toString();
}

/** The sign-in URL for temporary credentials; the page itself (with a note) for long-term keys. */
export async function consoleSignIn(credentials: Credentials, destination: string, options: FederationOptions): Promise<ConsoleSignIn> {
  if (!credentials.sessionToken) {
    return { url: destination, federated: false, note: 'These are long-term keys: signing in through federation needs temporary credentials (SSO, a role or a session token), so the console asks you to sign in.' };
  }
  const token = await getSigninToken(credentials, options);
  return { url: loginUrl(options.endpoint, token, destination), federated: true };
}

/** A refusal's reason in one short line: a JSON `message`, else the body's text without markup. */
function refusalReason(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; Message?: unknown };
    const message = parsed.message ?? parsed.Message;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // Not JSON: AWS answers with an HTML page.
  }
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.slice(0, 200) || 'no reason given (expired or invalid credentials)';
}
