// `awsdeck sandbox` stays on loopback unless told otherwise, and says so on stderr when it is not:
// the real bundle as a process, its socket checked in the kernel's table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANY_V4, LOOPBACK_V4, listeningAddresses } from '../support/listening.js';
import { bundle } from '../support/tmux-app.js';

const children: ChildProcess[] = [];
afterEach(() => { for (const child of children.splice(0)) child.kill('SIGKILL'); });

/** Starts the sandbox; resolves with its port and what it printed once the banner is out. */
async function startSandboxProcess(args: string[]): Promise<{ port: number; stdout: () => string; stderr: () => string }> {
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-bind-'));
  const child = spawn(process.execPath, [bundle, 'sandbox', '--seed', 'empty', ...args], {
    env: { PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => { err += String(d); });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += String(d);
      const match = /listening on http:\/\/[^\s]+:(\d+) /.exec(out);
      if (match && out.includes('Press Ctrl-C to stop.')) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening:\n${out}\n${err}`)));
  });
  return { port, stdout: () => out, stderr: () => err };
}

describe('the sandbox listener', () => {
  it('binds 127.0.0.1 by default and warns about nothing', async () => {
    const sandbox = await startSandboxProcess([]);
    expect(listeningAddresses(sandbox.port)).toEqual([LOOPBACK_V4]);
    expect(sandbox.stderr()).toBe('');
  });

  it('binds where --host says, and warns on stderr when that is not loopback', async () => {
    const sandbox = await startSandboxProcess(['--host', '0.0.0.0']);
    expect(listeningAddresses(sandbox.port)).toEqual([ANY_V4]);
    expect(sandbox.stderr()).toContain('warning: the sandbox is listening on 0.0.0.0, not on loopback');
    expect(sandbox.stderr()).toContain('--host 127.0.0.1');
    expect(sandbox.stdout()).not.toContain('warning');
  });

  it('another loopback address is not warned about', async () => {
    const sandbox = await startSandboxProcess(['--host', '127.0.0.2']);
    expect(listeningAddresses(sandbox.port)).toEqual(['0200007F']);
    expect(sandbox.stderr()).toBe('');
  });

  it('--help says where it listens by default and what another address means', () => {
    const help = spawnSync(process.execPath, [bundle, 'sandbox', '--help'], { encoding: 'utf8' }).stdout;
    expect(help).toContain('--host ADDRESS     listen on ADDRESS (default 127.0.0.1, this machine only)');
    expect(help).toContain('is warned about on stderr');
  });
});
