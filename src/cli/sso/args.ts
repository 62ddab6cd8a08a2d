// A small argv reader for the sso commands: `--name value`, `--name=value` and boolean flags.
// The CLI's global options are accepted anywhere, as the CLI does; those a command has no use for
// (`--region`, `--output`, …) are read and ignored.
import { GLOBAL_OPTION_SPECS } from '../params/global-args.js';

const GLOBAL_NARGS = new Map(GLOBAL_OPTION_SPECS.map((spec) => [spec.name, spec.nargs]));
export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
  unknown: string[];
}

export function parseArgs(argv: string[], valueOptions: string[], booleanOptions: string[]): ParsedArgs {
  const out: ParsedArgs = { values: new Map(), flags: new Set(), positionals: [], unknown: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { out.positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(2, eq) : arg.slice(2));
    if (valueOptions.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) { out.unknown.push(arg); continue; }
      out.values.set(name, value);
    } else if (booleanOptions.includes(name) && eq < 0) {
      out.flags.add(name);
    } else if (GLOBAL_NARGS.has(name)) {
      if (GLOBAL_NARGS.get(name) === 'one' && eq < 0) i++;
    } else {
      out.unknown.push(arg);
    }
  }
  return out;
}
