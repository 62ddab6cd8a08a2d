// What every component reaches through context: the model, the key bus, the actions (with the
// user's overrides), the theme and the frame size.
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ActionContext, ActionDef } from './actions.js';
import { findAction } from './actions.js';
import type { Browser } from './browse/browser.js';
import type { Dashboard } from './dashboard-model.js';
import type { ProfileSummary } from './engine-port.js';
import type { KeyBus, Layer } from './key-bus.js';
import type { KeyPress } from './keys.js';
import type { BrowserOpener } from './open-browser.js';
import { useStore } from './store.js';
import type { Theme } from './theme.js';
import type { Transfers } from './transfers.js';

export interface DashboardServices {
  dashboard: Dashboard;
  bus: KeyBus;
  actions: ActionDef[];
  theme: Theme;
  readOnly: boolean;
  /** `awsdeck --demo`: the MFA device's current code, and approving a device code as the demo user
   *  (a headless machine has no browser to click Allow in). */
  demo?: { hint?: () => string; approveSignIn?: (userCode: string) => Promise<void> };
  /** Called when the person quits; resolves runDashboard. */
  quit(): void;
  /** Hands exported credentials to the clipboard or to stdout after exit (never to the screen). */
  deliverExport(text: string, target: 'clipboard' | 'after-exit', profile: string): void;
  /** The resource browser's listings and details. */
  browser: Browser;
  /** OSC 52: ids, ARNs and command lines onto the clipboard, over SSH too. */
  copyToClipboard(text: string): void;
  /** `o`: a console page in the person's browser; says when there is none. */
  openBrowser: BrowserOpener;
  /** S3 downloads and uploads in progress (the line above the footer). */
  transfers: Transfers;
  /** The folder awsdeck started in: where exports go, the default download folder. */
  cwd: string;
}

export const DashboardContext = createContext<DashboardServices | null>(null);

export function useServices(): DashboardServices {
  const services = useContext(DashboardContext);
  if (!services) throw new Error('DashboardContext missing');
  return services;
}

/** Registers a key handler on a layer while `active`. The latest handler is always used. */
export function useKeyLayer(layer: Layer, handler: (key: KeyPress) => boolean, active = true): void {
  const { bus } = useServices();
  const latest = useRef(handler);
  latest.current = handler;
  // A layout effect registers during the commit itself, so the very next key already reaches it.
  useLayoutEffect(() => (active ? bus.register(layer, (key) => latest.current(key)) : undefined), [bus, layer, active]);
}

/** Binds registry actions of `scopes` to handlers on a layer: keys come from the registry only. */
export function useActions(scopes: string[], ctx: ActionContext, handlers: Record<string, (key: KeyPress) => void>, layer: Layer = 'view', active = true): void {
  const { actions } = useServices();
  useKeyLayer(layer, (key) => {
    const action = findAction(actions, scopes, key, ctx);
    const run = action && handlers[action.id];
    if (!run) return false;
    run(key);
    return true;
  }, active);
}

/** The terminal size, following 'resize' (Ink 6 has no rows state of its own). */
export function useTerminalSize(stdout: NodeJS.WriteStream | undefined, fixed?: { columns: number; rows: number }) {
  const read = () => fixed ?? { columns: stdout?.columns || 80, rows: stdout?.rows || 24 };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed || !stdout) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return size;
}

/** Re-renders every `ms` (for countdowns and "time left"). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Read-only: `--read-only`, or `awsdeck_read_only = true` in the profile in use. */
export function useReadOnly(): boolean {
  const { readOnly, dashboard } = useServices();
  const session = useStore(dashboard.session);
  const { profiles } = useStore(dashboard.profiles);
  return readOnly || isReadOnlyProfile(profiles.find((p) => p.name === session.profile));
}

/** `awsdeck_read_only = true` (any case) in the profile's section. */
export function isReadOnlyProfile(profile: ProfileSummary | undefined): boolean {
  return profile?.keys.some((k) => k.key === 'awsdeck_read_only' && k.value.trim().toLowerCase() === 'true') ?? false;
}
