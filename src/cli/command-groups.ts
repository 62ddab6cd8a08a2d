// awsdeck's own commands beside the services' operations: one list for `awsdeck help` and for
// completion, so the two cannot disagree. Plain data: the completer loads it on every keypress.

export interface CommandGroup {
  name: string;
  /** Its usage in one line (help), after `awsdeck `. */
  usage: string;
  summary: string;
  /** Subcommands completion offers after the group's name. */
  subcommands?: readonly string[];
  /** What completes in the first argument position when there are no subcommands. */
  argument?: 'profile' | 'shell';
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    name: 'configure', usage: 'configure [list|get|set|…]', summary: 'read and write profiles in ~/.aws/config and ~/.aws/credentials, as the AWS CLI',
    subcommands: ['set', 'get', 'list', 'list-profiles', 'export-credentials', 'mfa-login', 'lint', 'sso', 'sso-session'],
  },
  { name: 'sso', usage: 'sso login|logout|populate', summary: 'sign in to IAM Identity Center, sign out, add a profile per account and role', subcommands: ['login', 'logout', 'populate'] },
  {
    name: 's3', usage: 's3 ls|cp|mv|rm|sync|…', summary: 'list, copy, move, sync and remove S3 objects and buckets, as the AWS CLI',
    subcommands: ['ls', 'website', 'cp', 'mv', 'rm', 'sync', 'mb', 'rb', 'presign'],
  },
  {
    name: 'audit', usage: 'audit [--profile P …] [--regions all|R1,R2] [--output csv|json|table]',
    summary: 'every EC2 instance and unattached EBS volume across regions and profiles, one row each', subcommands: ['--profile', '--regions', '--output'],
  },
  { name: 'exec', usage: 'exec PROFILE [-- cmd …]', summary: 'run a command (or $SHELL) with a profile\'s credentials in its environment', argument: 'profile' },
  { name: 'use', usage: 'use PROFILE [--region R]', summary: 'switch the calling shell to a profile (with shell-init; else prints the line to paste)', argument: 'profile' },
  { name: 'shell-init', usage: 'shell-init bash|zsh|fish', summary: 'print completion plus the wrapper that lets `use` and the dashboard set AWS_PROFILE', argument: 'shell' },
  { name: 'completion', usage: 'completion bash|zsh|fish', summary: 'print a script to source that completes commands, operations and parameters', argument: 'shell' },
  { name: 'sandbox', usage: 'sandbox [--port N] [--seed demo|empty] [--faults SPEC]', summary: 'serve the local AWS-compatible sandbox (STS, SSO, EC2, S3, IAM subsets)' },
  { name: 'help', usage: 'help', summary: 'this text; `awsdeck <service> help` lists a service\'s operations' },
];

export function commandGroup(name: string): CommandGroup | undefined {
  return COMMAND_GROUPS.find((group) => group.name === name);
}
