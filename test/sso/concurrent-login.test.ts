// Ten awsdeck processes that all need a login for the same sso-session: one authorization runs,
// the other nine wait on the lock and finish with its token (ByteNess/aws-vault#445).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import { tokenCacheKey } from '../../src/engine/sso/index.js';
import { approve, makeHome, sessionConfig, withSandbox, DEMO_START_URL } from './harness.js';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await withSandbox(); });
afterAll(async () => { await sandbox.close(); });

interface Proc { out: string; err: string; exit: Promise<number> }

function awsdeck(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/cli/main.ts'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc: Proc = { out: '', err: '', exit: new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1))) };
  child.stdout.on('data', (d: Buffer) => { proc.out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { proc.err += d.toString(); });
  return proc;
}

it('ten concurrent logins produce exactly one authorization', { timeout: 90_000 }, async () => {
  const h = makeHome(sandbox, sessionConfig());
  const authsBefore = sandbox.state.sso.deviceAuths.size;
  const procs = Array.from({ length: 10 }, () => awsdeck(['sso', 'login', '--profile', 'dev', '--use-device-code', '--no-browser'], h.env));

  const codeOf = (p: Proc) => p.out.match(/Then enter the code:\n\n([A-Z]{4}-[A-Z]{4})\n/)?.[1];
  const waiting = (p: Proc) => p.out.includes('Another awsdeck process is signing in to');
  // Approve only once every other process is queued behind the one that shows a code.
  await expect.poll(() => procs.filter(waiting).length + procs.filter((p) => codeOf(p)).length, { timeout: 60_000, interval: 100 }).toBe(10);
  const shown = procs.map(codeOf).filter(Boolean);
  expect(shown).toHaveLength(1);
  await approve(sandbox, shown[0]!);

  const codes = await Promise.all(procs.map((p) => p.exit));
  expect(procs.map((p) => p.err).join('')).toBe('');
  expect(codes).toEqual(Array(10).fill(0));
  expect(sandbox.state.sso.deviceAuths.size - authsBefore).toBe(1);
  expect(procs.filter((p) => p.out.includes('Signed in by another awsdeck process; using its token.'))).toHaveLength(9);
  for (const p of procs) expect(p.out).toContain(`Successfully logged into Start URL: ${DEMO_START_URL}`);
  const token = JSON.parse(readFileSync(join(h.home, '.aws', 'sso', 'cache', `${tokenCacheKey(DEMO_START_URL, 'my-sso')}.json`), 'utf8')) as { accessToken: string };
  expect(sandbox.state.sso.validToken(token.accessToken)).toBeTruthy();
  h.cleanup();
});
