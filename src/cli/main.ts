// awsdeck's entry point: routes argv to the dashboard, a built-in command, or an AWS operation.
// Every route is a dynamic import so `--version` and plain CLI calls never load React or Ink.
import { processIO, ExitCode, type CliIO } from './io.js';

export const VERSION = '0.1.0';

export function versionLine(): string {
  return `awsdeck/${VERSION} Node.js/${process.versions.node} ${process.platform}/${process.arch}`;
}

const USAGE = `usage: awsdeck [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  awsdeck help
  awsdeck <command> help
  awsdeck <command> <subcommand> help
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  const dashboardArgs = parseDashboardArgs(argv);
  if (dashboardArgs) return openDashboard(io, dashboardArgs);
  if (first === '--version' || first === 'version') {
    io.stdout.write(`${versionLine()}\n`);
    return ExitCode.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const { topLevelHelp } = await import('./help/index.js');
    io.stdout.write(topLevelHelp());
    return ExitCode.ok;
  }
  switch (first) {
    case 'configure': {
      const { runConfigure } = await import('./configure/index.js');
      return runConfigure(rest, io);
    }
    case 'sandbox': {
      const { runSandboxCommand } = await import('../sandbox/command.js');
      return runSandboxCommand(rest, io);
    }
    case 'sso': {
      const { runSso } = await import('./sso/index.js');
      return runSso(rest, io);
    }
    case 's3': {
      const { runS3Command } = await import('./s3/index.js');
      return runS3Command(argv, io);
    }
    case 'audit': {
      const { runAudit } = await import('./audit.js');
      return runAudit(rest, io);
    }
    case 'exec': {
      const { runExec } = await import('../app/exec.js');
      return runExec(rest, io);
    }
    case 'completion': {
      const { runCompletion } = await import('./shell-commands.js');
      return runCompletion(rest, io);
    }
    case 'shell-init': {
      const { runShellInit } = await import('./shell-commands.js');
      return runShellInit(rest, io);
    }
    case 'use': {
      const { runUse } = await import('./shell-commands.js');
      return runUse(rest, io);
    }
    default: {
      const { runOperationCommand } = await import('./operation.js');
      return runOperationCommand(argv, io);
    }
  }
}

interface DashboardArgs { demo: boolean; readOnly?: boolean; profile?: string; region?: string }

/** `awsdeck [--demo] [--read-only] [--profile P] [--region R]` opens the dashboard; anything else is a command. */
export function parseDashboardArgs(argv: string[]): DashboardArgs | undefined {
  const args: DashboardArgs = { demo: false };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--demo') args.demo = true;
    else if (word === '--read-only') args.readOnly = true;
    else if ((word === '--profile' || word === '--region') && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[word === '--profile' ? 'profile' : 'region'] = argv[++i];
    else return undefined;
  }
  // `--profile P` alone is still the dashboard; `--profile P ec2 …` was a command (returned above).
  return args;
}

async function openDashboard(io: CliIO, args: DashboardArgs): Promise<number> {
  const { runDashboard } = await import('../app/run-dashboard.js');
  return runDashboard({ env: io.env, demo: args.demo, readOnly: args.readOnly, profile: args.profile, region: args.region, version: VERSION });
}

export function usageError(io: CliIO, message: string): number {
  io.stderr.write(`\n${USAGE}\n${message}\n`);
  return ExitCode.usage;
}

// Run when executed directly (the bundle or `tsx src/cli/main.ts`), not when imported by tests.
const invokedAs = process.argv[1] ?? '';
if (/(awsdeck(\.js)?|main\.ts)$/.test(invokedAs)) {
  process.on('SIGINT', () => {
    process.stdout.write('\n');
    process.exit(ExitCode.interrupted);
  });
  main(process.argv.slice(2), processIO()).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      process.stderr.write(`\n${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = ExitCode.other;
    },
  );
}
