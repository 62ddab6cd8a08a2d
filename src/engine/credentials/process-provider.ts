// `credential_process`: the command is shell-split and run without a shell; its stdout is the
// JSON version 1 document. A hanging command is killed after a timeout with a message that says so.
import { spawn } from 'node:child_process';
import { shlexSplit } from '../config/pystr.js';
import type { Credentials } from '../http/types.js';
import type { CredentialContext } from './context.js';
import { CredentialRetrievalError } from './errors.js';

const METHOD = 'custom-process';

function fail(message: string): never {
  throw new CredentialRetrievalError(`Error when retrieving credentials from ${METHOD}: ${message}`);
}

export async function processCredentials(command: string, profileName: string, ctx: CredentialContext): Promise<Credentials> {
  let argv: string[];
  try {
    argv = shlexSplit(command);
  } catch {
    fail(`the credential_process of profile ${profileName} has unbalanced quotes`);
  }
  if (argv.length === 0) fail(`the credential_process of profile ${profileName} is empty`);
  const { code, stdout, stderr, timedOut } = await run(argv, ctx);
  if (timedOut) fail(`${argv[0]} did not finish within ${Math.round(ctx.credentialProcessTimeoutMs / 1000)} seconds and was stopped`);
  if (code !== 0) fail(stderr);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    fail('the process did not print a JSON document');
  }
  const version = parsed.Version;
  if (version !== 1) {
    throw new CredentialRetrievalError(`Error when retrieving credentials from ${METHOD}: Unsupported version '${String(version)}' for credential process provider, supported versions: 1`);
  }
  for (const key of ['AccessKeyId', 'SecretAccessKey']) {
    if (typeof parsed[key] !== 'string') fail(`Missing required key in response: '${key}'`);
  }
  const creds: Credentials = {
    accessKeyId: parsed.AccessKeyId as string,
    secretAccessKey: parsed.SecretAccessKey as string,
    source: METHOD,
  };
  if (typeof parsed.SessionToken === 'string') creds.sessionToken = parsed.SessionToken;
  if (typeof parsed.AccountId === 'string') creds.accountId = parsed.AccountId;
  if (typeof parsed.Expiration === 'string') {
    const expiry = new Date(parsed.Expiration);
    if (Number.isNaN(expiry.getTime())) fail(`the Expiration "${parsed.Expiration}" is not a timestamp`);
    creds.expiration = expiry;
  }
  return creds;
}

interface ProcessResult { code: number | null; stdout: string; stderr: string; timedOut: boolean }

function run(argv: string[], ctx: CredentialContext): Promise<ProcessResult> {
  return new Promise((resolve) => {
    // Same session (not detached): tools such as aws-vault prompt on the controlling terminal.
    const child = spawn(argv[0], argv.slice(1), { env: ctx.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL'); // resolve now: a grandchild may keep our pipes open for a while
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code: null, stdout, stderr, timedOut });
    }, ctx.credentialProcessTimeoutMs);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr || (err as Error).message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
