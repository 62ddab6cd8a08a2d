// `awsdeck sso …`: the CLI's own `login` and `logout`, awsdeck's `populate`, and every operation of
// the sso service model (`list-accounts`, `get-role-credentials`, …) through the generic path.
import { type CliIO } from '../io.js';
import { runSsoLogin, type SsoCommandDeps } from './login-command.js';
import { runSsoLogout } from './logout-command.js';

export type { SsoCommandDeps } from './login-command.js';

/**
 * Commands that are not model operations. The CLI lists them after the operations, its `logout`
 * taking the place of the model's Logout operation (which it hides), then `login`, then `help`.
 */
export const SSO_COMMANDS = ['login', 'logout', 'populate'] as const;

export function isSsoCommand(word: string | undefined): boolean {
  return (SSO_COMMANDS as readonly string[]).includes(word ?? '');
}

/** The `sso` command's choices in the CLI's order: the model's operations, then the commands. */
export function ssoChoices(operationCliNames: string[]): string[] {
  return [...operationCliNames, ...SSO_COMMANDS.filter((c) => !operationCliNames.includes(c)), 'help'];
}

export const SSO_COMMAND_LINES = [
  '  login       sign in to IAM Identity Center [--profile P | --sso-session S] [--use-device-code] [--no-browser]',
  '  logout      revoke and remove every cached SSO token',
  "  populate    a profile per account x role: --sso-session S [--template '{account_name}-{role_name}'] [--region R] [--prune] [--dry-run]",
];

export async function runSso(argv: string[], io: CliIO, deps: SsoCommandDeps = {}): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'login': return runSsoLogin(rest, io, deps);
    case 'logout': return runSsoLogout(rest, io);
    case 'populate': {
      const { runSsoPopulate } = await import('./populate-command.js');
      return runSsoPopulate(rest, io, deps);
    }
    case '--help': case '-h':
      return runSso(['help'], io, deps);
    default: {
      // Operations, `help`, and the usage errors are the generic service command's.
      const { runOperationCommand } = await import('../operation.js');
      return runOperationCommand(['sso', ...argv], io);
    }
  }
}

/**
 * `awsdeck --profile P sso login`: global options may come before the command, as in the CLI.
 * Returns argv for runSso (the command first, the other words in their order).
 */
export function ssoCommandArgv(argv: string[], command: string, globalsWithValue: Set<string>): string[] {
  const words = [...argv];
  let serviceAt = -1;
  for (let i = 0; i < words.length; i++) {
    if (globalsWithValue.has(words[i]!)) { i++; continue; }
    if (words[i] === 'sso') { serviceAt = i; break; }
  }
  words.splice(serviceAt, 1);
  words.splice(words.indexOf(command, serviceAt), 1);
  return [command, ...words];
}
