// Turns any error from a command into the AWS CLI's stderr text and exit code (reference §9,
// legacy format as the AWS CLI v2.9 prints it). Secrets never reach here: errors carry none.
import { ServiceError } from '../engine/http/errors.js';
import { ExitCode, type CliIO } from './io.js';
import { CliArgumentError, formatCliError } from './params/errors.js';

export function reportError(err: unknown, io: CliIO, debug = false): number {
  if (err instanceof CliArgumentError) {
    io.stderr.write(formatCliError(err));
    return err.exitCode;
  }
  if (err instanceof ServiceError) {
    io.stderr.write(`\n${err.toString()}\n`);
    return ExitCode.serviceError;
  }
  const message = err instanceof Error ? err.message : String(err);
  const code = typeof (err as { exitCode?: unknown })?.exitCode === 'number' ? (err as { exitCode: number }).exitCode : ExitCode.other;
  if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  io.stderr.write(`\n${message}\n`);
  return code;
}
