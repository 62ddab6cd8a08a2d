// The newcomer's path through the shipped CLI against the demo sandbox: an SSO profile without a
// token names `awsdeck sso login`; a device-code login approved through the sandbox makes the
// same call work; prod-breakglass asks for the demo device's TOTP code.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemo } from '../../src/sandbox/demo.js';
import { DEMO_MFA_SEED, totp } from '../../src/sandbox/index.js';
import { runAwsdeckAsync } from '../support/cli.js';

let demo: Awaited<ReturnType<typeof prepareDemo>>;

beforeAll(async () => {
  demo = await prepareDemo({ baseEnv: { PATH: process.env.PATH, AWS_PROFILE: 'should-be-ignored', AWS_ACCESS_KEY_ID: 'AKIALEAK' } });
});
afterAll(async () => {
  await demo?.cleanup();
});

describe('demo SSO and MFA through the CLI', () => {
  it('the demo environment never carries the user AWS_* variables', () => {
    expect(demo.env.AWS_ACCESS_KEY_ID).toBeUndefined();
    expect(demo.env.AWS_PROFILE).toBe('demo');
  });

  it('an SSO profile without a token fails naming awsdeck sso login, exit 255', async () => {
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--profile', 'dev-admin'], demo.env);
    expect(r.status).toBe(255);
    expect(r.stderr).toContain('awsdeck sso login --profile dev-admin');
  });

  it('a device-code login approved through the sandbox lets the profile call STS', async () => {
    const child = spawn(process.execPath, ['dist/awsdeck.js', 'sso', 'login', '--profile', 'dev-admin', '--use-device-code', '--no-browser'], {
      env: demo.env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    const userCode = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /Then enter the code:\n\n(\S+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('close', () => reject(new Error(`login exited before showing a code:\n${out}`)));
    });
    const res = await fetch(`${demo.sandbox.url}/sandbox/approve`, { method: 'POST', body: JSON.stringify({ userCode, allow: true }) });
    expect(res.ok).toBe(true);
    expect(await exited).toBe(0);
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--profile', 'dev-admin', '--query', 'Account', '--output', 'text'], demo.env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('111111111111\n');
  });

  it('prod-breakglass asks for the MFA code and assumes the prod role', async () => {
    const child = spawn(process.execPath, ['dist/awsdeck.js', 'sts', 'get-caller-identity', '--profile', 'prod-breakglass', '--query', 'Arn', '--output', 'text'], {
      env: demo.env, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    await new Promise<void>((resolve) => child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('Enter MFA code for ')) resolve();
    }));
    expect(stderr).toContain(`Enter MFA code for ${demo.mfaSerial}: `);
    child.stdin.end(`${totp(DEMO_MFA_SEED)}\n`);
    expect(await exited, stderr).toBe(0);
    expect(stdout).toMatch(/^arn:aws:sts::333333333333:assumed-role\//);
  });
});
