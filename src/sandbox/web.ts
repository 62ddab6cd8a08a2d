// The sandbox's own pages: the sign-in page behind the device verification URL and the PKCE
// authorize URL (user code, requesting client, Allow/Deny), and `/sandbox/*` JSON endpoints
// that let scripted tests approve or deny without a browser.
import type { SandboxState } from './state.js';
import type { IncomingCall, Reply } from './types.js';
import { parseFormBody } from './codecs/form.js';
import { escapeHtml } from './wire.js';
import { consoleSession, handleFederation, isFederationPath } from './federation.js';
import { FaultSpecError } from './fault-plan.js';

export function isWebPath(path: string): boolean {
  return path === '/device' || path.startsWith('/device/') || path === '/authorize' || path.startsWith('/authorize/') || path.startsWith('/sandbox/') || path === '/favicon.ico' || isFederationPath(path);
}

function html(status: number, title: string, body: string, headers: Record<string, string> = {}): Reply {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1b1f23}
.code{font:700 2rem ui-monospace,monospace;letter-spacing:.15em;padding:.5rem 1rem;background:#f3f4f6;border-radius:6px;display:inline-block}
button{font-size:1rem;padding:.5rem 1.5rem;margin-right:.75rem;border-radius:6px;border:1px solid #888;cursor:pointer}
button.allow{background:#1f7a3a;color:#fff;border-color:#1f7a3a}.note{color:#666;font-size:.9rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}<p class="note">awsdeck sandbox: a local stand-in for IAM Identity Center and the console sign-in. Nothing leaves this machine.</p></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: page };
}

function json(status: number, value: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function decisionForm(action: string, userCode: string, clientName: string): string {
  return `<p>An application is asking to sign in as <b>demo-user</b>:</p>
<p>Application: <b data-client-name>${escapeHtml(clientName)}</b></p>
<p>Check that this code matches the one the application shows:</p><p class="code" id="user-code">${escapeHtml(userCode)}</p>
<form method="post" action="${action}"><input type="hidden" name="user_code" value="${escapeHtml(userCode)}">
<button class="allow" name="decision" value="allow" type="submit">Allow</button><button name="decision" value="deny" type="submit">Deny</button></form>`;
}

function query(call: IncomingCall, name: string): string | undefined {
  return call.query.find(([k]) => k === name)?.[1];
}

function form(call: IncomingCall): Map<string, string> {
  return new Map(parseFormBody(call.body.toString('utf8')));
}

export function handleWeb(state: SandboxState, call: IncomingCall): Reply {
  const path = call.rawPath;
  const sso = state.sso;
  if (path === '/favicon.ico') return { status: 204, headers: {} };

  if (path === '/sandbox/approve' && call.method === 'POST') {
    let body: { userCode?: unknown; allow?: unknown };
    try { body = JSON.parse(call.body.toString('utf8') || '{}'); } catch { return json(400, { error: 'invalid_request', message: 'body must be JSON {"userCode": "...", "allow": true}' }); }
    if (typeof body.userCode !== 'string' || typeof body.allow !== 'boolean') return json(400, { error: 'invalid_request', message: 'userCode (string) and allow (boolean) are required' });
    const result = sso.decide(body.userCode, body.allow);
    if (!result.found) return json(404, { error: 'not_found', message: `no pending authorization with user code ${body.userCode}` });
    return json(200, { userCode: body.userCode.toUpperCase(), status: body.allow ? 'approved' : 'denied', kind: result.kind, clientName: result.clientName, redirect: result.redirect });
  }
  if (path === '/sandbox/faults') return faultsEndpoint(state, call);
  if (path === '/sandbox/pending' && call.method === 'GET') {
    const device = [...sso.deviceAuths.values()].filter((d) => d.status === 'pending' && d.expiresAt > Date.now()).map((d) => ({ userCode: d.userCode, kind: 'device', clientName: sso.clients.get(d.clientId)?.clientName }));
    const browser = [...sso.browserAuths.values()].filter((b) => b.status === 'pending' && b.expiresAt > Date.now()).map((b) => ({ userCode: b.userCode, kind: 'browser', clientName: sso.clients.get(b.clientId)?.clientName }));
    return json(200, { pending: [...device, ...browser] });
  }
  if (path === '/sandbox/health') return json(200, { ok: true });

  if (path === '/federation') return handleFederation(state, call) ?? json(400, { message: 'Action must be getSigninToken or login' });
  if (isFederationPath(path) && call.method === 'GET') {
    const session = consoleSession(state, path);
    if (!session) return html(404, 'Not signed in', '<p>This console session is unknown: sign in again.</p>');
    return html(200, 'AWS console (sandbox)', `<p>Signed in as <b id="identity">${escapeHtml(session.principal.arn)}</b> (account <b id="account">${escapeHtml(session.principal.accountId)}</b>).</p>
<p>The real console would now show:</p><p><code id="destination">${escapeHtml(session.destination)}</code></p>`);
  }

  if (path === '/device' && call.method === 'GET') {
    const code = query(call, 'user_code');
    if (!code) {
      return html(200, 'Authorize request', `<p>Enter the code shown by the application.</p><form method="get" action="/device"><input name="user_code" autofocus placeholder="ABCD-EFGH"> <button type="submit">Next</button></form>`);
    }
    const { device } = sso.findByUserCode(code);
    if (!device || device.expiresAt <= Date.now()) return html(404, 'Code not found', `<p>The code <b>${escapeHtml(code)}</b> is unknown or has expired. Start the sign-in again.</p>`);
    if (device.status !== 'pending') return html(200, 'Already answered', `<p>This request was already ${device.status === 'denied' ? 'denied' : 'approved'}.</p>`);
    return html(200, 'Authorize request', decisionForm('/device/decision', device.userCode, sso.clients.get(device.clientId)?.clientName ?? 'unknown'));
  }
  if (path === '/device/decision' && call.method === 'POST') {
    const f = form(call);
    const allow = f.get('decision') === 'allow';
    const result = sso.decide(f.get('user_code') ?? '', allow);
    if (!result.found) return html(404, 'Code not found', '<p>The code is unknown or has expired.</p>');
    return html(200, allow ? 'Request approved' : 'Request denied', allow ? '<p>You may close this window and return to the application.</p>' : '<p>The application will not be signed in.</p>');
  }

  if (path === '/authorize' && call.method === 'GET') {
    const clientId = query(call, 'client_id') ?? '';
    const client = sso.clients.get(clientId);
    const redirectUri = query(call, 'redirect_uri') ?? '';
    const challenge = query(call, 'code_challenge');
    const problem = !client ? 'unknown client_id'
      : query(call, 'response_type') !== 'code' ? 'response_type must be code'
      : !client.grantTypes.includes('authorization_code') ? 'client is not registered for authorization_code'
      : !challenge || query(call, 'code_challenge_method') !== 'S256' ? 'PKCE with S256 is required'
      : !redirectAllowed(client.redirectUris, redirectUri) ? 'redirect_uri is not registered for this client'
      : undefined;
    if (problem) return html(400, 'Invalid request', `<p>${escapeHtml(problem)}.</p>`);
    const auth = sso.startBrowser({
      clientId, redirectUri, state: query(call, 'state') ?? '', codeChallenge: challenge!, codeChallengeMethod: 'S256',
      scopes: (query(call, 'scopes') ?? query(call, 'scope') ?? '').split(' ').filter(Boolean),
      startUrl: client!.issuerUrl ?? 'https://sandbox.awsapps.com/start',
    });
    if ((call.headers.accept ?? '').includes('application/json')) return json(200, { userCode: auth.userCode, clientName: client!.clientName, decisionUrl: '/authorize/decision' });
    return html(200, 'Authorize request', decisionForm('/authorize/decision', auth.userCode, client!.clientName));
  }
  if (path === '/authorize/decision' && call.method === 'POST') {
    const f = form(call);
    const result = sso.decide(f.get('user_code') ?? '', f.get('decision') === 'allow');
    if (!result.found || !result.redirect) return html(404, 'Request not found', '<p>The request is unknown or has expired.</p>');
    return { status: 302, headers: { location: result.redirect }, body: '' };
  }
  return html(404, 'Not found', '<p>No such page.</p>');
}

/** Registered loopback redirect URIs match any port (clients register them without one). */
function redirectAllowed(registered: string[], requested: string): boolean {
  let req: URL;
  try { req = new URL(requested); } catch { return false; }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(req.hostname)) return false;
  return registered.some((r) => {
    try {
      const u = new URL(r);
      return u.hostname === req.hostname && u.pathname === req.pathname && (!u.port || u.port === req.port);
    } catch {
      return false;
    }
  });
}

/** GET shows the fault plan and the requests it saw; POST replaces it with the spec in the body; DELETE clears it. */
function faultsEndpoint(state: SandboxState, call: IncomingCall): Reply {
  if (call.method === 'GET') return json(200, state.faults.describe());
  if (call.method !== 'POST' && call.method !== 'DELETE') return json(405, { error: 'method_not_allowed', message: 'GET, POST (a fault spec) or DELETE' });
  try {
    state.faults.set(call.method === 'DELETE' ? '' : call.body.toString('utf8'));
  } catch (err) {
    if (err instanceof FaultSpecError) return json(400, { error: 'invalid_fault_spec', message: err.message });
    throw err;
  }
  return json(200, state.faults.describe());
}
