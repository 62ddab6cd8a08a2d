// What a command needs from the process, passed in so commands run the same in tests.
import type { Readable } from 'node:stream';

export interface CliIO {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Touching process.stdin sets up a stream (and, on a TTY, a raw-mode handle): only on demand.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Exit codes of the AWS CLI v2 (reference §9). */
export const ExitCode = {
  ok: 0,
  commandFailed: 1,
  interrupted: 130,
  usage: 252,
  configuration: 253,
  serviceError: 254,
  other: 255,
} as const;
