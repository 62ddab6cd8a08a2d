// The slice of Python argparse the AWS CLI relies on: `--opt value`, `--opt=value`, unique-prefix
// abbreviations, lists (nargs '*'), flags, optional values (nargs '?'), positionals, unknown
// arguments collected in order, and argparse's error texts.
import { CliArgumentError, pyRepr } from './errors.js';
import { closeMatches } from './close-matches.js';

export type Nargs = 'one' | 'list' | 'flag' | 'optional';

export interface OptionSpec {
  /** Flag without dashes: `instance-ids`. */
  name: string;
  /** Key in the parsed result; pairs like --x/--no-x share one. */
  dest: string;
  nargs: Nargs;
  /** For flags: the value stored when present. */
  constValue?: unknown;
  /** argparse `type=`: int and float give argparse's `invalid int value` errors. */
  convert?: 'int' | 'float';
  choices?: string[];
  required?: boolean;
}

export interface PositionalSpec {
  dest: string;
  optional: boolean;
  /** A name's choices, checked like the CLI (with "maybe you meant"). */
  choices?: string[];
}

export interface ParsedArgs {
  values: Map<string, unknown>;
  /** option names (without dashes) and positional dests that appeared */
  seen: Set<string>;
  extras: string[];
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
const PY_FLOAT = /^\s*[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?|\d+(?:_\d+)*\.|inf|infinity|nan)\s*$/i;

/** Python int(text) for the forms people type; undefined when Python would raise ValueError. */
export function pythonInt(text: string): number | undefined {
  if (!PY_INT.test(text)) return undefined;
  return Number(text.trim().replace(/_/g, ''));
}

export function pythonFloat(text: string): number | undefined {
  if (!PY_FLOAT.test(text)) return undefined;
  const cleaned = text.trim().replace(/_/g, '').toLowerCase();
  if (/^[+-]?inf(inity)?$/.test(cleaned)) return cleaned.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(cleaned)) return NaN;
  return Number(cleaned);
}

/** argparse's choice error as the CLI rewrites it: the choices two per line, then close matches. */
export function invalidChoiceMessage(value: string, choices: string[]): { message: string; suggestions: string[] } {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(choices.slice(i, i + 2).map((c) => c.padEnd(40)).join(' | '));
  }
  const suggestions = closeMatches(value, choices);
  if (suggestions.length) {
    lines.push(`\n\nInvalid choice: ${pyRepr(value)}, maybe you meant:\n`);
    for (const s of suggestions) lines.push(`  * ${s}`);
  }
  return { message: lines.join('\n'), suggestions };
}

export class ArgParser {
  private readonly byFlag = new Map<string, OptionSpec>();

  constructor(private readonly options: OptionSpec[], private readonly positionals: PositionalSpec[] = []) {
    for (const o of options) this.byFlag.set(`--${o.name}`, o);
  }

  private argumentError(label: string, message: string, suggestions: string[] = []): CliArgumentError {
    return new CliArgumentError(`argument ${label}: ${message}`, 'argparse', suggestions);
  }

