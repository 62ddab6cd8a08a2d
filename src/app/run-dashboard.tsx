// Opens the dashboard full screen and resolves with the exit code when the person quits. This is the
// composition root: it wires the engine adapter, the model and the components together.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { render, type Instance } from 'ink';
import { App } from '../../components/App.js';
import { DashboardContext } from './dashboard-context.js';
import { writeCrashReport, scrubSecrets } from './crash-report.js';
import { viewForCrashReport } from './crash-view.js';
import { createDashboard } from './dashboard-model.js';
import { createEngineAdapter } from './engine-adapter.js';
import { enterFullScreen, type FullScreenGuard } from './fullscreen.js';
import { createServices } from './services.js';
import { deliverShellSwitch, type ShellSwitch } from './shell-exports.js';

export interface RunDashboardOptions {
  env: NodeJS.ProcessEnv;
  /** `awsdeck --demo`: run against the built-in sandbox in a temporary config folder. */
  demo?: boolean;
  readOnly?: boolean;
  /** `--profile` / `--region`: where the dashboard starts (else AWS_PROFILE, the profile's region). */
  profile?: string;
  region?: string;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** awsdeck's version, for crash reports. */
  version?: string;
}

interface Demo { env: NodeJS.ProcessEnv; mfaHint?: () => string; sandbox: { url: string }; cleanup(): Promise<void> | void }

async function prepareDemo(baseEnv: NodeJS.ProcessEnv): Promise<Demo> {
  const { prepareDemo: prepare } = await import('../sandbox/demo.js');
  // The sandbox listens at once but seeds on the first request: the first frame needs only the config.
  return prepare({ baseEnv, deferSandbox: true });
}

/** Runs the person's shell on the normal screen with the profile's environment; resolves when it exits. */
async function runShell(env: NodeJS.ProcessEnv, profile: string, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): Promise<void> {
  // The shell takes the terminal's foreground: a read from us meanwhile fails with EIO, so stop reading.
  stdin.pause();
  if (stdin.isTTY) stdin.setRawMode(false);
  const ignore = () => undefined;
  stdin.on('error', ignore);
  stdout.write(`awsdeck: a shell with profile ${profile}'s credentials. Type exit to return to the dashboard.\n`);
  try {
    await new Promise<void>((resolve) => {
      const child = spawn(env.SHELL || '/bin/sh', [], { env, stdio: 'inherit' });
      child.on('error', (error) => { stdout.write(`awsdeck: ${error.message}\n`); resolve(); });
      child.on('exit', () => resolve());
    });
  } finally {
    stdin.off('error', ignore);
  }
}

/** The demo's stand-in for clicking Allow in a browser: the sandbox approves the code as the demo user. */
async function approveDemoSignIn(sandboxUrl: string, userCode: string): Promise<void> {
  const response = await fetch(`${sandboxUrl}/sandbox/approve`, { method: 'POST', body: JSON.stringify({ userCode, allow: true }) });
  if (!response.ok) {
    const reason = await response.json().then((body: { message?: string }) => body.message, () => undefined);
    throw new Error(reason ?? `the sandbox answered ${response.status}`);
  }
}

/** Writes the crash report and returns the line that says where it is (the error text scrubbed too). */
function reportCrash(error: unknown, env: NodeJS.ProcessEnv, version: string): string {
  const what = error instanceof Error ? scrubSecrets(`${error.name}: ${error.message}`.split('\n')[0]!, env) : 'a non-error value was thrown';
  const path = writeCrashReport({ error, version, view: viewForCrashReport() }, env);
  return `awsdeck crashed: ${what}\nA crash report (no credentials or environment values) is in ${path}`;
}

/**
 * Tests make the dashboard crash for real with AWSDECK_TEST_CRASH_ON_KEY: that key, once read,
 * throws outside React and Ink, as a bug in a timer or a stream handler would.
 */
function armTestCrash(stdin: NodeJS.ReadStream, env: NodeJS.ProcessEnv): void {
  const key = env.AWSDECK_TEST_CRASH_ON_KEY;
  if (!key) return;
  stdin.on('data', (chunk) => {
    if (String(chunk) !== key) return;
    setImmediate(() => { throw new Error(env.AWSDECK_TEST_CRASH_MESSAGE || 'crash requested by AWSDECK_TEST_CRASH_ON_KEY'); });
  });
}

