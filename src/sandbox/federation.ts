// The sign-in federation endpoint, as AWS's /federation answers it: getSigninToken checks a session
// JSON {sessionId, sessionKey, sessionToken} against the sandbox's temporary credentials and returns
// a SigninToken; login spends the token and redirects to a sandbox console page naming the
// identity (never to the real console: nothing leaves this machine).
import { randomBytes } from 'node:crypto';
import type { SandboxState } from './state.js';
import type { IncomingCall, Principal, Reply } from './types.js';
import { parseFormBody } from './codecs/form.js';

/** AWS's sign-in tokens last 15 minutes; so do these. */
const TOKEN_TTL_MS = 15 * 60_000;

interface Grant { principal: Principal; expiresAt: number }
interface ConsoleSession { principal: Principal; destination: string }

const tokensOf = new WeakMap<SandboxState, Map<string, Grant>>();
const sessionsOf = new WeakMap<SandboxState, Map<string, ConsoleSession>>();
const mapFor = <T>(maps: WeakMap<SandboxState, Map<string, T>>, state: SandboxState) => {
  let map = maps.get(state);
  if (!map) maps.set(state, (map = new Map()));
  return map;
};

export const isFederationPath = (path: string) => path === '/federation' || path.startsWith('/sandbox/console/');

function params(call: IncomingCall): Map<string, string> {
  const all = new Map(call.query);
  if (call.method === 'POST') for (const [k, v] of parseFormBody(call.body.toString('utf8'))) all.set(k, v);
  return all;
}

const refuse = (status: number, message: string): Reply => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });

function signinToken(state: SandboxState, session: string | undefined): Reply {
  let parsed: { sessionId?: unknown; sessionKey?: unknown; sessionToken?: unknown };
  try {
    parsed = JSON.parse(session ?? '') as typeof parsed;
  } catch {
    return refuse(400, 'Session must be JSON {"sessionId", "sessionKey", "sessionToken"}');
  }
  const { sessionId, sessionKey, sessionToken } = parsed;
  if (typeof sessionId !== 'string' || typeof sessionKey !== 'string' || typeof sessionToken !== 'string') {
    return refuse(400, 'Session needs sessionId, sessionKey and sessionToken: only temporary credentials can be federated');
  }
  const key = state.accessKeys.get(sessionId);
  if (!key || key.secretAccessKey !== sessionKey || key.sessionToken === undefined || key.sessionToken !== sessionToken) {
    return refuse(400, 'The session credentials are not valid');
  }
  if (key.expiresAt !== undefined && key.expiresAt <= Date.now()) return refuse(400, 'The session credentials have expired');
  const token = randomBytes(48).toString('base64url');
  mapFor(tokensOf, state).set(token, { principal: key.principal, expiresAt: Date.now() + TOKEN_TTL_MS });
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ SigninToken: token }) };
}

function login(state: SandboxState, token: string | undefined, destination: string | undefined): Reply {
  const grant = token ? mapFor(tokensOf, state).get(token) : undefined;
  if (!grant || grant.expiresAt <= Date.now()) return refuse(400, 'The sign-in token is not valid or has expired');
  const id = randomBytes(16).toString('hex');
  mapFor(sessionsOf, state).set(id, { principal: grant.principal, destination: destination ?? '' });
  return { status: 302, headers: { location: `/sandbox/console/${id}` }, body: '' };
}

/** The page a federated sign-in lands on, or undefined for a console session the sandbox does not know. */
export function consoleSession(state: SandboxState, path: string): ConsoleSession | undefined {
  return mapFor(sessionsOf, state).get(path.slice('/sandbox/console/'.length));
}

/** `/federation?Action=getSigninToken|login`; undefined for another action (the caller answers 400). */
export function handleFederation(state: SandboxState, call: IncomingCall): Reply | undefined {
  const p = params(call);
  switch (p.get('Action')) {
    case 'getSigninToken': return signinToken(state, p.get('Session'));
    case 'login': return login(state, p.get('SigninToken'), p.get('Destination'));
    default: return undefined;
  }
}
