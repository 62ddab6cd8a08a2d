// `awsdeck configure …`: the AWS CLI's configure commands plus `lint`.
import type { CliIO } from '../io.js';
import { runExportCredentials } from './export-credentials.js';
import { runGet } from './get.js';
import { runInteractive } from './interactive.js';
import { runLint } from './lint.js';
import { runList } from './list.js';
import { runListProfiles } from './list-profiles.js';
import { runMfaLogin } from './mfa-login.js';
import { runSet } from './set.js';

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIO) => number | Promise<number>> = {
  set: runSet,
  get: runGet,
  list: runList,
  'list-profiles': runListProfiles,
  'export-credentials': runExportCredentials,
  'mfa-login': (argv, io) => runMfaLogin(argv, io),
  lint: runLint,
  // The SSO wizards live with the SSO code; loaded only when asked for (they pull in Ink).
  sso: async (argv, io) => (await import('../sso/configure-sso.js')).runConfigureSso(argv, io),
  'sso-session': async (argv, io) => (await import('../sso/configure-sso.js')).runConfigureSsoSession(argv, io),
};

const OPTIONS_WITH_VALUE = new Set(['--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format', '--cli-error-format']);

export async function runConfigure(argv: string[], io: CliIO): Promise<number> {
  let index = -1;
  for (let i = 0; i < argv.length; i++) {
    if (OPTIONS_WITH_VALUE.has(argv[i])) { i++; continue; }
    if (!argv[i].startsWith('-')) { index = i; break; }
  }
  const handler = index >= 0 ? SUBCOMMANDS[argv[index]] : undefined;
  if (handler) return handler([...argv.slice(0, index), ...argv.slice(index + 1)], io);
  return runInteractive(argv, io);
}

export { formatCredentials } from './export-credentials.js';
export { formatList, formatListLegacy, listRows } from './list.js';
export { profileTarget } from './set.js';
