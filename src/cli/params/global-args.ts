// The AWS CLI's top-level options. They are read from the whole command line first (as the CLI's
// main parser does), so they may come before or after the service and operation.
import { ArgParser, invalidChoiceMessage, pythonInt, type OptionSpec } from './argparse-lite.js';
import { CliArgumentError, pyRepr } from './errors.js';

export interface GlobalOptions {
  debug: boolean;
  endpointUrl?: string;
  /** false with --no-verify-ssl */
  verifySsl: boolean;
  /** false with --no-paginate */
  paginate: boolean;
  output?: 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream';
  query?: string;
  profile?: string;
  region?: string;
  /** --version was given: print the version and exit 0 */
  version: boolean;
  color: 'on' | 'off' | 'auto';
  /** false with --no-sign-request */
  signRequest: boolean;
  caBundle?: string;
  readTimeout?: number;
  connectTimeout?: number;
  cliBinaryFormat?: 'base64' | 'raw-in-base64-out';
  noCliPager: boolean;
  cliAutoPrompt: boolean;
  noCliAutoPrompt: boolean;
  cliErrorFormat?: string;
}

export const OUTPUT_CHOICES = ['json', 'text', 'table', 'yaml', 'yaml-stream'];

/** In the CLI's order (its cli.json), which is also the help order. */
export const GLOBAL_OPTION_SPECS: OptionSpec[] = [
  { name: 'debug', dest: 'debug', nargs: 'flag' },
  { name: 'endpoint-url', dest: 'endpointUrl', nargs: 'one' },
  { name: 'no-verify-ssl', dest: 'verifySsl', nargs: 'flag', constValue: false },
  { name: 'no-paginate', dest: 'paginate', nargs: 'flag', constValue: false },
  { name: 'output', dest: 'output', nargs: 'one', choices: OUTPUT_CHOICES },
  { name: 'query', dest: 'query', nargs: 'one' },
  { name: 'profile', dest: 'profile', nargs: 'one' },
  { name: 'region', dest: 'region', nargs: 'one' },
  { name: 'version', dest: 'version', nargs: 'flag' },
  { name: 'color', dest: 'color', nargs: 'one', choices: ['on', 'off', 'auto'] },
  { name: 'no-sign-request', dest: 'signRequest', nargs: 'flag', constValue: false },
  { name: 'ca-bundle', dest: 'caBundle', nargs: 'one' },
  { name: 'cli-read-timeout', dest: 'readTimeout', nargs: 'one' },
  { name: 'cli-connect-timeout', dest: 'connectTimeout', nargs: 'one' },
  { name: 'cli-binary-format', dest: 'cliBinaryFormat', nargs: 'one', choices: ['base64', 'raw-in-base64-out'] },
  { name: 'no-cli-pager', dest: 'noCliPager', nargs: 'flag' },
  { name: 'cli-auto-prompt', dest: 'cliAutoPrompt', nargs: 'flag' },
  { name: 'no-cli-auto-prompt', dest: 'noCliAutoPrompt', nargs: 'flag' },
  { name: 'cli-error-format', dest: 'cliErrorFormat', nargs: 'one', choices: ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] },
];

export interface GlobalParseResult {
  globals: GlobalOptions;
  /** The service (or built-in command) name; undefined when only options were given. */
  command?: string;
  /** Everything that is not a global option or the command, in order. */
  rest: string[];
}

/** Parse global options out of the whole argv (without the program name). */
export function parseGlobalArgs(argv: string[]): GlobalParseResult {
  const parser = new ArgParser(GLOBAL_OPTION_SPECS, [{ dest: 'command', optional: true }]);
  const { values, extras } = parser.parse(argv);
  // The CLI converts the timeouts after parsing, with Python's int(): a bad value escapes as a
  // plain ValueError (exit 255).
  const timeout = (key: string): number | undefined => {
    const raw = values.get(key) as string | undefined;
    if (raw === undefined) return undefined;
    const n = pythonInt(raw);
    if (n === undefined) throw new CliArgumentError(`invalid literal for int() with base 10: ${pyRepr(raw)}`, 'uncaught');
    return n;
  };
  const globals: GlobalOptions = {
    debug: values.get('debug') === true,
    endpointUrl: values.get('endpointUrl') as string | undefined,
    verifySsl: values.get('verifySsl') !== false,
    paginate: values.get('paginate') !== false,
    output: values.get('output') as GlobalOptions['output'],
    query: values.get('query') as string | undefined,
    profile: values.get('profile') as string | undefined,
    region: values.get('region') as string | undefined,
    version: values.get('version') === true,
    color: (values.get('color') as GlobalOptions['color'] | undefined) ?? 'auto',
    signRequest: values.get('signRequest') !== false,
    caBundle: values.get('caBundle') as string | undefined,
    readTimeout: timeout('readTimeout'),
    connectTimeout: timeout('connectTimeout'),
    cliBinaryFormat: values.get('cliBinaryFormat') as GlobalOptions['cliBinaryFormat'],
    noCliPager: values.get('noCliPager') === true,
    cliAutoPrompt: values.get('cliAutoPrompt') === true,
    noCliAutoPrompt: values.get('noCliAutoPrompt') === true,
    cliErrorFormat: values.get('cliErrorFormat') as string | undefined,
  };
  return { globals, command: values.get('command') as string | undefined, rest: extras };
}

/** Check a command or operation name against the valid ones, with the CLI's error. */
export function checkChoice(kind: 'command' | 'operation', value: string, choices: string[]): void {
  if (choices.includes(value)) return;
  const { message, suggestions } = invalidChoiceMessage(value, choices);
  throw new CliArgumentError(`argument ${kind}: ${message}`, 'argparse', suggestions);
}

/** The operation is the first value after the service; the rest are its arguments. */
export function splitOperation(rest: string[], operationChoices: string[]): { operation: string; args: string[] } {
  const parser = new ArgParser([], [{ dest: 'operation', optional: false }]);
  let operation: string | undefined;
  try {
    operation = parser.parse(rest).values.get('operation') as string;
  } catch (err) {
    if (err instanceof CliArgumentError) throw new CliArgumentError('the following arguments are required: operation', 'argparse');
    throw err;
  }
  checkChoice('operation', operation, operationChoices);
  const args = [...rest];
  args.splice(args.indexOf(operation), 1);
  return { operation, args };
}
