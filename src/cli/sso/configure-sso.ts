// `awsdeck configure sso` and `awsdeck configure sso-session`: the CLI's wizard, as an Ink UI on
// a terminal and as plain prompts otherwise. The config file is written once, at the end, through
// the comment-preserving writer, after the exact lines were shown; a cancel leaves it untouched.
import { loadConfigFiles } from '../../engine/config/files.js';
import { configFileForWrite } from '../../engine/config/paths.js';
import { writeChange } from '../../engine/config/file-store.js';
import { applyWrites, closingMessage, plannedWrites, previewLines, sessionClosingMessage, type WizardAnswers } from '../../app/sso/wizard-rules.js';
import type { WizardUI } from '../../app/sso/wizard-ui.js';
import { ExitCode, type CliIO } from '../io.js';
import { parseArgs } from './args.js';
import { defaultBrowserOpener } from './browser.js';
import { ssoEndpoints } from './endpoints.js';
import { reportError } from './errors.js';
import type { SsoCommandDeps } from './login-command.js';
import { plainPrompts } from './plain-prompts.js';
import { askProfileSettings, askSession, pickAccountAndRole, signIn, type ScriptContext } from './configure-script.js';

export interface ConfigureDeps extends SsoCommandDeps {
  /** Force plain prompts or the Ink wizard (default: Ink when stdin and stdout are TTYs). */
  ui?: WizardUI;
}

async function withUI(io: CliIO, deps: ConfigureDeps, run: (ui: WizardUI) => Promise<number>): Promise<number> {
  if (deps.ui) return run(deps.ui);
  if (io.stdin.isTTY && io.stdout.isTTY) {
    const { runInkWizard } = await import('./ink-wizard.js');
    return runInkWizard(io, run);
  }
  const plain = plainPrompts(io);
  try {
    return await run(plain);
  } finally {
    plain.close();
  }
}

function context(argv: string[], io: CliIO, deps: ConfigureDeps, ui: WizardUI): ScriptContext | string {
  const args = parseArgs(argv, ['profile', 'endpoint-url'], ['use-device-code', 'no-browser']);
  if (args.unknown.length || args.positionals.length) return [...args.unknown, ...args.positionals].join(', ');
  const config = loadConfigFiles(io.env);
  return {
    ui, config, env: io.env,
    endpoints: ssoEndpoints(io.env, config, args.values.get('profile'), args.values.get('endpoint-url')),
    openBrowser: deps.openBrowser ?? defaultBrowserOpener(io.env),
    probe: deps.probe,
    profileFlag: args.values.get('profile'),
    useDeviceCode: args.flags.has('use-device-code'),
    noBrowser: args.flags.has('no-browser'),
    signal: deps.signal,
  };
}

function writeAnswers(ctx: ScriptContext, io: CliIO, answers: WizardAnswers): void {
  const writes = plannedWrites(answers);
  const path = configFileForWrite(io.env);
  ctx.ui.say(`\nThese lines will be written to ${path}:\n\n${previewLines(writes)}`);
  writeChange(path, (current) => applyWrites(current, writes));
}

export async function runConfigureSso(argv: string[], io: CliIO, deps: ConfigureDeps = {}): Promise<number> {
  return withUI(io, deps, async (ui) => {
    try {
      const ctx = context(argv, io, deps, ui);
      if (typeof ctx === 'string') {
        io.stderr.write(`\nusage: awsdeck configure sso [--profile P] [--use-device-code] [--no-browser]\nUnknown options: ${ctx}\n`);
        return ExitCode.usage;
      }
      const answers = await askSession(ctx, false);
      const token = await signIn(ctx, answers);
      const picked = await pickAccountAndRole(ctx, answers, token);
      if (picked) Object.assign(answers, picked);
      await askProfileSettings(ctx, answers);
      writeAnswers(ctx, io, answers);
      ui.say(closingMessage(answers.profileName!, !picked));
      return ExitCode.ok;
    } catch (err) {
      return reportError(io, err);
    }
  });
}

export async function runConfigureSsoSession(argv: string[], io: CliIO, deps: ConfigureDeps = {}): Promise<number> {
  return withUI(io, deps, async (ui) => {
    try {
      const ctx = context(argv, io, deps, ui);
      if (typeof ctx === 'string') {
        io.stderr.write(`\nusage: awsdeck configure sso-session\nUnknown options: ${ctx}\n`);
        return ExitCode.usage;
      }
      const answers = await askSession(ctx, true);
      writeAnswers(ctx, io, answers);
      ui.say(sessionClosingMessage(answers.sessionName!));
      return ExitCode.ok;
    } catch (err) {
      return reportError(io, err);
    }
  });
}
