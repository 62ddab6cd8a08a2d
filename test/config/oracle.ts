// Oracles for the config tests: botocore (the machine's Python) and the AWS CLI v2.9.19.
// A missing oracle fails the test loudly; it never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCliV2Path } from '../support/aws-cli.js';
import type { CorpusCase } from './corpus.js';

export interface CaseDirs { home: string; config: string; credentials: string }

/** A fresh HOME with the case's files (absent files stay absent). */
export function materialise(c: CorpusCase, root = mkdtempSync(join(tmpdir(), 'awsdeck-cfg-'))): CaseDirs {
  const home = join(root, 'home');
  mkdirSync(join(home, '.aws'), { recursive: true });
  const config = join(home, '.aws', 'config');
  const credentials = join(home, '.aws', 'credentials');
  if (c.config !== undefined) writeFileSync(config, c.config);
  if (c.credentials !== undefined) writeFileSync(credentials, c.credentials);
  return { home, config, credentials };
}

export function isolatedEnv(dirs: CaseDirs, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dirs.home,
    AWS_CONFIG_FILE: dirs.config,
    AWS_SHARED_CREDENTIALS_FILE: dirs.credentials,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    LANG: 'C.UTF-8',
    ...extra,
  };
}

const BOTOCORE_VIEW = `
import json, os, sys
import botocore.session, botocore.configloader
from botocore.exceptions import ConfigParseError
out = []
for case in json.load(sys.stdin):
    os.environ.update(case['env'])
    try:
        s = botocore.session.Session()
        full = s.full_config
        try:
            cfg = botocore.configloader.load_config(case['env']['AWS_CONFIG_FILE'])
        except botocore.exceptions.ConfigNotFound:
            cfg = {}
        out.append({'profiles': [[k, list(v.items())] for k, v in full['profiles'].items()],
                    'sso_sessions': cfg.get('sso_sessions', {}), 'services': cfg.get('services', {})})
    except ConfigParseError as e:
        out.append({'error': str(e)})
print(json.dumps(out))
`;

export interface BotocoreView {
  profiles?: Array<[string, Array<[string, unknown]>]>;
  sso_sessions?: Record<string, Record<string, unknown>>;
  services?: Record<string, Record<string, unknown>>;
  error?: string;
}

/** botocore's merged profile map for each set of files, in one Python process. */
export function botocoreViews(envs: Array<Record<string, string>>): BotocoreView[] {
  const out = execFileSync('python3', ['-c', BOTOCORE_VIEW], { input: JSON.stringify(envs.map((env) => ({ env }))), encoding: 'utf8' });
  return JSON.parse(out) as BotocoreView[];
}

const WRITER = `
import json, sys
sys.path.insert(0, '/usr/lib/python3/dist-packages')
from awscli.customizations.configure.writer import ConfigFileWriter
import awscli
assert awscli.__version__.startswith('2.'), awscli.__version__
results = []
for job in json.load(sys.stdin):
    values = dict(job['values'])
    values['__section__'] = job['section']
    try:
        ConfigFileWriter().update_config(values, job['path'])
        results.append('ok')
    except Exception as e:
        results.append(type(e).__name__)
print(json.dumps(results))
`;

/** Runs the AWS CLI v2.9.19's own ConfigFileWriter (Debian's /usr/bin/python3) on each job's file. */
export function cliWriter(jobs: Array<{ path: string; section: string; values: Record<string, unknown> }>): string[] {
  const res = spawnSync('/usr/bin/python3', ['-c', WRITER], { input: JSON.stringify(jobs), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`AWS CLI v2 writer failed (is Debian's awscli installed?):\n${res.stderr}`);
  return JSON.parse(res.stdout) as string[];
}

export interface RunResult { status: number; stdout: string; stderr: string }

export function awsV2(args: string[], env: Record<string, string>): RunResult {
  const res = spawnSync(awsCliV2Path(), args, { env, encoding: 'utf8' });
  if (res.error) throw new Error(`AWS CLI v2 not runnable at ${awsCliV2Path()}: ${res.error.message}`);
  return { status: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

export function awsV1(args: string[], env: Record<string, string>): RunResult {
  const res = spawnSync('aws', args, { env: { ...env, PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  if (res.error) throw new Error(`AWS CLI v1 not runnable: ${res.error.message}`);
  return { status: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}
