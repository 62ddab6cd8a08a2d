// Opens the dashboard full screen and resolves with the exit code when the person quits. This is the
// composition root: it wires the engine adapter, the model and the components together.
import { render } from 'ink';
import { App } from '../../components/App.js';
import { DashboardContext } from './dashboard-context.js';
import { createDashboard } from './dashboard-model.js';
import { createEngineAdapter } from './engine-adapter.js';
import { enterFullScreen } from './fullscreen.js';
import { createServices } from './services.js';

export interface RunDashboardOptions {
  env: NodeJS.ProcessEnv;
  /** `awsdeck --demo`: run against the built-in sandbox in a temporary config folder. */
  demo?: boolean;
  readOnly?: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

interface Demo { env: NodeJS.ProcessEnv; mfaHint?: () => string; cleanup(): Promise<void> | void }

async function prepareDemo(baseEnv: NodeJS.ProcessEnv): Promise<Demo> {
  const { prepareDemo: prepare } = await import('../sandbox/demo.js');
  return prepare({ baseEnv });
}

/** OSC 52 puts text on the terminal's clipboard without it ever being drawn. */
function copyToClipboard(stdout: NodeJS.WriteStream, text: string): void {
  stdout.write(`\x1b]52;c;${Buffer.from(text).toString('base64')}\x07`);
}

export async function runDashboard(options: RunDashboardOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const demo = options.demo ? await prepareDemo(options.env) : undefined;
  // The demo's environment already holds the base environment minus every AWS_* variable.
  const env = demo ? demo.env : options.env;
  const printAfterExit: string[] = [];
  const dashboard = createDashboard(createEngineAdapter(env), {
    env,
    openUrl: async (url) => {
      if (demo) return false;
      try {
        const { default: open } = await import('open');
        await open(url);
        return true;
      } catch {
        return false;
      }
    },
  });
  let quit!: () => void;
  const quitting = new Promise<void>((resolve) => { quit = resolve; });
  const services = createServices({
    dashboard, env, readOnly: options.readOnly,
    demo: demo ? { hint: demo.mfaHint } : undefined,
    quit,
    deliverExport: (text, target, profile) => {
      if (target === 'clipboard') {
        copyToClipboard(stdout, text);
        dashboard.prompts.showMessage('Copied', `Credentials of ${profile} are on the clipboard (OSC 52); they are not shown here.`);
      } else {
        printAfterExit.push(text);
        dashboard.prompts.showMessage('Export ready', `Credentials of ${profile} will be printed when you quit (q).`);
      }
    },
  });
  const guard = enterFullScreen(stdout);
  try {
    const instance = render(
      <DashboardContext.Provider value={services}><App /></DashboardContext.Provider>,
      { stdout, stdin: options.stdin ?? process.stdin, exitOnCtrlC: false, patchConsole: false },
    );
    for (const warning of services.warnings) dashboard.errors.record(new Error(warning));
    void dashboard.load().then(() => dashboard.checkAll());
    await quitting;
    instance.unmount();
    await instance.waitUntilExit();
  } finally {
    guard.restore();
    await demo?.cleanup();
  }
  for (const text of printAfterExit) stdout.write(`${text}\n`);
  return 0;
}
