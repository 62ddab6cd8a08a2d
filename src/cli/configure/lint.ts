// `configure lint` (awsdeck only): prints `<file>:<line>: <severity>: <message>`; exit 1 if any.
import { formatFindings, lintConfig } from '../../engine/config/index.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { reportError } from './output.js';

export function runLint(_argv: string[], io: CliIO): number {
  try {
    const findings = lintConfig(io.env);
    io.stdout.write(formatFindings(findings));
    return findings.length ? ExitCode.commandFailed : ExitCode.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
