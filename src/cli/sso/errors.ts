// Turns an error from the engine into the CLI's stderr text and exit code. Engine errors never
// carry secrets, so their messages can be shown as they are.
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { ServiceError } from '../../engine/http/errors.js';

export function reportError(io: CliIO, err: unknown): number {
  if (err instanceof ServiceError) {
    io.stderr.write(`\n${err.toString()}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`\n${message}\n`);
  const code = (err as { exitCode?: unknown } | null)?.exitCode;
  return typeof code === 'number' ? code : ExitCode.other;
}
