// The dashboard's state and the operations behind every key: profiles with their identities, the
// active session (profile + region), errors and prompts. Components call these; only these call the engine.
import type { DashboardEngine, Interaction, ProfileChange, ProfileSummary, ShellFormat } from './engine-port.js';
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
}

export interface DashboardOptions {
  env: NodeJS.ProcessEnv;
  concurrency?: number;
  /** Opens a URL in the browser (the SSO verification page). */
  openUrl?: (url: string) => Promise<boolean>;
}

export function createDashboard(engine: DashboardEngine, options: DashboardOptions) {
  const profiles = createStore<ProfilesState>({ loading: true, profiles: [], problems: [], identities: {} });
  const session = createStore<SessionState>({ profile: options.env.AWS_PROFILE, region: options.env.AWS_REGION ?? options.env.AWS_DEFAULT_REGION, generation: 0 });
  const errors = createErrorLog();
  const prompts = createPrompts();
  const limit = createLimiter(options.concurrency ?? 4);
  // Each check has a ticket; only the newest check of a profile may write its state.
  const tickets = new Map<string, number>();

  const setIdentity = (name: string, state: IdentityState) =>
    profiles.set((s) => ({ identities: { ...s.identities, [name]: state } }));

  const background: Interaction = {
    mfaCode: (serial) => Promise.reject(new MfaRequiredError(serial)),
    onDeviceCode: () => undefined,
  };

  async function check(name: string, interaction: Interaction = background): Promise<IdentityState> {
    const ticket = (tickets.get(name) ?? 0) + 1;
    tickets.set(name, ticket);
    const previous = profiles.get().identities[name];
    setIdentity(name, { ...previous, status: 'checking' });
    let state: IdentityState;
    try {
      state = { status: 'valid', identity: await limit(() => engine.identify(name, interaction)) };
    } catch (error) {
      if (error instanceof PromptCancelledError) state = previous ?? { status: 'unchecked' };
      else {
        state = stateFromError(error);
        if (state.status === 'error') errors.record(error, name);
      }
    }
    if (tickets.get(name) === ticket) setIdentity(name, state);
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
    return Promise.all(stale.map((p) => check(p.name)));
  }

  async function load(): Promise<void> {
    profiles.set({ loading: true });
    try {
      const result = await engine.listProfiles();
      profiles.set({ loading: false, profiles: result.profiles, problems: result.problems });
      const { profile } = session.get();
      if (!profile || !result.profiles.some((p) => p.name === profile)) {
        const fallback = result.profiles.find((p) => p.isDefault) ?? result.profiles[0];
        if (fallback) switchProfile(fallback.name);
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

  function switchRegion(region: string): void {
    session.set((s) => ({ region, generation: s.generation + 1 }));
  }

  /** Asks for an MFA code until the service accepts one or the person presses Esc. */
  async function unlockWithMfa(name: string): Promise<void> {
    let lastError: string | undefined;
    const interaction: Interaction = {
      mfaCode: (serial) => prompts.askMfa(name, serial, lastError),
      onDeviceCode: () => undefined,
    };
    for (;;) {
      const state = await check(name, interaction);
      if (state.status !== 'error') return;
      lastError = state.message;
      if (!/MultiFactorAuthentication|MFA|one time pass/i.test(lastError ?? '')) return;
    }
  }

  async function ssoLogin(name: string): Promise<void> {
    const abort = new AbortController();
    prompts.startSso(name, () => abort.abort());
    try {
      await engine.ssoLogin(name, {
        mfaCode: (serial) => prompts.askMfa(name, serial),
        onDeviceCode: (info) => {
          prompts.showDeviceCode(info, false);
          const url = info.verificationUriComplete ?? info.verificationUri;
          void (options.openUrl?.(url) ?? Promise.resolve(false)).then((opened) => prompts.showDeviceCode(info, opened));
        },
        signal: abort.signal,
      });
      prompts.close();
      await check(name);
    } catch (error) {
      if (abort.signal.aborted || error instanceof PromptCancelledError) return;
      prompts.close();
      errors.record(error, name);
      prompts.showMessage('SSO login failed', (error as Error).message);
    }
  }

  /** Shows the diff of a change and writes it only when confirmed. */
  async function change(edit: ProfileChange, dangerous = false): Promise<boolean> {
    let write;
    try {
      write = await engine.planChange(edit);
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
    if (edit.type === 'rename' && session.get().profile === edit.from) session.set({ profile: edit.to });
    await load();
    return true;
  }

  async function exportCredentials(name: string, format: ShellFormat): Promise<string | undefined> {
    try {
      return await engine.exportCredentials(name, format, {
        mfaCode: (serial) => prompts.askMfa(name, serial),
        onDeviceCode: () => undefined,
      });
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

  return { engine, profiles, session, errors, prompts, load, check, checkAll, switchProfile, switchRegion, unlockWithMfa, ssoLogin, change, exportCredentials, decodeError };
}

export type Dashboard = ReturnType<typeof createDashboard>;
