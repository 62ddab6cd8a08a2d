// Authorization code + PKCE with a loopback redirect: a one-shot HTTP server on 127.0.0.1 receives
// the browser's redirect; the code is exchanged with the verifier only this process knows.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { AuthCodeError, LoginCancelledError, PendingAuthorizationExpiredError } from './errors.js';
import type { LoginInteraction } from './interaction.js';
import type { CreateTokenResult, OidcApi } from './oidc.js';
import type { CachedRegistration } from './token-cache.js';

const VERIFIER_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const CALLBACK_PATH = '/oauth/callback';
export const AUTH_CODE_TIMEOUT_MS = 10 * 60 * 1000;

export function newCodeVerifier(): string {
  let out = '';
  for (let i = 0; i < 64; i++) out += VERIFIER_CHARS[randomInt(VERIFIER_CHARS.length)];
  return out;
}

export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url'); // base64url has no `=` padding
}

/** Percent-encoding that keeps only A-Z a-z 0-9 - . _ ~ (Python's quote with safe='-._~'). */
function quote(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function authorizationUrl(origin: string, p: { clientId: string; redirectUri: string; state: string; scopes: string[]; challenge: string }): string {
  const query: Array<[string, string]> = [
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['state', p.state],
    ['code_challenge_method', 'S256'],
    ['scopes', p.scopes.join(' ')],
    ['code_challenge', p.challenge],
  ];
  return `${origin}/authorize?${query.map(([k, v]) => `${k}=${quote(v)}`).join('&')}`;
}

export interface AuthCodeFlowOptions {
  oidc: OidcApi;
  registration: CachedRegistration;
  scopes: string[];
  interaction: LoginInteraction;
  now: () => Date;
  timeoutMs?: number;
}

const PAGE = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;

interface Callback { code?: string; state?: string; error?: string }

/**
 * Serves the loopback redirect on 127.0.0.1 (a random port), never on other interfaces. It takes
 * exactly one answer on the callback path and stops listening as it replies: a second answer, or a
 * page trying its luck later, finds nothing there. A wrong `state` is that one answer too, and ends
 * the login with the CLI's error. Other paths (a favicon) are not answers.
 */
function listenForCallback(expectedState: string): Promise<{ port: number; callback: Promise<Callback>; close(): void }> {
  return new Promise((resolveListen, rejectListen) => {
    let deliver!: (cb: Callback) => void;
    let answered = false;
    const callback = new Promise<Callback>((r) => (deliver = r));
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (answered) {
        res.writeHead(410, { 'content-type': 'text/plain', connection: 'close' }).end('This sign-in has already been answered.');
        return;
      }
      if (url.pathname !== CALLBACK_PATH) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      answered = true;
      server.close();
      const cb: Callback = {
        code: url.searchParams.get('code') ?? undefined,
        state: url.searchParams.get('state') ?? undefined,
        error: url.searchParams.get('error') ?? undefined,
      };
      const stateMatches = cb.state === expectedState;
      const ok = !cb.error && cb.code && stateMatches;
      res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      res.end(ok
        ? PAGE('Request approved', 'awsdeck has been given the requested permissions. You can close this window and return to your terminal.')
        : PAGE('Request not approved', 'awsdeck did not receive permission. You can close this window and run the login again.'));
      deliver(cb);
    });
    server.on('error', rejectListen);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveListen({ port, callback, close: () => { server.close(); server.closeAllConnections(); } });
    });
  });
}

export async function runAuthCodeFlow(opts: AuthCodeFlowOptions): Promise<CreateTokenResult> {
  const { oidc, registration, interaction } = opts;
  const verifier = newCodeVerifier();
  const state = randomUUID();
  const listener = await listenForCallback(state);
  try {
    const redirectUri = `http://127.0.0.1:${listener.port}${CALLBACK_PATH}`;
    const url = authorizationUrl(oidc.origin, { clientId: registration.clientId, redirectUri, state, scopes: opts.scopes, challenge: codeChallenge(verifier) });
    const timeoutMs = opts.timeoutMs ?? AUTH_CODE_TIMEOUT_MS;
    interaction.onAuthorizationUrl?.({ url, expiresAt: new Date(opts.now().getTime() + timeoutMs) });
    await interaction.onBrowserOpen?.(url);

    const cb = await waitFor(listener.callback, timeoutMs, interaction.signal);
    if (cb.error || !cb.code) throw new AuthCodeError('Failed to retrieve an authorization code.');
    if (cb.state !== state) throw new AuthCodeError('State parameter does not match expected value.');
    return await oidc.createToken({
      grantType: 'authorization_code',
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      redirectUri,
      codeVerifier: verifier,
      code: cb.code,
    });
  } finally {
    listener.close();
  }
}

function waitFor<T>(promise: Promise<T>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new LoginCancelledError());
    const timer = setTimeout(() => { cleanup(); reject(new PendingAuthorizationExpiredError()); }, timeoutMs);
    const onAbort = () => { cleanup(); reject(new LoginCancelledError()); };
    const cleanup = () => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); };
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then((v) => { cleanup(); resolve(v); }, (e: unknown) => { cleanup(); reject(e); });
  });
}
