// Runs the shipped bundle (dist/awsdeck.js) and the AWS CLI v2 as child processes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { awsCliV2Path } from './aws-cli.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

const BUNDLE = 'dist/awsdeck.js';

export function runAwsdeck(args: string[], env: NodeJS.ProcessEnv, input?: string): RunResult {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { env, encoding: 'utf8', input, timeout: 60_000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

export function runAwsCli(args: string[], env: NodeJS.ProcessEnv, input?: string): RunResult {
  const r = spawnSync(awsCliV2Path(), args, { env, encoding: 'utf8', input, timeout: 120_000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

/** The AWS CLI v1 (`aws` from the machine's Python): same formatters, current botocore models. */
export function runAwsCliV1(args: string[], env: NodeJS.ProcessEnv): RunResult {
  const r = spawnSync('python3', ['-m', 'awscli', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}
