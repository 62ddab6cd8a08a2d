// A small argv reader for the sso commands: `--name value`, `--name=value` and boolean flags.
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
    } else {
      out.unknown.push(arg);
    }
  }
  return out;
}
