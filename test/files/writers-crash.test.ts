// kill -9 at random moments, for every file awsdeck writes: the file is always the old or the
// new whole content (never torn, mixed or empty), still private, and the next write succeeds
// (a lock left by the dead writer is taken over).
import { appendFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, auditLogPath, readAudit } from '../../src/engine/audit-log.js';
import { bundleWriterChild, removeWriterChild, startWriter } from './writer-processes.js';
import { WRITER_KINDS, envFor, fileOf, readVersions, seed, writeVersion } from './writers.js';

let child: string;
beforeAll(async () => { child = await bundleWriterChild(); });
afterAll(() => removeWriterChild(child));

// The INI writers are slower (lock, backup, diff): fewer kills reach as many mid-write moments.
const trials = (kind: string) => (kind === 'config' || kind === 'credentials' ? 3 : 8);

describe('a writer killed with SIGKILL mid-write', () => {
  it.each(WRITER_KINDS)('%s: old or new, whole, 0600, and writable again', async (kind) => {
    let landed = 0;
    for (let trial = 0; trial < trials(kind); trial++) {
      const home = mkdtempSync(join(tmpdir(), `awsdeck-crash-${kind}-`));
      seed(kind, home);
      const writer = startWriter(child, kind, home, 'w', 1_000_000);
      await writer.wrote(1 + Math.floor(Math.random() * 3));
      await new Promise((r) => setTimeout(r, Math.random() * 20)); // then somewhere inside a later write
      writer.kill();
      await writer.exited;
      expect(writer.errors()).toBe('');
      const versions = readVersions(kind, home); // throws on a torn or mixed file
      expect(versions.every((v) => v.tag === 'seed' || v.tag === 'w'), JSON.stringify(versions)).toBe(true);
      if (versions.some((v) => v.tag === 'w')) landed++;
      expect(statSync(fileOf(kind, home)).mode & 0o777).toBe(0o600);
      writeVersion(kind, home, 'after', 1);
      expect(readVersions(kind, home)).toContainEqual({ tag: 'after', n: 1 });
    }
    expect(landed, 'the kills all came before any write: the test proved nothing').toBeGreaterThan(0);
  }, 40_000);
});

describe('the audit log after a writer died mid-line', () => {
  it('the next entry starts on a line of its own and is kept', () => {
    const home = mkdtempSync(join(tmpdir(), 'awsdeck-audit-torn-'));
    const env = envFor(home);
    appendAudit(env, { time: 't1', profile: 'p', region: 'r', operation: 'ec2:StopInstances', resources: ['i-1'], outcome: 'ok' });
    appendFileSync(auditLogPath(env), '{"time":"t2","profile":"p","reg'); // what a kill mid-write leaves
    appendAudit(env, { time: 't3', profile: 'p', region: 'r', operation: 'ec2:StartInstances', resources: ['i-3'], outcome: 'ok' });
    expect(readAudit(env).map((e) => e.time)).toEqual(['t1', 't3']);
    expect(statSync(dirname(auditLogPath(env))).mode & 0o777).toBe(0o700);
  });
});
