// The `configure sso` / `configure sso-session` prompt sequence (reference §4.5), run over any
// WizardUI. It only gathers answers and signs in; the caller previews and writes.
import { stringValue, type LoadedConfig } from '../../engine/config/files.js';
import type { Env } from '../../engine/config/paths.js';
import {
  chooseFlow, FlowPreferences, hostProbe, parseRegistrationScopes, PortalClient, ssoLogin,
  UnauthorizedSsoTokenError, type HostProbe, type PortalAccount, type SsoSessionConfig,
} from '../../engine/sso/index.js';
import {
  accountLabel, sortAccounts, sortRoles, validateProfileName, validateScopes, validateSsoRegion, validateStartUrl, type WizardAnswers,
} from '../../app/sso/wizard-rules.js';
import type { WizardUI } from '../../app/sso/wizard-ui.js';
import type { BrowserOpener } from './browser.js';
import type { SsoEndpoints } from './endpoints.js';
import { authCodeMessage, deviceCodeMessage } from './messages.js';

export interface ScriptContext {
  ui: WizardUI;
  config: LoadedConfig;
  env: Env;
  endpoints: SsoEndpoints;
  openBrowser: BrowserOpener;
  probe?: HostProbe;
  /** `--profile`: its name is used and the profile-name prompt skipped. */
  profileFlag?: string;
  useDeviceCode?: boolean;
  noBrowser?: boolean;
  signal?: AbortSignal;
}

const DEFAULT_SCOPES = 'sso:account:access';
const OUTPUTS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'];

/** Steps 1–4: the session (or legacy) settings. */
export async function askSession(ctx: ScriptContext, requireName: boolean): Promise<WizardAnswers> {
  const { ui, config } = ctx;
  const profile = ctx.profileFlag ? config.getProfile(ctx.profileFlag) : undefined;
  const sessionName = await ui.ask({
    label: requireName ? 'SSO session name' : 'SSO session name (Recommended)',
    validate: requireName ? (v) => (v.trim() ? undefined : 'An SSO session name is required') : undefined,
  });
  const existing = sessionName ? config.ssoSessions.get(sessionName) : undefined;
  // `configure sso` reuses an existing session as is; `configure sso-session` edits it.
  if (!requireName && existing && stringValue(existing, 'sso_start_url') && stringValue(existing, 'sso_region')) {
    return { sessionName, existingSession: true, startUrl: stringValue(existing, 'sso_start_url')!, ssoRegion: stringValue(existing, 'sso_region')!, scopes: stringValue(existing, 'sso_registration_scopes') };
  }
  if (!sessionName) ui.say('WARNING: Configuring using legacy format (e.g. without an SSO session).\nConsider re-running "configure sso" command and providing a session name.');
  const source = existing ?? profile;
  const startUrl = await ui.ask({ label: 'SSO start URL', current: stringValue(source, 'sso_start_url') ?? null, validate: validateStartUrl });
  const ssoRegion = await ui.ask({ label: 'SSO region', current: stringValue(source, 'sso_region') ?? null, validate: validateSsoRegion });
  let scopes: string | undefined;
  if (sessionName) scopes = await ui.ask({ label: 'SSO registration scopes', current: stringValue(existing, 'sso_registration_scopes') ?? DEFAULT_SCOPES, validate: validateScopes });
  return { sessionName: sessionName || undefined, startUrl, ssoRegion, scopes };
}

