import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runExec } from '../../src/app/exec.js';

describe('awsdeck exec', () => {
  it('runs the command with the profile credentials and region, dropping a stale session token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-exec-'));
    writeFileSync(join(dir, 'config'), '[profile dev]\nregion = eu-west-1\n');
    writeFileSync(join(dir, 'credentials'), '[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = devsecret\n');
    const out = join(dir, 'env.json');
    const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true', AWS_SESSION_TOKEN: 'stale', PATH: process.env.PATH };
    const stderr: string[] = [];
    const code = await runExec(['dev', '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.env))`],
      { stdout: { write: () => true }, stderr: { write: (s) => stderr.push(String(s)) }, stdin: new PassThrough(), env, cwd: dir });
    expect(stderr.join('')).toBe('');
    expect(code).toBe(0);
    const childEnv = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8'));
    expect(childEnv).toMatchObject({ AWS_ACCESS_KEY_ID: 'AKIADEV', AWS_SECRET_ACCESS_KEY: 'devsecret', AWS_REGION: 'eu-west-1', AWSDECK_PROFILE: 'dev' });
    expect(childEnv.AWS_SESSION_TOKEN).toBeUndefined();
  });

  it('explains its usage', async () => {
    const stderr: string[] = [];
    const code = await runExec([], { stdout: { write: () => true }, stderr: { write: (s) => stderr.push(String(s)) }, stdin: new PassThrough(), env: {}, cwd: '/' });
    expect(code).toBe(252);
    expect(stderr.join('')).toContain('usage: awsdeck exec');
  });
});
