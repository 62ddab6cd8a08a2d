// Errors raised while reading the command line. Each carries the AWS CLI's message text and exit
// code; `style` says how the CLI frames it on stderr, so the driver prints the same bytes.
import { ExitCode } from '../io.js';

export type CliErrorStyle =
  /** argparse errors: usage block, then `aws: error: <message>` */
  | 'argparse'
  /** `Unknown options: --foo, bar`: usage block, then the message alone */
  | 'unknown-options'
  /** parameter errors (bad JSON, shorthand, files, --no-paginate conflicts): the message alone */
  | 'param'
  /** Python exceptions that escape the CLI's parsing (e.g. int('abc')), exit 255 */
  | 'uncaught';

export class CliArgumentError extends Error {
  readonly style: CliErrorStyle;
  readonly exitCode: number;
  /** Closest valid names for an unknown service, operation, option or choice (best first). */
  readonly suggestions: string[];

  constructor(message: string, style: CliErrorStyle, suggestions: string[] = []) {
    super(message);
    this.name = 'CliArgumentError';
    this.style = style;
    this.exitCode = style === 'uncaught' ? ExitCode.other : ExitCode.usage;
    this.suggestions = suggestions;
  }
}

/** `Error parsing parameter '--filters': …`, the CLI's ParamError. */
export function paramError(cliName: string, message: string): CliArgumentError {
  return new CliArgumentError(`Error parsing parameter '${cliName}': ${message}`, 'param');
}

export function usageText(prog: string): string {
  return (
    `usage: ${prog} [options] <command> <subcommand> [<subcommand> ...] [parameters]\n` +
    'To see help text, you can run:\n\n' +
    `  ${prog} help\n  ${prog} <command> help\n  ${prog} <command> <subcommand> help\n`
  );
}

/**
 * The stderr text the AWS CLI v2 (legacy error format, as 2.9) writes for this error. The
 * enhanced 2.34 format (`aws: [ERROR]: …`) is the driver's choice; it has `message` and `style`.
 */
export function formatCliError(err: CliArgumentError, prog = 'awsdeck'): string {
  switch (err.style) {
    case 'argparse':
      return `\n${usageText(prog)}\n${prog}: error: ${err.message}\n\n`;
    case 'unknown-options':
      return `\n${usageText(prog)}\n${err.message}\n\n`;
    default:
      return `\n${err.message}\n`;
  }
}

/** Python's repr() of a str, as used in argparse messages (`invalid int value: 'abc'`). */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return quote + out + quote;
}
