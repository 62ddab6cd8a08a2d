// `awsdeck sandbox` argument handling and the banner it prints.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { parseSandboxArgs, runSandboxCommand, sandboxBanner } from '../../src/sandbox/command.js';
import type { CliIO } from '../../src/cli/io.js';

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (c) => out.push(String(c)) }, stderr: { write: (c) => err.push(String(c)) }, stdin: new PassThrough(), env: {}, cwd: '/' };
}

describe('awsdeck sandbox', () => {
  it('parses its options with loopback and demo defaults', () => {
    expect(parseSandboxArgs([])).toEqual({ port: 0, host: '127.0.0.1', seed: 'demo' });
    expect(parseSandboxArgs(['--port', '4566', '--seed=empty', '--data', '/tmp/x'])).toEqual({ port: 4566, host: '127.0.0.1', seed: 'empty', dataDir: '/tmp/x' });
    expect(parseSandboxArgs(['--seed', 'full'])).toMatch(/invalid --seed/);
    expect(parseSandboxArgs(['--port', '99999'])).toMatch(/invalid --port/);
  });

  it('exits 252 with usage on a bad option', async () => {
    const t = io();
    expect(await runSandboxCommand(['--bogus'], t)).toBe(252);
    expect(t.err.join('')).toContain('usage: awsdeck sandbox');
  });

  it('prints the URL, the demo credentials and how to use them', () => {
    const text = sandboxBanner('http://127.0.0.1:4566', 'demo');
    expect(text).toContain('listening on http://127.0.0.1:4566');
    expect(text).toContain('AWS_ACCESS_KEY_ID=AKIASANDBOXDEMOKEY01');
    expect(text).toContain('aws --endpoint-url http://127.0.0.1:4566');
    expect(text).toContain('/sandbox/approve');
  });
});