/** OSC 52 puts text on the terminal's clipboard without it ever being drawn. */
function copyToClipboard(stdout: NodeJS.WriteStream, text: string): void {
  stdout.write(`\x1b]52;c;${Buffer.from(text).toString('base64')}\x07`);
}

export async function runDashboard(options: RunDashboardOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const demo = options.demo ? await prepareDemo(options.env) : undefined;
  // The demo's environment already holds the base environment minus every AWS_* variable.
  const env = demo ? demo.env : options.env;
  const printAfterExit: string[] = [];
  // bench/dashboard.mjs reads Ink's own per-frame render time from here (one number per line).
  const renderLog = options.env.AWSDECK_BENCH_RENDER_LOG;
  const onRender = renderLog ? ({ renderTime }: { renderTime: number }) => appendFileSync(renderLog, `${renderTime.toFixed(2)}\n`, { mode: 0o600 }) : undefined;
  // Set while the dashboard is on screen; the subshell takes it down and puts it back.
  let screen: { instance: Instance; guard: FullScreenGuard } | undefined;
  const show = () => {
    let instance: Instance | undefined;
    const guard = enterFullScreen(stdout, {
      stdin,
      beforeLeave: () => instance?.unmount(),
      onCrash: (error) => reportCrash(error, options.env, options.version ?? 'unknown'),
    });
    instance = render(
      <DashboardContext.Provider value={services}><App /></DashboardContext.Provider>,
      { stdout, stdin, exitOnCtrlC: false, patchConsole: false, onRender, maxFps: 60 },
    );
    screen = { instance, guard };
  };
  const hide = async () => {
    if (!screen) return;
    const { instance, guard } = screen;
    screen = undefined;
    instance.unmount();
    await instance.waitUntilExit();
    guard.restore();
  };
  // The demo signs in with the device code: its approval page is the sandbox's, not a real browser's.
  const dashboard = createDashboard(createEngineAdapter(env, { deviceCodeLogin: Boolean(demo) }), {
    env, profile: options.profile, region: options.region,
    runSubshell: async (childEnv, profile) => {
      await hide();
      await runShell(childEnv, profile, stdin, stdout);
      show();
    },
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
    copyToClipboard: (text) => copyToClipboard(stdout, text),
    dashboard, env, readOnly: options.readOnly,
    demo: demo ? { hint: demo.mfaHint, approveSignIn: (userCode) => approveDemoSignIn(demo.sandbox.url, userCode) } : undefined,
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
  let started: { profile?: string; region?: string } = {};
  try {
    // Profiles first, so the very first frame is complete; identity checks start once it is out.
    await dashboard.load();
    started = { ...dashboard.session.get() };
    show();
    armTestCrash(stdin, options.env);
    for (const warning of services.warnings) dashboard.errors.record(new Error(warning));
    setImmediate(() => void dashboard.checkAll());
    await quitting;
    await hide();
    // Stop reading the terminal: a line typed right after quitting belongs to the shell, and a
    // paused stream would still read it into this process, which then exits with it.
    if (stdin.isTTY) stdin.destroy();
  } finally {
    (screen as { guard: FullScreenGuard } | undefined)?.guard.restore();
    await demo?.cleanup();
  }
  for (const text of printAfterExit) stdout.write(`${text}\n`);
  // The demo's profiles live in a temporary config: they mean nothing to the calling shell.
  const line = demo ? undefined : deliverShellSwitch(shellSwitch(started, dashboard, options.env), options.env);
  if (line !== undefined) stdout.write(`${line}\n`);
  return 0;
}

/**
 * What the calling shell needs to be where the person left the dashboard ("use profile", `r`):
 * AWS_PROFILE when they switched profile, AWS_REGION when the region they chose is not the one the
 * shell would get anyway (its AWS_REGION, else the profile's region). Nothing if they did not switch.
 */
function shellSwitch(started: { profile?: string; region?: string }, dashboard: ReturnType<typeof createDashboard>, env: NodeJS.ProcessEnv): ShellSwitch {
  const { profile, region } = dashboard.session.get();
  if (profile === started.profile && region === started.region) return {};
  const change: ShellSwitch = {};
  if (profile !== undefined && profile !== (env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE ?? 'default')) change.profile = profile;
  const profileRegion = dashboard.profiles.get().profiles.find((p) => p.name === profile)?.region;
  if (region !== undefined && region !== (env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? profileRegion)) change.region = region;
  return change;
}
