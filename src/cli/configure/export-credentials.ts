// `configure export-credentials [--profile p] [--format F]` (reference §1.12).
import { NoCredentialsError } from '../../engine/credentials/index.js';
import type { Credentials } from '../../engine/http/types.js';
import { pyJsonDumps } from '../../engine/pyjson.js';
import { isoPlusZero } from '../../engine/credentials/sts-response.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { parseArgs } from './args.js';
import { cliCredentialProvider } from './credentials-for-cli.js';
import { printError, reportError, usageError } from './output.js';
import { loadConfigFiles } from '../../engine/config/index.js';

const RECURSION_VAR = '_AWS_CLI_PROFILE_CHAIN';
const MAX_RECURSION = 4;

const LINE_FORMATS: Record<string, (name: string, value: string) => string> = {
  env: (n, v) => `export ${n}=${v}`,
  'env-no-export': (n, v) => `${n}=${v}`,
  powershell: (n, v) => `$Env:${n}="${v}"`,
  'windows-cmd': (n, v) => `set ${n}=${v}`,
  fish: (n, v) => `set -gx ${n} "${v}"`,
};
const FORMATS = ['process', ...Object.keys(LINE_FORMATS)];

export function formatCredentials(creds: Credentials, format: string): string {
  const expiry = creds.expiration ? isoPlusZero(creds.expiration) : undefined;
  if (format === 'process') {
    const doc: Record<string, unknown> = { Version: 1, AccessKeyId: creds.accessKeyId, SecretAccessKey: creds.secretAccessKey };
    if (creds.sessionToken !== undefined) doc.SessionToken = creds.sessionToken;
    if (expiry !== undefined) doc.Expiration = expiry;
    return pyJsonDumps(doc, { indent: 2, separators: [',', ': '] }) + '\n';
  }
  const line = LINE_FORMATS[format];
  let out = line('AWS_ACCESS_KEY_ID', creds.accessKeyId) + '\n' + line('AWS_SECRET_ACCESS_KEY', creds.secretAccessKey) + '\n';
  if (creds.sessionToken !== undefined) out += line('AWS_SESSION_TOKEN', creds.sessionToken) + '\n';
  if (expiry !== undefined) out += line('AWS_CREDENTIAL_EXPIRATION', expiry) + '\n';
  return out;
}

export async function runExportCredentials(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['--format']);
  const format = args.options['--format'] ?? 'process';
  if (!FORMATS.includes(format)) {
    return usageError(io, `awsdeck: error: argument --format: Invalid choice, valid choices are:\n\n${FORMATS.join(' | ')}`);
  }
  const profileFlag = args.options['--profile'];
  const current = profileFlag ?? io.env.AWS_PROFILE ?? io.env.AWS_DEFAULT_PROFILE ?? 'default';
  const seen = (io.env[RECURSION_VAR] ?? '').split(',').filter(Boolean);
  if (seen.length >= MAX_RECURSION) {
    printError(io, `Maximum recursive credential process resolution reached (${MAX_RECURSION}).\nProfiles seen: ${seen.join(' -> ')}`);
    return ExitCode.configuration;
  }
  if (seen.includes(current)) {
    printError(io, `Credential process resolution detected an infinite loop, profile cycle: ${[...seen, current].join(' -> ')}\n`);
    return ExitCode.configuration;
  }
  // A credential_process that calls us again sees the chain so far.
  const env = { ...io.env, [RECURSION_VAR]: [...seen, current].join(',') };
  let creds: Credentials;
  try {
    loadConfigFiles(io.env); // an unreadable file is reported as itself (exit 255), as the CLI does
  } catch (err) {
    return reportError(io, err);
  }
  try {
    creds = await cliCredentialProvider(io, profileFlag, env).get();
  } catch (err) {
    // The CLI's message ends in a newline except for the no-credentials case.
    const reason = err instanceof NoCredentialsError ? 'no credentials found' : `${(err as Error).message}\n`;
    printError(io, `Unable to retrieve credentials: ${reason}`);
    return ExitCode.configuration;
  }
  io.stdout.write(formatCredentials(creds, format));
  return ExitCode.ok;
}
