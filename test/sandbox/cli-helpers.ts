// Running the real AWS CLI v2 against the sandbox, isolated from the machine's own AWS setup.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCliV2Path } from '../support/aws-cli.js';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from '../../src/sandbox/index.js';

export interface CliResult { code: number; stdout: string; stderr: string }

export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'sandbox-cli-home-'));
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    ...extra,
  };
}

export function runAws(endpoint: string, args: string[], env: NodeJS.ProcessEnv = isolatedEnv(), input?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(awsCliV2Path(), ['--endpoint-url', endpoint, ...args], { env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 255) : 0;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

export async function awsJson<T = any>(endpoint: string, args: string[], env?: NodeJS.ProcessEnv): Promise<T> {
  const res = await runAws(endpoint, [...args, '--output', 'json'], env);
  if (res.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${res.code}): ${res.stderr}`);
  return JSON.parse(res.stdout || '{}') as T;
}
