// Builds what the components get through context: actions with the user's key overrides, the
// theme for this environment, and a fresh key bus.
import { applyKeyOverrides, defaultActions } from './actions.js';
import type { DashboardServices } from './dashboard-context.js';
import type { Dashboard } from './dashboard-model.js';
import { KeyBus } from './key-bus.js';
import { loadKeyOverrides } from './key-overrides.js';
import { themeFor } from './theme.js';

export interface ServiceOptions {
  dashboard: Dashboard;
  env: NodeJS.ProcessEnv;
  readOnly?: boolean;
  demo?: DashboardServices['demo'];
  quit(): void;
  deliverExport?: DashboardServices['deliverExport'];
}

export function createServices(options: ServiceOptions): DashboardServices & { warnings: string[] } {
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
    warnings: [...loaded.warnings, ...warnings],
  };
}
