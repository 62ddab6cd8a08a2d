// The dashboard's state and the operations behind every key: profiles with their identities, the
// active session (profile + region), errors and prompts. Components call these; only these call the engine.
import { isMfaSessionFallbackNote } from '../engine/credentials/index.js';
import type { DashboardEngine, Interaction, PendingWrite, ProfileChange, ProfileSummary, ShellFormat, SsoAssignment } from './engine-port.js';
import { createErrorLog } from './error-log.js';
import { MfaRequiredError, PromptCancelledError, stateFromError, type IdentityState } from './identity-state.js';
import { createLimiter } from './limiter.js';
import { createPrompts } from './prompts.js';
import { createStore } from './store.js';

export interface ProfilesState {
  loading: boolean;
  profiles: ProfileSummary[];
  problems: string[];
  identities: Record<string, IdentityState>;
}

export interface SessionState {
  profile?: string;
  region?: string;
  /** Bumped on every switch, so late results for the previous profile are dropped. */
  generation: number;
  /** Profiles picked with space on the home: resource views opened now list across them. */
  picked?: string[];
}

export interface DashboardOptions {
  env: NodeJS.ProcessEnv;
  /** The profile and region to start with (`--profile`, `--region`); default AWS_PROFILE, AWS_REGION. */
  profile?: string;
  region?: string;
  concurrency?: number;
  /** Opens a URL in the browser (the SSO verification page). */
  openUrl?: (url: string) => Promise<boolean>;
  /** Leaves the dashboard for a subshell with this environment and comes back when it exits. */
  runSubshell?: (env: NodeJS.ProcessEnv, profile: string) => Promise<void>;
}

/** The service rejected an MFA code (wrong or reused): ask again, showing its message. */
const isMfaRejection = (message: string | undefined) => /MultiFactorAuthentication|invalid MFA|one time pass/i.test(message ?? '');

