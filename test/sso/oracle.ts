// Python oracles: botocore's own functions, run from the machine's Python. Asynchronous, because
// the sandbox they may talk to runs in this process and must keep answering.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a Python snippet with the pyenv botocore (v1, current) and returns stdout. */
export async function botocore(script: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await run('python3', ['-c', script], { env: { ...env, PYTHONDONTWRITEBYTECODE: '1' }, encoding: 'utf8' })).stdout;
}

/** The AWS CLI v2's bundled botocore (awscli.botocore), for what only v2 has (SSOTokenFetcher). */
export async function botocoreV2(script: string): Promise<string> {
  const prelude = "import sys; sys.path.insert(0, '/usr/lib/python3/dist-packages')\n";
  return (await run('/usr/bin/python3', ['-c', prelude + script], { encoding: 'utf8' })).stdout;
}

/** The `aws` first on PATH (v1, current botocore: honours AWS_ENDPOINT_URL, unlike v2.9.19). */
export async function awsCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return (await run('aws', args, { env, encoding: 'utf8' })).stdout;
}
