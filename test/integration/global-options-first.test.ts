// Global options before one of awsdeck's own commands (`awsdeck --profile p configure get region`),
// as the AWS CLI takes them anywhere: compared with the CLI v2 on the same files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAwsCliAsync, runAwsdeckAsync } from '../support/cli.js';

let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'awsdeck-globals-'));
  writeFileSync(join(home, 'config'), '[default]\nregion = us-east-1\n[profile team]\nregion = eu-west-1\noutput = table\n');
  writeFileSync(join(home, 'credentials'), '[team]\naws_access_key_id = AKIDEXAMPLETEAM\naws_secret_access_key = team-secret\n');
  env = {
    PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('global options before configure', () => {
  for (const args of [
    ['--profile', 'team', 'configure', 'get', 'region'],
    ['--profile', 'team', 'configure', 'get', 'output'],
    ['--output', 'json', 'configure', 'list-profiles'],
    ['--profile', 'team', 'configure', 'list'],
    ['--profile', 'missing', 'configure', 'list'],
  ]) {
    it(`awsdeck ${args.join(' ')}`, async () => {
      const [cli, ours] = await Promise.all([runAwsCliAsync(args, env), runAwsdeckAsync(args, env)]);
      expect(ours.status).toBe(cli.status);
      if (args.includes('list')) {
        // The CLI v2.9.19 prints configure list's older layout: compare the values, not the layout.
        const values = (text: string) => text.split('\n').slice(1).map((l) => l.split(/[\s:]+/).filter(Boolean).slice(0, 3).join(' ')).filter((l) => l && !l.startsWith('-'));
        // A missing profile fails before the rows (the CLI gets one row out first): the message matters.
        if (cli.status === 0) expect(values(ours.stdout)).toEqual(values(cli.stdout));
        expect(ours.stderr.trim()).toBe(cli.stderr.trim());
      } else {
        expect(ours.stdout).toBe(cli.stdout);
        expect(ours.stderr.trim()).toBe(cli.stderr.trim());
      }
    });
  }
});