export function createDashboard(engine: DashboardEngine, options: DashboardOptions) {
  const profiles = createStore<ProfilesState>({ loading: true, profiles: [], problems: [], identities: {} });
  const session = createStore<SessionState>({ profile: options.profile ?? options.env.AWS_PROFILE, region: options.region ?? options.env.AWS_REGION ?? options.env.AWS_DEFAULT_REGION, generation: 0 });
  const errors = createErrorLog();
  const prompts = createPrompts();
  const limit = createLimiter(options.concurrency ?? 4);
  // Each check has a ticket; only the newest check of a profile may write its state.
  const tickets = new Map<string, number>();

  // Background checks of hundreds of profiles land one by one; redrawing the table for each starved
  // the keyboard, so their results are written together at most every 50 ms.
  let pendingIdentities: Record<string, IdentityState> | undefined;
  const flushIdentities = () => {
    const batch = pendingIdentities;
    pendingIdentities = undefined;
    if (batch) profiles.set((s) => ({ identities: { ...s.identities, ...batch } }));
  };
  const setIdentity = (name: string, state: IdentityState, batched = false) => {
    if (!batched) {
      if (pendingIdentities) delete pendingIdentities[name];
      profiles.set((s) => ({ identities: { ...s.identities, [name]: state } }));
      return;
    }
    if (!pendingIdentities) {
      pendingIdentities = {};
      setTimeout(flushIdentities, 50);
    }
    pendingIdentities[name] = state;
  };

  const background: Interaction = {
    mfaCode: (serial) => Promise.reject(new MfaRequiredError(serial)),
    onDeviceCode: () => undefined,
  };

  /**
   * Runs an action the person asked for: MFA codes come from the modal (a rejected code is asked
   * again with the service's message), and a missing or expired SSO token opens the login modal,
   * after which the action runs again. Esc anywhere rejects with PromptCancelledError.
   */
  async function withSignIn<T>(name: string, run: (interaction: Interaction) => Promise<T>, logIn = () => ssoLogin(name)): Promise<T> {
    let lastError: string | undefined;
    let loggedIn = false;
    for (;;) {
      let askedForCode = false;
      const interaction: Interaction = {
        mfaCode: (serial) => { askedForCode = true; return prompts.askMfa(name, serial, lastError); },
        onDeviceCode: () => undefined,
        // The engine retries a rejected code itself; its warning carries the service's message.
        // The fallback note goes on the prompt that asks for the fresh code.
        onWarning: (message) => { if (isMfaRejection(message) || isMfaSessionFallbackNote(message)) lastError = message; },
      };
      try {
        return await run(interaction);
      } catch (error) {
        if (error instanceof PromptCancelledError) throw error;
        const state = stateFromError(error);
        if (state.status === 'needs-login' && !loggedIn) {
          loggedIn = true;
          if (await logIn()) {
            // The header and ARNs want this profile's identity under the new token too.
            void check(name);
            continue;
          }
          throw new PromptCancelledError();
        }
        if (askedForCode && isMfaRejection(state.message)) {
          lastError = state.message;
          continue;
        }
        throw error;
      }
    }
  }

  /** Checks a profile's identity; `inPerson` lets it prompt (MFA, SSO login) instead of reporting the need. */
  async function check(name: string, inPerson = false, batched = false): Promise<IdentityState> {
    const ticket = (tickets.get(name) ?? 0) + 1;
    tickets.set(name, ticket);
    const previous = profiles.get().identities[name];
    setIdentity(name, { ...previous, status: 'checking' }, batched);
    let state: IdentityState;
    try {
      const identity = inPerson
        ? await withSignIn(name, (interaction) => engine.identify(name, interaction))
        : await limit(() => engine.identify(name, background));
      state = { status: 'valid', identity };
    } catch (error) {
      if (error instanceof PromptCancelledError) state = previous ?? { status: 'unchecked' };
      else {
        state = stateFromError(error);
        if (state.status === 'error') errors.record(error, name);
      }
    }
    if (tickets.get(name) === ticket) setIdentity(name, state, batched);
    return state;
  }

  /** Checks every profile not already known good (cached), or all of them when `force`. */
  function checkAll(force = false): Promise<unknown> {
    const { identities } = profiles.get();
    const now = Date.now();
    const stale = profiles.get().profiles.filter((p) => {
      const known = identities[p.name];
      if (force || !known || known.status === 'unchecked') return true;
      const expiry = known.identity?.expiresAt?.getTime();
      return known.status === 'valid' && expiry !== undefined && expiry <= now;
    });
    // Flushed at the end too, so whoever awaits checkAll sees every result in the store.
    return Promise.all(stale.map((p) => check(p.name, false, true))).then(flushIdentities);
  }

  async function load(): Promise<void> {
    profiles.set({ loading: true });
    try {
      const result = await engine.listProfiles();
      profiles.set({ loading: false, profiles: result.profiles, problems: result.problems });
      const { profile, region } = session.get();
      const current = result.profiles.find((p) => p.name === profile);
      if (!current) {
        if (profile) errors.record(new Error(`The config profile (${profile}) could not be found: showing ${result.profiles.find((p) => p.isDefault)?.name ?? 'the first profile'} instead`));
        const fallback = result.profiles.find((p) => p.isDefault) ?? result.profiles[0];
        if (fallback) switchProfile(fallback.name);
      } else if (!region && current.region) {
        session.set({ region: current.region });
      }
    } catch (error) {
      errors.record(error);
      profiles.set({ loading: false, problems: [(error as Error).message] });
    }
  }

  function switchProfile(name: string): void {
    const summary = profiles.get().profiles.find((p) => p.name === name);
    session.set((s) => ({ profile: name, region: summary?.region ?? options.env.AWS_REGION ?? options.env.AWS_DEFAULT_REGION ?? s.region, generation: s.generation + 1 }));
  }

  /** Space on the home: picks or unpicks a profile for views across several profiles. */
  function togglePicked(name: string): void {
    session.set((s) => {
      const picked = s.picked ?? [];
      return { picked: picked.includes(name) ? picked.filter((p) => p !== name) : [...picked, name] };
    });
  }

  /** The picked profiles that still exist, in the order of the home's list. */
  function pickedProfiles(): string[] {
    const picked = session.get().picked ?? [];
    return profiles.get().profiles.map((p) => p.name).filter((name) => picked.includes(name));
  }

  function switchRegion(region: string): void {
    session.set((s) => ({ region, generation: s.generation + 1 }));
  }

  /** Asks for an MFA code until the service accepts one or the person presses Esc. */
  async function unlockWithMfa(name: string): Promise<void> {
    await check(name, true);
  }

  /** The SSO login modal: device code or browser, until approved, failed or cancelled (Esc). */
  async function ssoLogin(name: string, ssoSession?: string): Promise<boolean> {
    const abort = new AbortController();
    prompts.startSso(name, () => abort.abort());
    try {
      await engine.ssoLogin(name, {
        mfaCode: (serial) => prompts.askMfa(name, serial),
        onDeviceCode: (info) => prompts.updateSso({ info }),
        onBrowserUrl: (browser) => prompts.updateSso({ browser }),
        openBrowser: async (url) => {
          const opened = await (options.openUrl?.(url) ?? Promise.resolve(false));
          prompts.updateSso({ browserOpened: opened });
          return opened;
        },
        onNotice: (notice) => prompts.updateSso({ notice }),
        signal: abort.signal,
      }, ssoSession);
      prompts.close();
      // One token serves every profile of the sso-session: their states change too.
      const { profiles: all } = profiles.get();
      const session = ssoSession ?? all.find((p) => p.name === name)?.ssoSession;
      if (session) for (const p of all) if (p.name !== name && p.ssoSession === session) void check(p.name);
      return true;
    } catch (error) {
      if (abort.signal.aborted || error instanceof PromptCancelledError) return false;
      prompts.close();
      errors.record(error, name);
      prompts.showMessage('SSO login failed', (error as Error).message);
      return false;
    }
  }

  /** The `l` key: sign in, then check the identity the new token gives. */
  async function logIn(name: string): Promise<void> {
    if (await ssoLogin(name)) await check(name);
  }

  /** The `x` key: a subshell with the profile's credentials (signing in first if needed). */
  async function openSubshell(name: string): Promise<void> {
    let env: NodeJS.ProcessEnv;
    try {
      env = await withSignIn(name, (interaction) => engine.subshellEnvironment(name, interaction));
    } catch (error) {
      if (!(error instanceof PromptCancelledError)) {
        errors.record(error, name);
        prompts.showMessage('Cannot open a subshell', (error as Error).message);
      }
      return;
    }
    if (!options.runSubshell) {
      prompts.showMessage('Subshell', 'Subshells are not available here.');
      return;
    }
    await options.runSubshell(env, name);
  }

  /** Shows the diff of a change and writes it only when confirmed. */
  async function change(edit: ProfileChange, dangerous = false): Promise<boolean> {
    const written = await confirmAndWrite(() => engine.planChange(edit), dangerous);
    if (!written) return false;
    if (edit.type === 'rename' && session.get().profile === edit.from) session.set({ profile: edit.to });
    await load();
    return true;
  }

  /** The sso-session to populate: the one asked for, else the profile's, else the only one there is. */
  async function pickSsoSession(requested: string | undefined, profile: string | undefined): Promise<string | undefined> {
    let sessions: string[];
    try {
      sessions = await engine.ssoSessions();
    } catch (error) {
      errors.record(error);
      prompts.showMessage('Cannot read sso-sessions', (error as Error).message);
      return undefined;
    }
    const ofProfile = profiles.get().profiles.find((p) => p.name === profile)?.ssoSession;
    const chosen = requested ?? (ofProfile && sessions.includes(ofProfile) ? ofProfile : sessions.length === 1 ? sessions[0] : undefined);
    if (chosen && sessions.includes(chosen)) return chosen;
    prompts.showMessage('Populate from SSO', sessions.length === 0
      ? 'No [sso-session] section in the config file: create one with `awsdeck configure sso-session` first.'
      : requested ? `No sso-session named "${requested}" (there are: ${sessions.join(', ')}).`
      : `Which sso-session? Run :populate NAME with one of: ${sessions.join(', ')}.`);
    return undefined;
  }

  /** Every account × role of the session, signing in through the login modal if the token is missing. */
  async function ssoAssignments(ssoSession: string, profile?: string): Promise<SsoAssignment[] | undefined> {
    const label = profile ?? ssoSession;
    try {
      return await withSignIn(label, (interaction) => engine.ssoAssignments(ssoSession, profile, interaction), () => ssoLogin(label, ssoSession));
    } catch (error) {
      if (!(error instanceof PromptCancelledError)) {
        errors.record(error, profile);
        prompts.showMessage('Cannot list SSO accounts', (error as Error).message);
      }
      return undefined;
    }
  }

  /** Writes one profile per selected assignment, after the diff is confirmed. */
  async function populate(ssoSession: string, selected: SsoAssignment[]): Promise<boolean> {
    const written = await confirmAndWrite(() => engine.planSsoPopulate(ssoSession, selected), false);
    if (written) await load();
    return written;
  }

  async function confirmAndWrite(plan: () => Promise<PendingWrite>, dangerous: boolean): Promise<boolean> {
    let write;
    try {
      write = await plan();
    } catch (error) {
      errors.record(error);
      prompts.showMessage('Cannot make this change', (error as Error).message);
      return false;
    }
    try {
      await prompts.confirmWrite(write, dangerous);
    } catch {
      return false;
    }
    try {
      await write.apply();
    } catch (error) {
      errors.record(error);
      prompts.showMessage('Write failed', (error as Error).message);
      return false;
    }
    return true;
  }

  async function exportCredentials(name: string, format: ShellFormat): Promise<string | undefined> {
    try {
      return await withSignIn(name, (interaction) => engine.exportCredentials(name, format, interaction));
    } catch (error) {
      if (!(error instanceof PromptCancelledError)) {
        errors.record(error, name);
        prompts.showMessage('Export failed', (error as Error).message);
      }
      return undefined;
    }
  }

  async function decodeError(id: number): Promise<void> {
    const record = errors.get().errors.find((e) => e.id === id);
    if (!record?.encodedMessage) return;
    try {
      const decoded = await engine.decodeAuthorizationMessage(record.profile ?? session.get().profile ?? 'default', record.encodedMessage);
      errors.set((s) => ({ errors: s.errors.map((e) => (e.id === id ? { ...e, decoded } : e)) }));
    } catch (error) {
      errors.set((s) => ({ errors: s.errors.map((e) => (e.id === id ? { ...e, decoded: `cannot decode: ${(error as Error).message}` } : e)) }));
    }
  }

  return { engine, profiles, session, errors, prompts, load, check, checkAll, switchProfile, togglePicked, pickedProfiles, switchRegion, unlockWithMfa, ssoLogin, logIn, openSubshell, change, pickSsoSession, ssoAssignments, populate, exportCredentials, decodeError, withSignIn };
}

export type Dashboard = ReturnType<typeof createDashboard>;
