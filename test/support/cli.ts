// Runs the shipped bundle (dist/awsdeck.js) and the AWS CLI v2 as child processes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { awsCliV2Path } from './aws-cli.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

const BUNDLE = 'dist/awsdeck.js';

/** `bundle`: another build of the CLI (see private-bundle.ts); the shared dist/ by default. */
export function runAwsdeck(args: string[], env: NodeJS.ProcessEnv, input?: string, bundle = BUNDLE): RunResult {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  const r = spawnSync(process.execPath, [bundle, ...args], { env, encoding: 'utf8', input, timeout: 60_000 });
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

/** Like runAwsdeck, without blocking the event loop (for servers running inside the test process). */
export function runAwsdeckAsync(args: string[], env: NodeJS.ProcessEnv, bundle = BUNDLE): Promise<RunResult> {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  return spawnAsync(process.execPath, [bundle, ...args], env);
}

/** Like runAwsCli, without blocking the event loop. */
export function runAwsCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return spawnAsync(awsCliV2Path(), args, env);
}

/** Like runAwsCliV1, without blocking the event loop. */
export function runAwsCliV1Async(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return spawnAsync('python3', ['-m', 'awscli', ...args], env);
}

function spawnAsync(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status: status ?? -1 }));
  });
}
