// Renders the dashboard on ink-testing-library at a fixed size; press keys, then wait for content.
import { render } from 'ink-testing-library';
import { App } from '../../components/App.js';
import { DashboardContext } from '../../src/app/dashboard-context.js';
import { createDashboard } from '../../src/app/dashboard-model.js';
import type { DashboardEngine } from '../../src/app/engine-port.js';
import type { BrowserOpening } from '../../src/app/open-browser.js';
import { createServices } from '../../src/app/services.js';

export const keys = { enter: '\r', escape: '\x1b', down: '\x1b[B', up: '\x1b[A', backspace: '\x7f', tab: '\t', ctrlD: '\x04', ctrlC: '\x03' };

const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

export async function renderDashboard(engine: DashboardEngine, options: { env?: NodeJS.ProcessEnv; readOnly?: boolean; size?: { columns: number; rows: number }; demo?: { hint?: () => string }; browser?: BrowserOpening } = {}) {
  const env = { HOME: '/nonexistent', NO_COLOR: '1', ...options.env };
  const dashboard = createDashboard(engine, { env });
  let quits = 0;
  const exported: string[] = [];
  const copied: string[] = [];
  /** URLs handed to the browser; it opens unless `options.browser` says otherwise. */
  const opened: string[] = [];
  const openBrowser = async (url: string) => { opened.push(url); return options.browser ?? { opened: true }; };
  const services = createServices({ dashboard, env, readOnly: options.readOnly, demo: options.demo, quit: () => { quits++; }, deliverExport: (text) => exported.push(text), copyToClipboard: (text) => copied.push(text), openBrowser });
  const size = options.size ?? { columns: 80, rows: 24 };
  const app = render(<DashboardContext.Provider value={services}><App size={size} /></DashboardContext.Provider>);
  const frame = () => strip(app.lastFrame() ?? '');
  /** Polls after each event-loop turn until `check` passes; fails with the last frame after 3 s. */
  const waitFor = async (check: string | RegExp | ((f: string) => boolean), timeoutMs = 3000) => {
    const test = typeof check === 'function' ? check : (f: string) => (typeof check === 'string' ? f.includes(check) : check.test(f));
    const deadline = Date.now() + timeoutMs;
    while (!test(frame())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(check)}; last frame:\n${frame()}`);
      await new Promise((r) => setImmediate(() => setTimeout(r, 0)));
    }
    return frame();
  };
  const press = async (...inputs: string[]) => {
    for (const input of inputs) {
      app.stdin.write(input);
      // One turn for Ink's parser (a bare ESC waits one setImmediate) and one for React's commit.
      await new Promise((r) => setImmediate(() => setTimeout(r, 0)));
    }
  };
  await dashboard.load();
  await dashboard.checkAll();
  return { app, dashboard, services, frame, waitFor, press, quits: () => quits, exported, copied, opened, size };
}
