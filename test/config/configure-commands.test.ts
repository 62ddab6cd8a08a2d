// configure set/get/list-profiles/list/export-credentials against the AWS CLI v2.9.19 binary:
// same stdout, stderr and exit code, and the same file bytes after `set`.
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsCliV2Path } from '../support/aws-cli.js';
import { runConfigure } from '../../src/cli/configure/index.js';
import { corpus } from './corpus.js';
import { isolatedEnv, materialise } from './oracle.js';
import { recordingIO } from './io.js';

/** Runs many AWS CLI invocations at once (each takes about a second to start). */
function awsV2Async(args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(awsCliV2Path(), args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (e) => reject(new Error(`AWS CLI v2 not runnable: ${e.message}`)));
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

async function pool<T>(tasks: Array<() => Promise<T>>, width = 12): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) { const i = next++; results[i] = await tasks[i](); }
  }));
  return results;
}

async function ours(args: string[], env: Record<string, string>) {
  const io = recordingIO(env);
  const status = await runConfigure(args, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

function twin(caseName: string) {
  const c = corpus.find((x) => x.name === caseName)!;
  const a = materialise(c);
  const root = mkdtempSync(join(tmpdir(), 'awsdeck-twin-'));
  cpSync(a.home, join(root, 'home'), { recursive: true });
  const b = { home: join(root, 'home'), config: join(root, 'home', '.aws', 'config'), credentials: join(root, 'home', '.aws', 'credentials') };
  return { cli: a, mine: b };
}

const setCommands: string[][] = [
  ['set', 'region', 'eu-west-2'],
  ['set', 'region', 'eu-west-2', '--profile', 'dev'],
  ['set', 'output', 'text', '--profile', 'my dev'],
  ['set', 'profile.tool.region', 'us-east-2'],
  ['set', 'default.s3.addressing_style', 'path'],
  ['set', 's3.max_concurrent_requests', '50', '--profile', 'dev'],
  ['set', 'aws_access_key_id', 'AKIASETBYTEST', '--profile', 'dev'],
  ['set', 'aws_session_token', 'token-value'],
  ['set', 'plugins.myplugin', 'mymodule'],
  ['set', 'cli_pager', ''],
  ['set', 'region', 'ap-east-1', '--profile', 'profile weird'],
];

describe('configure set writes the same bytes as the AWS CLI', () => {
  const names = ['plain default and profile', 'comments, inline hash kept, colon separator, upper-case keys', 'CRLF line endings',
    'odd headers: quoted, three tokens, profilefoo, other sections, leading-space name', 'credentials merged over config; creds-only profiles last', 'no files'];
  const runs = names.flatMap((name) => setCommands.map((args) => ({ name, args, ...twin(name) })));
  let cliResults: Array<{ status: number; stdout: string }> = [];
  beforeAll(async () => {
    cliResults = await pool(runs.map((r) => () => awsV2Async(['configure', ...r.args], isolatedEnv(r.cli))));
  }, 300_000);
  {
    it.each(runs.map((r, i) => [`${r.name}: ${r.args.join(' ')}`, i] as const))('%s', async (_n, i) => {
      const { args, cli, mine } = runs[i];
      const a = cliResults[i];
      const b = await ours(args, isolatedEnv(mine));
      expect(b.status).toBe(a.status);
      expect(b.stdout).toBe(a.stdout);
      for (const f of ['config', 'credentials'] as const) {
        expect(existsSync(mine[f])).toBe(existsSync(cli[f]));
        if (existsSync(cli[f])) expect(readFileSync(mine[f], 'utf8')).toBe(readFileSync(cli[f], 'utf8'));
      }
    });
  }
});

const getCommands: Array<{ args: string[]; env?: Record<string, string> }> = [
  { args: ['get', 'region'] },
  { args: ['get', 'output'] },
  { args: ['get', 'region', '--profile', 'dev'] },
  { args: ['get', 'region', '--profile', 'nope'] },
  { args: ['get', 'region'], env: { AWS_PROFILE: 'nope' } },
  { args: ['get', 'region'], env: { AWS_REGION: 'env-region' } },
  { args: ['get', 's3'] },
  { args: ['get', 's3.addressing_style'] },
  { args: ['get', 'default.region'] },
  { args: ['get', 'profile.sso.sso_account_id'] },
  { args: ['get', 'sso.sso_role_name'] },
  { args: ['get', 'aws_access_key_id'] },
  { args: ['get', 'aws_access_key_id', '--profile', 'both'] },
  { args: ['get', 'aws_session_token', '--profile', 'x'] },
  { args: ['get', 'missing'] },
  { args: ['get', 'toolkit.telemetry'] },
  { args: ['list-profiles'] },
  { args: ['export-credentials'] },
  { args: ['export-credentials', '--format', 'env'] },
  { args: ['export-credentials', '--format', 'env-no-export', '--profile', 'x'] },
  { args: ['export-credentials', '--format', 'powershell', '--profile', 'both'] },
  { args: ['export-credentials', '--format', 'windows-cmd', '--profile', 'creds-only'] },
  { args: ['export-credentials', '--profile', 'x'] },
  { args: ['export-credentials', '--profile', 'conf-only'] },
];

describe('configure get / list-profiles / export-credentials print what the AWS CLI prints', () => {
  const chosen = ['plain default and profile', '[DEFAULT] copied into every section', 'credentials merged over config; creds-only profiles last',
    'nested sub-sections and services', 'odd headers: quoted, three tokens, profilefoo, other sections, leading-space name', 'bad: duplicate key',
    'bad: credentials file broken', 'no files', 'CRLF line endings', 'unicode values and names'];
  const runs = corpus.filter((c) => chosen.includes(c.name)).flatMap((c) => getCommands.map((g) => ({ c, g, env: isolatedEnv(materialise(c), g.env) })));
  let cliResults: Array<{ status: number; stdout: string; stderr: string }> = [];
  beforeAll(async () => {
    cliResults = await pool(runs.map((r) => () => awsV2Async(['configure', ...r.g.args], r.env)));
  }, 300_000);
  {
    it.each(runs.map((r, i) => [`${r.c.name}: ${r.g.args.join(' ')} ${JSON.stringify(r.g.env ?? {})}`, i] as const))('%s', async (_n, i) => {
      const { g, env } = runs[i];
      const a = cliResults[i];
      const b = await ours(g.args, env);
      expect({ status: b.status, stdout: b.stdout, stderr: b.stderr }).toEqual({ status: a.status, stdout: a.stdout, stderr: a.stderr });
    });
  }
});
