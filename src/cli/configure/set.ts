// `configure set varname value [--profile p] [--sso-session s | --services s]` (reference §1.8).
import { CREDENTIALS_FILE_KEYS, profileSectionName, sectionHeader, updateSection, type WriteValue } from '../../engine/config/index.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { parseArgs } from './args.js';
import { printError, reportError, usageError } from './output.js';

const SUBSECTION_NAME_START = /^[\w\d_\-/.%@:+]/;

export function runSet(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, ['--sso-session', '--services']);
  if (args.unknown.length) return usageError(io, `awsdeck: error: Unknown options: ${args.unknown.join(', ')}`);
  if (args.positionals.length < 2) return usageError(io, 'awsdeck: error: the following arguments are required: varname, value');
  const [varname, rawValue] = args.positionals;
  const ssoSession = args.options['--sso-session'];
  const services = args.options['--services'];
  try {
    if (ssoSession !== undefined && services !== undefined) {
      printError(io, 'aws: [ERROR]: --sso-session and --services are mutually exclusive.');
      return ExitCode.other;
    }
    if (ssoSession !== undefined || services !== undefined) {
      const kind = ssoSession !== undefined ? 'sso-session' : 'services';
      const name = (ssoSession ?? services)!;
      if (!SUBSECTION_NAME_START.test(name)) {
        printError(io, `aws: [ERROR]: Invalid value for --${kind}.`);
        return ExitCode.other;
      }
      const parts = varname.split('.');
      if (parts.length > 2) {
        printError(io, 'Found more than two parts in the property to set. Deep nesting of properties is not supported.');
        return ExitCode.other;
      }
      const value: WriteValue = parts.length === 2 ? { [parts[1]]: rawValue } : rawValue;
      return finish(io, updateSection(io.env, 'config', sectionHeader(kind, name), { [parts[0]]: value }));
    }
    const target = profileTarget(varname, rawValue, args.options['--profile'] ?? io.env.AWS_PROFILE ?? io.env.AWS_DEFAULT_PROFILE);
    const toCredentials = CREDENTIALS_FILE_KEYS.includes(target.key);
    const section = toCredentials || target.section === 'plugins' ? target.section : profileSectionName(target.section);
    return finish(io, updateSection(io.env, toCredentials ? 'credentials' : 'config', section, { [target.key]: target.value }));
  } catch (err) {
    return reportError(io, err);
  }
}

function finish(io: CliIO, result: { permissionWarning?: string }): number {
  if (result.permissionWarning) io.stderr.write(result.permissionWarning);
  return ExitCode.ok;
}

interface Target { section: string; key: string; value: WriteValue }

/** How the CLI reads `varname`: `key`, `default.key[.sub]`, `profile.NAME.key[.sub]`, `plugins.key`, `key.sub`. */
export function profileTarget(varname: string, value: string, currentProfile: string | undefined): Target {
  const current = currentProfile ?? 'default';
  if (!varname.includes('.')) return { section: current, key: varname, value };
  const parts = varname.split('.');
  if (parts[0] === 'default' || parts[0] === 'profile') {
    const section = parts[0] === 'default' ? 'default' : parts[1];
    const rest = parts[0] === 'default' ? parts.slice(1) : parts.slice(2);
    return { section, key: rest[0], value: rest.length === 2 ? { [rest[1]]: value } : value };
  }
  if (parts[0] !== 'plugins') {
    return { section: current, key: parts[0], value: parts.length === 2 ? { [parts[1]]: value } : value };
  }
  return parts.length === 2 ? { section: 'plugins', key: parts[1], value } : { section: current, key: parts[0], value };
}
