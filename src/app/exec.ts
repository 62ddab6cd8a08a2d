// `awsdeck exec PROFILE [-- cmd args…]`: runs a command (or $SHELL) with the profile's credentials
// in its environment, the way `aws-vault exec` and `granted --exec` do. MFA is asked on the terminal.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import type { CliIO } from '../cli/io.js';
import { ExitCode } from '../cli/io.js';
import { loadConfigFiles, stringValue } from '../engine/config/files.js';
import { resolveCredentials } from '../engine/credentials/index.js';

const usage = 'usage: awsdeck exec PROFILE [-- command [args...]]';

/** The variables a child process gets: credentials, profile name and region; stale keys removed. */
export function execEnvironment(base: NodeJS.ProcessEnv, profile: string, creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }, region?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  // A leftover session token from the parent shell would be paired with the wrong keys.
  for (const name of ['AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE']) delete env[name];
  env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
  if (creds.sessionToken) env.AWS_SESSION_TOKEN = creds.sessionToken;
  if (creds.expiration) env.AWS_CREDENTIAL_EXPIRATION = creds.expiration.toISOString();
  if (region) env.AWS_REGION = env.AWS_DEFAULT_REGION = region;
  env.AWSDECK_PROFILE = profile;
  return env;
}

export async function runExec(argv: string[], io: CliIO): Promise<number> {
  const dash = argv.indexOf('--');
  const before = dash >= 0 ? argv.slice(0, dash) : argv;
  const command = dash >= 0 ? argv.slice(dash + 1) : [];
  if (before.length !== 1) {
    io.stderr.write(`${usage}\n`);
    return ExitCode.usage;
  }
  const profile = before[0];
  const region = stringValue(loadConfigFiles(io.env).getProfile(profile), 'region') ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  let creds;
  try {
    creds = await resolveCredentials(profile, {
      env: io.env, region,
      mfaCode: async (serial) => {
        const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
        try { return (await rl.question(`Enter MFA code for ${serial}: `)).trim(); } finally { rl.close(); }
      },
      warn: (message) => io.stderr.write(`${message}\n`),
    }).get();
  } catch (error) {
    io.stderr.write(`\n${(error as Error).message}\n`);
    return (error as { exitCode?: number }).exitCode ?? ExitCode.other;
  }
  const [file, ...args] = command.length ? command : [io.env.SHELL || '/bin/sh'];
  return new Promise<number>((resolve) => {
    const child = spawn(file, args, { env: execEnvironment(io.env, profile, creds, region), stdio: 'inherit', cwd: io.cwd });
    child.on('error', (error) => { io.stderr.write(`${file}: ${error.message}\n`); resolve(ExitCode.commandFailed); });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 1 : ExitCode.other)));
  });
}
