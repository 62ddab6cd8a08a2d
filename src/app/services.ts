// Builds what the components get through context: actions with the user's key overrides, the
// theme for this environment, and a fresh key bus.
import { applyKeyOverrides, defaultActions } from './actions.js';
import type { DashboardServices } from './dashboard-context.js';
import { createBrowser } from './browse/browser.js';
import type { Dashboard } from './dashboard-model.js';
import { KeyBus } from './key-bus.js';
import { loadKeyOverrides } from './key-overrides.js';
import { createBrowserOpener, type BrowserOpener } from './open-browser.js';
import { themeFor } from './theme.js';
import { createTransfers } from './transfers.js';

export interface ServiceOptions {
  dashboard: Dashboard;
  env: NodeJS.ProcessEnv;
  readOnly?: boolean;
  demo?: DashboardServices['demo'];
  quit(): void;
  deliverExport?: DashboardServices['deliverExport'];
  /** Puts text on the terminal's clipboard (OSC 52); default: nowhere (tests read `copied`). */
  copyToClipboard?: (text: string) => void;
  /** Where exports are written (the directory awsdeck was started in). */
  cwd?: string;
  /** Opens console pages; default `$BROWSER` or the system's opener. */
  openBrowser?: BrowserOpener;
}

export function createServices(options: ServiceOptions): DashboardServices & { warnings: string[] } {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadKeyOverrides(options.env);
  const { actions, warnings } = applyKeyOverrides(defaultActions, loaded.overrides);
  return {
    dashboard: options.dashboard,
    bus: new KeyBus(),
    actions,
    theme: themeFor(options.env),
    readOnly: options.readOnly ?? false,
    demo: options.demo,
    quit: options.quit,
    deliverExport: options.deliverExport ?? (() => undefined),
    browser: createBrowser(options.dashboard, { cwd }),
    copyToClipboard: options.copyToClipboard ?? (() => undefined),
    openBrowser: options.openBrowser ?? createBrowserOpener(options.env),
    transfers: createTransfers(),
    cwd,
    warnings: [...loaded.warnings, ...warnings],
  };
}
