// What the S3 action tests against moto share: moto with signature checking on (queries checked as
// sent: browsing by folder signs `prefix=docs%2F&delimiter=%2F`, which stock moto 5.2 re-encodes
// and rejects), a profile `admin` in an isolated HOME, the real dashboard model and engine adapter,
// prompts answered as a person would, and boto3 as the independent reader of what was left.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { TaskContext } from '../../src/app/browse/tasks/index.js';
import { createDashboard, type Dashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { createTransfers } from '../../src/app/transfers.js';
import type { MotoServer } from './moto.js';
import { startMotoRawQuery } from './moto-raw-query.js';

export const run = promisify(execFile);
const isolated = { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' };

const inspect = `
import boto3, json, sys
s3 = boto3.client('s3', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
what = json.loads(sys.argv[4])
out = {}
if 'keys' in what:
    out['keys'] = [o['Key'] for p in s3.get_paginator('list_objects_v2').paginate(Bucket=what['keys'][0], Prefix=what['keys'][1]) for o in p.get('Contents', [])]
if 'head' in what:
    h = s3.head_object(Bucket=what['head'][0], Key=what['head'][1])
    out['head'] = {'ETag': h['ETag'], 'ContentLength': h['ContentLength'], 'ContentType': h.get('ContentType')}
if 'location' in what:
    out['location'] = s3.get_bucket_location(Bucket=what['location']).get('LocationConstraint')
print(json.dumps(out))
`;

/** A prompt's answer: a form's values, or `yes` to a confirmation (whose typed text must be this). */
export type Answer = { form: Record<string, string> } | { confirm: true; typed?: string };

export interface S3World {
  moto: MotoServer;
  home: string;
  env: NodeJS.ProcessEnv;
  dashboard: Dashboard;
  transfers: ReturnType<typeof createTransfers>;
  copied: string[];
  asked: Array<{ kind: string; title: string; typed?: string }>;
  answer(...answers: Answer[]): void;
  ctxFor(scope: Record<string, string>, items: Array<Record<string, unknown>>): TaskContext;
  /** One level of the bucket under `prefix`, as the objects view lists it (folders, then objects). */
  listed(bucket: string, prefix: string): Promise<Array<Record<string, unknown>>>;
  boto(what: Record<string, unknown>): Promise<{ keys?: string[]; head?: { ETag: string; ContentLength: number; ContentType?: string }; location?: string }>;
  stop(): Promise<void>;
}

/** `seed` is a boto3 script run with (endpoint, key id, secret); `s3Section` lines go under the profile's `s3 =`. */
export async function startS3World(seed: string, s3Section = ''): Promise<S3World> {
  const moto = await startMotoRawQuery();
  const python = async (script: string, ...args: string[]) =>
    JSON.parse((await run('python3', ['-c', script, moto.endpoint, moto.accessKeyId, moto.secretAccessKey, ...args], { env: { ...process.env, ...isolated } })).stdout || 'null');
  await python(seed);
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-s3-actions-'));
  mkdirSync(join(home, '.aws'));
  const env: NodeJS.ProcessEnv = {
    HOME: home, XDG_STATE_HOME: join(home, 'state'), AWS_CONFIG_FILE: join(home, '.aws/config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'), AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1',
  };
  writeFileSync(env.AWS_CONFIG_FILE!, `[profile admin]\nregion = us-east-1\nendpoint_url = ${moto.endpoint}\n${s3Section ? `s3 =\n${s3Section}` : ''}`);
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, `[admin]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n`);
  const dashboard = createDashboard(createEngineAdapter(env), { env, profile: 'admin', region: 'us-east-1' });
  await dashboard.load();
  const transfers = createTransfers();
  const copied: string[] = [];
  const asked: S3World['asked'] = [];
  let stopAnswering: (() => void) | undefined;
  return {
    moto, home, env, dashboard, transfers, copied, asked,
    answer(...answers) {
      stopAnswering?.();
      const queue = [...answers];
      const stop = dashboard.prompts.subscribe(() => {
        const open = dashboard.prompts.get().open;
        if (!open || (open.kind !== 'form' && open.kind !== 'action')) return;
        const next = queue.shift();
        if (!next) return;
        if (queue.length === 0) stop();
        asked.push({ kind: open.kind, title: open.title, typed: open.kind === 'action' ? open.typed : undefined });
        setTimeout(() => {
          if ('form' in next) dashboard.prompts.submitForm(next.form);
          else {
            expect(open.kind === 'action' ? open.typed : 'not a confirmation').toBe(next.typed);
            dashboard.prompts.submit('yes');
          }
        }, 0);
      });
      stopAnswering = stop;
    },
    ctxFor: (scope, items) => ({
      dashboard, transfers, copyToClipboard: (text) => copied.push(text), cwd: home, profile: 'admin', region: 'us-east-1', scope, items, reload: () => undefined,
    }),
    async listed(bucket, prefix) {
      const caller = dashboard.engine.service('admin', 'us-east-1', 's3api', { mfaCode: async () => '', onDeviceCode: () => undefined });
      const page = await caller.call('ListObjectsV2', { Bucket: bucket, Prefix: prefix, Delimiter: '/' });
      return [...(page.CommonPrefixes as Array<Record<string, unknown>> ?? []), ...(page.Contents as Array<Record<string, unknown>> ?? [])];
    },
    boto: (what) => python(inspect, JSON.stringify(what)),
    stop: () => moto.stop(),
  };
}
