// `awsdeck sso populate` (placeholder until the populate engine lands in this folder).
import { ExitCode, type CliIO } from '../io.js';
import type { SsoCommandDeps } from './login-command.js';

export async function runSsoPopulate(_argv: string[], io: CliIO, _deps: SsoCommandDeps = {}): Promise<number> {
  io.stderr.write('\nawsdeck sso populate is not available yet\n');
  return ExitCode.other;
}
