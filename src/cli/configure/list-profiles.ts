// `configure list-profiles`: every merged profile, config-file ones first (reference §1.11).
import { loadConfigFiles } from '../../engine/config/index.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { reportError } from './output.js';

export function runListProfiles(_argv: string[], io: CliIO): number {
  try {
    const names = loadConfigFiles(io.env).listProfiles();
    io.stdout.write(names.map((n) => `${n}\n`).join(''));
    return ExitCode.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
