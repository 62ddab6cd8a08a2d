// Hands a profile/region switch to the shell that started awsdeck. A process cannot change its
// parent's environment, so `awsdeck shell-init`'s wrapper function passes a file in
// AWSDECK_SHELL_EXPORTS and sources what is written there once awsdeck exits (granted's `assume`
// works the same way). Without the wrapper, the one line to paste is printed instead.
import { appendFileSync } from 'node:fs';

export interface ShellSwitch { profile?: string; region?: string }

export type ExportSyntax = 'posix' | 'fish';

export function exportSyntax(env: NodeJS.ProcessEnv): ExportSyntax {
  const named = env.AWSDECK_SHELL_EXPORTS_FORMAT;
  if (named === 'fish' || named === 'posix') return named;
  return /(^|\/)fish$/.test(env.SHELL ?? '') ? 'fish' : 'posix';
}

/** One line that sets the switch's variables in the given shell's syntax. */
export function exportLine(change: ShellSwitch, syntax: ExportSyntax): string {
  const pairs = [['AWS_PROFILE', change.profile], ['AWS_REGION', change.region]].filter((p): p is [string, string] => p[1] !== undefined);
  if (syntax === 'fish') return pairs.map(([name, value]) => `set -gx ${name} ${fishQuote(value)}`).join('; ');
  return `export ${pairs.map(([name, value]) => `${name}=${posixQuote(value)}`).join(' ')}`;
}

const SAFE = /^[A-Za-z0-9_.@%+:,/-]+$/;

function posixQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function fishQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/**
 * Gives the switch to the wrapper's file, or returns the line for the caller to print.
 * Returns undefined when the wrapper took it.
 */
export function deliverShellSwitch(change: ShellSwitch, env: NodeJS.ProcessEnv): string | undefined {
  if (change.profile === undefined && change.region === undefined) return undefined;
  const line = exportLine(change, exportSyntax(env));
  const file = env.AWSDECK_SHELL_EXPORTS;
  if (file) {
    try {
      appendFileSync(file, `${line}\n`);
      return undefined;
    } catch {
      // The wrapper's file is gone: fall back to printing the line.
    }
  }
  return line;
}
