// Shared output helpers: the CLI prints errors as "\n<message>\n" on stderr.
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';

export const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

export function printError(io: CliIO, message: string): void {
  io.stderr.write(`\n${message}\n`);
}

/** argparse-style usage error (exit 252). */
export function usageError(io: CliIO, message: string): number {
  io.stderr.write(`\n${USAGE.replace(/aws/g, 'awsdeck')}\n${message}\n`);
  return ExitCode.usage;
}

/** Prints an engine error the CLI's way and returns its exit code (255 unless it says otherwise). */
export function reportError(io: CliIO, err: unknown): number {
  const e = err as { message?: string; exitCode?: number; toString(): string };
  const message = e && typeof e === 'object' && e.constructor?.name === 'ServiceError' ? e.toString() : e?.message ?? String(err);
  printError(io, message);
  return typeof e?.exitCode === 'number' ? e.exitCode : ExitCode.other;
}

/** `****************ABCD`, as `aws configure` shows secrets. */
export function maskValue(value: string | undefined): string {
  return value === undefined ? 'None' : '*'.repeat(16) + value.slice(-4);
}
