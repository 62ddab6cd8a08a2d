// `awsdeck completion SHELL`, `awsdeck shell-init SHELL` and `awsdeck use PROFILE [--region R]`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deliverShellSwitch } from '../app/shell-exports.js';
import { loadConfigFiles } from '../engine/config/files.js';
import { SHELLS, type ShellName } from './command-groups.js';
import { completionScript, shellInitScript } from './completion/scripts.js';
import { ExitCode, type CliIO } from './io.js';

/** dist/completer.js: beside this bundle (dist/ or dist/chunks/), or built at the repository root. */
export function findCompleter(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [join(dir, 'completer.js'), join(dir, 'dist', 'completer.js')]) {
      if (existsSync(candidate)) return candidate;
    }
    dir = dirname(dir);
  }
  return undefined;
}

function shellArgument(name: string, argv: string[], io: CliIO): ShellName | undefined {
  const shell = argv[0] as ShellName;
  if (argv.length === 1 && SHELLS.includes(shell)) return shell;
  io.stderr.write(`usage: awsdeck ${name} ${SHELLS.join('|')}\n`);
  return undefined;
}

function printScript(name: string, argv: string[], io: CliIO, script: (shell: ShellName, completer: string) => string): number {
  const shell = shellArgument(name, argv, io);
  if (!shell) return ExitCode.usage;
  const completer = findCompleter();
  if (!completer) {
    io.stderr.write('awsdeck: dist/completer.js not found: run `npm run build`\n');
    return ExitCode.other;
  }
  io.stdout.write(script(shell, completer));
  return ExitCode.ok;
}

export function runCompletion(argv: string[], io: CliIO): number {
  return printScript('completion', argv, io, completionScript);
}

export function runShellInit(argv: string[], io: CliIO): number {
  return printScript('shell-init', argv, io, shellInitScript);
}

const USE_USAGE = 'usage: awsdeck use PROFILE [--region REGION]\n';

/** Switches the calling shell (through shell-init's wrapper) or prints the line to paste. */
export function runUse(argv: string[], io: CliIO): number {
  let profile: string | undefined;
  let region: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--region' && argv[i + 1] !== undefined) region = argv[++i];
    else if (argv[i].startsWith('--region=')) region = argv[i].slice('--region='.length);
    else if (profile === undefined && !argv[i].startsWith('-')) profile = argv[i];
    else {
      io.stderr.write(USE_USAGE);
      return ExitCode.usage;
    }
  }
  if (profile === undefined) {
    io.stderr.write(USE_USAGE);
    return ExitCode.usage;
  }
  if (!loadConfigFiles(io.env).listProfiles().includes(profile)) {
    io.stderr.write(`\nThe config profile (${profile}) could not be found\n`);
    return ExitCode.other;
  }
  const line = deliverShellSwitch({ profile, region }, io.env);
  if (line !== undefined) {
    io.stdout.write(`${line}\n`);
  } else {
    io.stderr.write(`awsdeck: this shell now uses profile ${profile}${region ? ` in ${region}` : ''}\n`);
  }
  // Keys in the environment come before any profile in every AWS tool's credential chain.
  if (io.env.AWS_ACCESS_KEY_ID) io.stderr.write('awsdeck: note: AWS_ACCESS_KEY_ID is set in this shell and takes precedence over AWS_PROFILE\n');
  return ExitCode.ok;
}