/** Step 5: sign in (a new session always gets a fresh token; otherwise a valid one is reused). */
export async function signIn(ctx: ScriptContext, a: WizardAnswers): Promise<string> {
  const config: SsoSessionConfig = {
    sessionName: a.sessionName, startUrl: a.startUrl, region: a.ssoRegion, profileName: ctx.profileFlag,
    scopes: a.scopes !== undefined ? parseRegistrationScopes(a.scopes) : undefined,
  };
  const decision = chooseFlow({ sessionName: a.sessionName, useDeviceCode: ctx.useDeviceCode, probe: ctx.probe ?? hostProbe(ctx.env), preferences: FlowPreferences.forEnv(ctx.env) });
  const browser = !ctx.noBrowser;
  const result = await ssoLogin({
    config, env: ctx.env, flow: decision.flow, oidcEndpointUrl: ctx.endpoints.oidc, network: ctx.endpoints.network,
    force: Boolean(a.sessionName && !a.existingSession),
    interaction: {
      signal: ctx.signal,
      onDeviceCode: (p) => ctx.ui.say(deviceCodeMessage(p, browser)),
      onAuthorizationUrl: (p) => ctx.ui.say(authCodeMessage(p, browser)),
      onBrowserOpen: browser ? (url) => ctx.openBrowser(url) : undefined,
      onNotice: (m) => ctx.ui.say(m),
    },
  });
  return result.token.accessToken;
}

/** Steps 6–7: account and role; undefined when the portal refused to list them. */
export async function pickAccountAndRole(ctx: ScriptContext, a: WizardAnswers, accessToken: string): Promise<{ accountId: string; roleName: string } | undefined> {
  const { ui } = ctx;
  const portal = new PortalClient({ region: a.ssoRegion, accessToken, endpointUrl: ctx.endpoints.portal, network: ctx.endpoints.network, signal: ctx.signal });
  try {
    const accounts = sortAccounts(await portal.listAccounts());
    if (accounts.length === 0) throw new Error('No AWS accounts are available to you.');
    let account: PortalAccount;
    if (accounts.length === 1) {
      account = accounts[0]!;
      ui.say(`The only AWS account available to you is: ${account.accountId}`);
    } else {
      ui.say(`There are ${accounts.length} AWS accounts available to you.`);
      account = await ui.choose({ title: 'Account:', items: accounts.map((acc) => ({ label: accountLabel(acc), value: acc })) });
    }
    ui.say(`Using the account ID ${account.accountId}`);
    const roles = sortRoles((await portal.listAccountRoles(account.accountId)).map((r) => r.roleName));
    if (roles.length === 0) throw new Error(`No roles are available to you in account ${account.accountId}.`);
    let roleName: string;
    if (roles.length === 1) {
      roleName = roles[0]!;
      ui.say(`The only role available to you is: ${roleName}`);
    } else {
      ui.say(`There are ${roles.length} roles available to you.`);
      roleName = await ui.choose({ title: 'Role:', items: roles.map((r) => ({ label: r, value: r })) });
    }
    ui.say(`Using the role name "${roleName}"`);
    return { accountId: account.accountId, roleName };
  } catch (err) {
    if (!(err instanceof UnauthorizedSsoTokenError)) throw err;
    ui.say('Unable to list AWS accounts and/or roles. Skipping configuring AWS credential provider for profile.');
    return undefined;
  }
}

/** Steps 8–10: region, output and profile name. */
export async function askProfileSettings(ctx: ScriptContext, a: WizardAnswers): Promise<void> {
  const { ui } = ctx;
  const existing = ctx.profileFlag ? ctx.config.getProfile(ctx.profileFlag) : undefined;
  a.region = await ui.ask({ label: 'Default client Region', current: stringValue(existing, 'region') ?? null, validate: (v) => (!v || validateSsoRegion(v) === undefined ? undefined : `Unknown region "${v}"`) });
  a.output = await ui.ask({
    label: 'CLI default output format (json if not specified)', current: stringValue(existing, 'output') ?? null,
    validate: (v) => (!v || OUTPUTS.includes(v) ? undefined : `Choose one of ${OUTPUTS.join(', ')}`),
  });
  if (ctx.profileFlag) a.profileName = ctx.profileFlag;
  else {
    const fallback = a.roleName && a.accountId ? `${a.roleName}-${a.accountId}` : undefined;
    a.profileName = await ui.ask({ label: 'Profile name', current: fallback ?? null, validate: validateProfileName });
  }
}