  /** 'O' for an option (known or not), 'A' for a value; resolves abbreviations. */
  private classify(arg: string): { kind: 'O' | 'A'; spec?: OptionSpec; explicit?: string } {
    if (!arg || arg[0] !== '-') return { kind: 'A' };
    const exact = this.byFlag.get(arg);
    if (exact) return { kind: 'O', spec: exact };
    if (arg.length === 1) return { kind: 'A' };
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      const spec = this.byFlag.get(arg.slice(0, eq));
      if (spec) return { kind: 'O', spec, explicit: arg.slice(eq + 1) };
    }
    if (arg.startsWith('--')) {
      const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
      const matches = [...this.byFlag.keys()].filter((flag) => flag.startsWith(prefix));
      if (matches.length > 1) {
        throw new CliArgumentError(`ambiguous option: ${prefix} could match ${matches.join(', ')}`, 'argparse');
      }
      if (matches.length === 1) {
        return { kind: 'O', spec: this.byFlag.get(matches[0]), explicit: eq >= 0 ? arg.slice(eq + 1) : undefined };
      }
    }
    if (NEGATIVE_NUMBER.test(arg)) return { kind: 'A' };
    if (arg.includes(' ')) return { kind: 'A' };
    return { kind: 'O' };
  }

  private convert(spec: OptionSpec, raw: string): unknown {
    const label = `--${spec.name}`;
    if (spec.convert === 'int') {
      const n = pythonInt(raw);
      if (n === undefined) throw this.argumentError(label, `invalid int value: ${pyRepr(raw)}`);
      return n;
    }
    if (spec.convert === 'float') {
      const n = pythonFloat(raw);
      if (n === undefined) throw this.argumentError(label, `invalid float value: ${pyRepr(raw)}`);
      return n;
    }
    if (spec.choices && !spec.choices.includes(raw)) {
      const { message, suggestions } = invalidChoiceMessage(raw, spec.choices);
      throw this.argumentError(label, message, suggestions);
    }
    return raw;
  }

  parse(args: string[]): ParsedArgs {
    const values = new Map<string, unknown>();
    const seen = new Set<string>();
    const extras: string[] = [];
    // argparse classifies every string first, so an ambiguous abbreviation fails before anything else.
    let afterDashDash = false;
    const classes = args.map((arg) => {
      if (afterDashDash) return { kind: 'A' as const };
      if (arg === '--') {
        afterDashDash = true;
        return { kind: '-' as const };
      }
      return this.classify(arg);
    });
    const pending = [...this.positionals];
    let i = 0;
    while (i < args.length) {
      const cls = classes[i];
      if (cls.kind === '-') {
        i++;
        continue;
      }
      if (cls.kind === 'A') {
        const positional = pending.shift();
        if (positional) {
          if (positional.choices && !positional.choices.includes(args[i])) {
            const { message, suggestions } = invalidChoiceMessage(args[i], positional.choices);
            throw this.argumentError(positional.dest, message, suggestions);
          }
          values.set(positional.dest, args[i]);
          seen.add(positional.dest);
        } else {
          extras.push(args[i]);
        }
        i++;
        continue;
      }
      const spec = cls.spec;
      if (!spec) {
        extras.push(args[i]);
        i++;
        continue;
      }
      const label = `--${spec.name}`;
      i++;
      seen.add(spec.name);
      if (spec.nargs === 'flag') {
        if (cls.explicit !== undefined) throw this.argumentError(label, `ignored explicit argument ${pyRepr(cls.explicit)}`);
        values.set(spec.dest, spec.constValue ?? true);
        continue;
      }
      if (cls.explicit !== undefined) {
        values.set(spec.dest, spec.nargs === 'list' ? [this.convert(spec, cls.explicit)] : this.convert(spec, cls.explicit));
        continue;
      }
      const following: string[] = [];
      while (i < args.length && classes[i].kind === 'A') following.push(args[i++]);
      if (spec.nargs === 'list') {
        values.set(spec.dest, following.map((v) => this.convert(spec, v)));
        continue;
      }
      if (spec.nargs === 'optional') {
        // Takes at most one value; the rest go back to the positionals.
        const taken = following.shift();
        i -= following.length;
        values.set(spec.dest, taken === undefined ? null : this.convert(spec, taken));
        continue;
      }
      if (!following.length) throw this.argumentError(label, 'expected one argument');
      i -= following.length - 1;
      values.set(spec.dest, this.convert(spec, following[0]));
    }
    const missing = [
      ...this.options.filter((o) => o.required && !seen.has(o.name)).map((o) => `--${o.name}`),
      ...pending.filter((p) => !p.optional).map((p) => p.dest),
    ];
    if (missing.length) {
      throw new CliArgumentError(`the following arguments are required: ${missing.join(', ')}`, 'argparse');
    }
    return { values, seen, extras };
  }
}
