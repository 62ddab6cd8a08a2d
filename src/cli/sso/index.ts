// `awsdeck sso …`: login, logout, populate.
import { ExitCode, type CliIO } from '../io.js';
import { runSsoLogin, type SsoCommandDeps } from './login-command.js';
import { runSsoLogout } from './logout-command.js';

export type { SsoCommandDeps } from './login-command.js';

const USAGE = `usage: awsdeck sso <subcommand> [parameters]

  awsdeck sso login [--profile P | --sso-session S] [--use-device-code | --no-use-device-code] [--no-browser]
  awsdeck sso logout
  awsdeck sso populate --sso-session S [--template '{account_name}-{role_name}'] [--region R] [--prune] [--dry-run]
`;

export async function runSso(argv: string[], io: CliIO, deps: SsoCommandDeps = {}): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'login': return runSsoLogin(rest, io, deps);
    case 'logout': return runSsoLogout(rest, io);
    case 'populate': {
      const { runSsoPopulate } = await import('./populate-command.js');
      return runSsoPopulate(rest, io, deps);
    }
    case 'help': case '--help': case '-h':
      io.stdout.write(USAGE);
      return ExitCode.ok;
    default:
      io.stderr.write(`\n${USAGE}\n${sub === undefined ? 'the following arguments are required: subcommand' : `Invalid choice: '${sub}'`}\n`);
      return ExitCode.usage;
  }
}
