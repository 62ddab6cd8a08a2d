// Completion as the shells ask for it: the line up to the cursor in, whole candidate words out.
// The logic in-process (complete()), then the built completer (dist/completer.js) as a process,
// including s3:// paths listed from the sandbox and a listing that fails or hangs (no output).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complete, splitLine } from '../../src/cli/completion/complete.js';
import { OUTPUT_CHOICES } from '../../src/cli/params/global-args.js';
import { SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

const home = mkdtempSync(join(tmpdir(), 'awsdeck-complete-'));
writeFileSync(join(home, 'config'), '[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n[profile prod-admin]\n');
writeFileSync(join(home, 'credentials'), '[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n[ci]\naws_access_key_id = AKIAEXAMPLE2\naws_secret_access_key = y\n');
const env = { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' };

const words = async (line: string) => (await complete(line, undefined, { env })).words;

describe('complete()', () => {
  it('splits the line as aws_completer reads COMP_LINE, up to COMP_POINT', () => {
    expect(splitLine('awsdeck ec2 describe-inst')).toEqual({ before: ['ec2'], current: 'describe-inst' });
    expect(splitLine('awsdeck ec2 ')).toEqual({ before: ['ec2'], current: '' });
    expect(splitLine('awsdeck ec2 describe-instances', 'awsdeck ec2 desc'.length)).toEqual({ before: ['ec2'], current: 'desc' });
  });

  it('completes commands and services, then a service\'s operations', async () => {
    expect(await words('awsdeck con')).toEqual(expect.arrayContaining(['configure', 'connect', 'controltower']));
    expect(await words('awsdeck ')).toEqual(expect.arrayContaining(['configure', 'sso', 's3', 'completion', 'shell-init', 'use', 'exec', 'ec2', 's3api']));
    const ops = await words('awsdeck ec2 describe-inst');
    expect(ops).toContain('describe-instances');
    expect(ops).toContain('describe-instance-status');
    expect(ops.every((op) => op.startsWith('describe-inst'))).toBe(true);
    // Commands the AWS CLI removes are not offered (ec2 import-instance).
    expect(await words('awsdeck ec2 import-')).not.toContain('import-instance');
  });

  it('completes the subcommands of configure, sso and s3, and shells', async () => {
    expect(await words('awsdeck configure ')).toEqual(expect.arrayContaining(['set', 'get', 'list', 'list-profiles', 'export-credentials', 'sso', 'sso-session']));
    expect(await words('awsdeck sso ')).toEqual(['login', 'logout', 'populate']);
    expect(await words('awsdeck s3 ')).toEqual(expect.arrayContaining(['ls', 'cp', 'mv', 'rm', 'sync', 'mb', 'rb', 'presign']));
    expect(await words('awsdeck completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(await words('awsdeck shell-init f')).toEqual(['fish']);
  });

  it('completes an operation\'s parameters and the global options, leaving out those given', async () => {
    const options = await words('awsdeck ec2 describe-instances --');
    expect(options).toEqual(expect.arrayContaining(['--instance-ids', '--filters', '--dry-run', '--no-dry-run', '--max-items', '--output', '--profile', '--region', '--query']));
    const after = await words('awsdeck ec2 describe-instances --instance-ids i-1 --output json --');
    expect(after).not.toContain('--instance-ids');
    expect(after).not.toContain('--output');
    expect(await words('awsdeck s3api list-objects-v2 --buck')).toEqual(['--bucket']);
  });

  it('completes values: --output, --profile (config and credentials), --region, enums', async () => {
    expect(await words('awsdeck sts get-caller-identity --output ')).toEqual(OUTPUT_CHOICES);
    expect(await words('awsdeck --output t')).toEqual(['text', 'table']);
    expect(await words('awsdeck s3 ls --profile ')).toEqual(['default', 'dev', 'prod-admin', 'ci']);
    expect(await words('awsdeck use p')).toEqual(['prod-admin']);
    expect(await words('awsdeck exec ')).toEqual(['default', 'dev', 'prod-admin', 'ci']);
    expect(await words('awsdeck ec2 describe-regions --region eu-west-')).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
    expect(await words('awsdeck ec2 run-instances --instance-type t3.mi')).toEqual(['t3.micro']);
    // A list of enums: each value after the option.
    expect(await words('awsdeck ec2 describe-instance-types --instance-types m5.xl')).toEqual(['m5.xlarge']);
    expect(await words('awsdeck s3api put-object --acl public-read')).toEqual(['public-read', 'public-read-write']);
    expect(await words('awsdeck s3api put-object --bucket ')).toEqual([]);
  });

  it('offers files for local paths of s3 commands and file:// values, and s3:// paths by listing', async () => {
    expect((await complete('awsdeck s3 cp ./', undefined, { env })).files).toBe(true);
    expect((await complete('awsdeck ec2 run-instances --user-data file://', undefined, { env })).files).toBe(true);
    expect(await words('awsdeck s3 ls s')).toEqual(['s3://']);
    const asked: string[] = [];
    const listS3 = async (path: string, lineWords: string[]) => {
      asked.push(`${path} ${lineWords.join(' ')}`);
      return ['s3://logs/2024/', 's3://logs/2025/', 's3://logs/readme.txt'];
    };
    expect((await complete('awsdeck s3 ls --profile dev s3://logs/202', undefined, { env, listS3 })).words).toEqual(['s3://logs/2024/', 's3://logs/2025/']);
    expect(asked).toEqual(['s3://logs/202 s3 ls --profile dev']);
    const failing = async (): Promise<string[]> => { throw new Error('AccessDenied'); };
    expect(await complete('awsdeck s3 ls s3://logs/', undefined, { env, listS3: failing })).toEqual({ words: [] });
  });
});

const completer = new URL('../../dist/completer.js', import.meta.url).pathname;

// Asynchronous: the sandbox answering the completer runs in this process.
function runCompleter(line: string, extraEnv: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [completer], { env: { ...env, PATH: process.env.PATH, COMP_LINE: line, ...extraEnv }, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('dist/completer.js', () => {
  let sandbox: Sandbox;
  let hanging: Server;
  let hangingUrl: string;
  beforeAll(async () => {
    if (!existsSync(completer)) throw new Error('dist/completer.js is missing: run node scripts/bundle.mjs');
    sandbox = await startSandbox({ seed: 'demo' });
    hanging = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await sandbox?.close();
    hanging?.closeAllConnections();
    await new Promise((resolve) => hanging?.close(resolve));
  });

  it('prints one candidate a line, reading COMP_LINE and COMP_POINT', async () => {
    expect((await runCompleter('awsdeck ec2 describe-instances --dry')).stdout).toBe('--dry-run\n');
    expect((await runCompleter('awsdeck sts get-caller-identity', { COMP_POINT: String('awsdeck st'.length) })).stdout.split('\n')).toContain('sts');
    expect((await runCompleter('awsdeck s3 cp ')).stdout).toBe('__awsdeck_files__\n');
    expect((await runCompleter('awsdeck nosuchthing ')).stdout).toBe('');
  });

  it('lists buckets and then keys under a prefix from the endpoint the line names', async () => {
    const creds = { AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY, AWS_REGION: 'us-east-1' };
    const buckets = await runCompleter(`awsdeck s3 ls --endpoint-url ${sandbox.url} s3://`, creds);
    expect(buckets.status).toBe(0);
    const names = buckets.stdout.trim().split('\n');
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /^s3:\/\/[^/]+\/$/.test(n))).toBe(true);
    const inside = (await runCompleter(`awsdeck s3 ls --endpoint-url ${sandbox.url} ${names[0]}`, creds)).stdout.trim().split('\n').filter(Boolean);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((p) => p.startsWith(names[0]))).toBe(true);
  });

  it('prints nothing when the listing fails or takes too long', async () => {
    const closed = await runCompleter('awsdeck s3 ls --endpoint-url http://127.0.0.1:9 s3://', { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' });
    expect(closed).toEqual({ status: 0, stdout: '', stderr: '' });
    const slow = await runCompleter(`awsdeck s3 ls --endpoint-url ${hangingUrl} s3://`, { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', AWS_REGION: 'us-east-1', AWSDECK_COMPLETION_TIMEOUT_MS: '300' });
    expect(slow).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
