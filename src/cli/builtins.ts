// Commands awsdeck provides itself, next to the AWS service commands from the models.
import { ExitCode, type CliIO } from './io.js';
import { usageText } from './params/errors.js';

export const BUILTIN_COMMANDS = ['configure', 'sso', 'sandbox', 'exec', 'help'];

/** argparse's message for a missing positional, with the usage block the CLI prints first. */
export function usageRequired(io: CliIO, what: string): number {
  io.stderr.write(`\n${usageText('awsdeck')}\nawsdeck: error: the following arguments are required: ${what}\n\n`);
  return ExitCode.usage;
}
