// Runs one `s3` command line through the AWS CLI v2 and through awsdeck's bundle, each in its own
// working folder and against its own bucket of the same name length, so outputs can be compared
// after the bucket names are made equal. Runs are asynchronous so that a fault-injecting proxy in
// the test process keeps serving while a command runs.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join, relative } from 'node:path';
import { awsCliV2Path } from './aws-cli.js';
import { buildPrivateBundle } from './private-bundle.js';

export interface PairRun {
  stdout: string;
  stderr: string;
  status: number;
}

let bundle = join(process.cwd(), 'dist/awsdeck.js');

/** Run awsdeck from a build of this test's own: the shared dist/ is rebuilt by other work meanwhile. */
export async function usePrivateBundle(): Promise<void> {
  bundle = await buildPrivateBundle();
}

export function runIn(tool: 'cli' | 'deck', args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string | Buffer }): Promise<PairRun> {
  if (tool === 'deck' && !existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  const [cmd, argv] = tool === 'cli' ? [awsCliV2Path(), args] : [process.execPath, [bundle, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status: status ?? -1 }));
    child.stdin.end(opts.input ?? '');
  });
}

/** Every file under a folder: relative path → contents (for comparing downloads). */
export function treeOf(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(root);
  return files;
}

/** Lines without the progress segments (text ending in `\r`) and their padding, sorted. */
export function withoutProgress(text: string): string[] {
  return text.replace(/[^\n\r]*\r/g, '').split('\n').map((l) => l.replace(/ +$/, '')).filter((l) => l !== '').sort();
}

export function sortedLines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '').sort();
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

const BOTO_SCRIPT = `
import boto3, json, sys, hashlib
spec = json.load(sys.stdin)
s3 = boto3.client('s3', endpoint_url=spec['endpoint'], region_name='us-east-1',
                  aws_access_key_id=spec['key'], aws_secret_access_key=spec['secret'])
out = []
for method, kwargs in spec['ops']:
    if method == 'dump':
        objects = {}
        for page in s3.get_paginator('list_objects_v2').paginate(Bucket=kwargs['Bucket']):
            for o in page.get('Contents', []):
                h = s3.head_object(Bucket=kwargs['Bucket'], Key=o['Key'])
                body = s3.get_object(Bucket=kwargs['Bucket'], Key=o['Key'])['Body'].read()
                objects[o['Key']] = {'size': o['Size'], 'type': h.get('ContentType'), 'meta': h.get('Metadata'),
                                     'class': o.get('StorageClass'), 'md5': hashlib.md5(body).hexdigest(),
                                     'parts': h['ETag'].strip('"').partition('-')[2]}
        out.append(objects)
    elif method == 'uploads':
        out.append([u['Key'] for u in s3.list_multipart_uploads(Bucket=kwargs['Bucket']).get('Uploads', [])])
    elif method == 'lastmod':
        out.append(s3.head_object(**kwargs)['LastModified'].isoformat())
    elif method == 'website':
        r = s3.get_bucket_website(**kwargs); r.pop('ResponseMetadata', None); out.append(r)
    else:
        r = getattr(s3, method)(**kwargs); out.append(None)
print(json.dumps(out))
`;

export interface BotoTarget {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Seed or inspect buckets through boto3 (independent of both tools under test). */
export function boto(target: BotoTarget, ops: Array<[string, Record<string, unknown>]>): unknown[] {
  const input = JSON.stringify({ endpoint: target.endpoint, key: target.accessKeyId, secret: target.secretAccessKey, ops });
  const out = execFileSync('python3', ['-c', BOTO_SCRIPT], {
    input, encoding: 'utf8',
    env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  return JSON.parse(out) as unknown[];
}

export type Files = Record<string, string>;

export interface Case {
  /** Buckets: `cN-cli` for the CLI, `cN-dek` for awsdeck. */
  name: string;
  cli: { dir: string; bucket: string };
  deck: { dir: string; bucket: string };
}

export function expectSame(cli: PairRun, deck: PairRun, how: 'exact' | 'sorted' | 'progress' = 'exact'): void {
  const view = (r: PairRun) => (how === 'exact'
    ? { stdout: r.stdout, stderr: r.stderr, status: r.status }
    : how === 'sorted'
      ? { stdout: sortedLines(r.stdout), stderr: sortedLines(r.stderr), status: r.status }
      : { stdout: withoutProgress(r.stdout), stderr: withoutProgress(r.stderr), status: r.status });
  expect(view(deck)).toEqual(view(cli));
}

export type PairHarness = ReturnType<typeof pairHarness>;

/** Cases (two folders, two buckets) on one server, and running a command line through both tools. */
export function pairHarness(server: BotoTarget, root: string, baseEnv: NodeJS.ProcessEnv, commandEndpoint = server.endpoint) {
  let caseNo = 0;

  function newCase(files: Files = {}, objects: Files = {}): Case {
    const name = `c${++caseNo}`;
    const make = (tool: string) => {
      const dir = ensureDir(join(root, name, tool));
      for (const [path, body] of Object.entries(files)) {
        ensureDir(join(dir, path, '..'));
        writeFileSync(join(dir, path), body);
      }
      const bucket = `${name}-${tool === 'cli' ? 'cli' : 'dek'}`;
      boto(server, [['create_bucket', { Bucket: bucket }], ...Object.entries(objects).map(([Key, Body]): [string, Record<string, unknown>] => ['put_object', { Bucket: bucket, Key, Body }])]);
      return { dir, bucket };
    };
    return { name, cli: make('cli'), deck: make('deck') };
  }

  /** Run `args` (BUCKET standing for each tool's bucket) through the CLI, then awsdeck. */
  async function both(c: Case, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<[PairRun, PairRun]> {
    const env = { ...baseEnv, ...opts.env };
    const run = async (tool: 'cli' | 'deck', side: Case['cli']) => {
      const argv = ['--endpoint-url', commandEndpoint, ...args.map((a) => a.replaceAll('BUCKET', side.bucket))];
      const r = await runIn(tool, argv, { cwd: side.dir, env, input: opts.input });
      if (process.env.S3_TEST_TRACE) console.log(tool, argv.join(' '), JSON.stringify(r));
      // The program names itself in usage text: `aws` there is `awsdeck` here.
      const same = (text: string) => (tool === 'cli' ? text.replace(/\baws\b/g, 'awsdeck') : text).replaceAll(side.bucket, 'BUCKET').replaceAll(side.dir, 'DIR');
      return { stdout: same(r.stdout), stderr: same(r.stderr), status: r.status };
    };
    const cli = await run('cli', c.cli);
    const deck = await run('deck', c.deck);
    return [cli, deck];
  }

  /** Read-only commands: both tools on the CLI's bucket, so even the dates must be the same bytes. */
  function bothOnOneBucket(c: Case, args: string[], env: NodeJS.ProcessEnv = {}): Promise<[PairRun, PairRun]> {
    return both({ ...c, deck: { ...c.deck, bucket: c.cli.bucket } }, args, { env });
  }

  const bucketOf = (bucket: string) => boto(server, [['dump', { Bucket: bucket }]])[0] as Record<string, Record<string, unknown>>;

  function expectSameBuckets(c: Case): void {
    expect(bucketOf(c.deck.bucket)).toEqual(bucketOf(c.cli.bucket));
  }

  return { newCase, both, bothOnOneBucket, bucketOf, expectSameBuckets };
}
