// `configure get varname [--profile p] [--sso-session s | --services s]` (reference §1.9):
// reads only the files (never the environment); missing prints nothing and exits 1.
import { loadConfigFiles, plainSection, ProfileNotFoundError, type IniValue, type LoadedConfig } from '../../engine/config/index.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { parseArgs } from './args.js';
import { printError, reportError, usageError } from './output.js';

export function runGet(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, ['--sso-session', '--services']);
  if (args.unknown.length) return usageError(io, `awsdeck: error: Unknown options: ${args.unknown.join(', ')}`);
  if (args.positionals.length < 1) return usageError(io, 'awsdeck: error: the following arguments are required: varname');
  const varname = args.positionals[0];
  try {
    const config = loadConfigFiles(io.env);
    const profileName = args.options['--profile'] ?? io.env.AWS_PROFILE ?? io.env.AWS_DEFAULT_PROFILE;
    const sub = args.options['--sso-session'] ?? args.options['--services'];
    let value: IniValue | undefined;
    if (sub !== undefined) {
      const sections = args.options['--sso-session'] !== undefined ? config.ssoSessions : config.services;
      const section = sections.get(sub);
      if (!section) {
        printError(io, `The config sub-section (${sub}) could not be found`);
        return ExitCode.other;
      }
      value = dotted(plainSection(section), varname.split('.'));
    } else if (!varname.includes('.')) {
      value = scopedConfig(config, profileName)[varname];
    } else {
      value = dottedProfileValue(config, varname, profileName);
    }
    if (typeof value === 'string') {
      io.stdout.write(`${value}\n`);
      return ExitCode.ok;
    }
    if (value && typeof value === 'object') {
      io.stderr.write(`varname (${varname}) must reference a value, not a section or sub-section.`);
    }
    return ExitCode.commandFailed;
  } catch (err) {
    return reportError(io, err);
  }
}

function dotted(section: Record<string, IniValue>, parts: string[]): IniValue | undefined {
  const first = section[parts[0]];
  if (parts.length === 1) return first;
  return first && typeof first === 'object' ? first[parts[1]] : undefined;
}

/** get_scoped_config: a named profile must exist; the implicit default may be absent. */
export function scopedConfig(config: LoadedConfig, profileName: string | undefined): Record<string, IniValue> {
  if (profileName === undefined) return plainSection(config.getProfile('default'));
  const profile = config.getProfile(profileName);
  if (!profile) throw new ProfileNotFoundError(profileName);
  return plainSection(profile);
}

function dottedProfileValue(config: LoadedConfig, varname: string, current: string | undefined): IniValue | undefined {
  const parts = varname.split('.');
  if (parts.length === 2 && parts[0] === 'plugins') {
    const v = config.otherSections.get('plugins')?.get(parts[1])?.value;
    return v ?? config.getProfile('plugins')?.get(parts[1])?.value;
  }
  let profile: string;
  let rest: string[];
  if (parts[0] === 'profile') { profile = parts[1]; rest = parts.slice(2); }
  else if (parts[0] === 'default' || config.profiles.has(parts[0])) { profile = parts[0]; rest = parts.slice(1); }
  else { profile = current ?? 'default'; rest = parts; }
  const section = plainSection(config.getProfile(profile));
  let value = rest[0] === undefined ? undefined : section[rest[0]];
  if (rest.length === 2) value = value && typeof value === 'object' ? value[rest[1]] : undefined;
  return value;
}
