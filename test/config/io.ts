// A CliIO that records output, for running configure commands in-process.
import { Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';

export interface RecordingIO extends CliIO { out(): string; err(): string }

export function recordingIO(env: Record<string, string | undefined>, input = ''): RecordingIO {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (c: string | Uint8Array) => { stdout += c.toString(); return true; } },
    stderr: { write: (c: string | Uint8Array) => { stderr += c.toString(); return true; } },
    stdin: Readable.from([input]) as CliIO['stdin'],
    env: env as NodeJS.ProcessEnv,
    cwd: process.cwd(),
    out: () => stdout,
    err: () => stderr,
  };
}
