// A small argv parser for the configure commands: the CLI's global options may appear anywhere.
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string>;
  flags: Set<string>;
  unknown: string[];
}

const GLOBAL_WITH_VALUE = ['--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format', '--cli-error-format'];
const GLOBAL_BOOLEAN = ['--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--cli-auto-prompt', '--no-cli-auto-prompt'];

export function parseArgs(argv: string[], commandOptions: string[] = [], commandFlags: string[] = []): ParsedArgs {
  const withValue = new Set([...GLOBAL_WITH_VALUE, ...commandOptions]);
  const boolean = new Set([...GLOBAL_BOOLEAN, ...commandFlags]);
  const out: ParsedArgs = { positionals: [], options: {}, flags: new Set(), unknown: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (withValue.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) out.unknown.push(arg);
      else out.options[name] = value;
    } else if (boolean.has(name)) {
      out.flags.add(name);
    } else if (arg.startsWith('--') && arg.length > 2) {
      out.unknown.push(arg);
    } else {
      out.positionals.push(arg);
    }
  }
  return out;
}
