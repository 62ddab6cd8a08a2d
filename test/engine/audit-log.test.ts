// The audit log: one JSON line per mutating call under $XDG_STATE_HOME/awsdeck, 0600 in a 0700
// folder, read back oldest first; a torn line (a crash mid-append) is skipped, not fatal.
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, auditLogPath, readAudit, type AuditEntry } from '../../src/engine/audit-log.js';

const entry = (n: number): AuditEntry => ({
  time: `2026-12-01T00:00:0${n}.000Z`, profile: 'dev', account: '111122223333', region: 'eu-west-1',
  operation: 'ec2:StopInstances', resources: [`i-${n}`], requestId: `req-${n}`, outcome: 'ok',
});

describe('audit log', () => {
  it('lives in $XDG_STATE_HOME/awsdeck, else ~/.local/state/awsdeck', () => {
    expect(auditLogPath({ XDG_STATE_HOME: '/s', HOME: '/h' })).toBe('/s/awsdeck/audit.jsonl');
    expect(auditLogPath({ HOME: '/h' })).toBe('/h/.local/state/awsdeck/audit.jsonl');
  });

  it('appends JSON lines, 0600 in a 0700 folder, and reads them back in order', () => {
    const env = { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'awsdeck-audit-')), HOME: '/nonexistent' };
    appendAudit(env, entry(1));
    appendAudit(env, { ...entry(2), outcome: 'error', error: 'UnauthorizedOperation: no' });
    const path = auditLogPath(env);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(env.XDG_STATE_HOME, 'awsdeck')).mode & 0o777).toBe(0o700);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).requestId)).toEqual(['req-1', 'req-2']);
    expect(readAudit(env)).toEqual([entry(1), { ...entry(2), outcome: 'error', error: 'UnauthorizedOperation: no' }]);
    expect(readAudit(env, 1)).toHaveLength(1);
  });

  it('tightens a log that was made world-readable, and skips a torn last line', () => {
    const env = { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'awsdeck-audit-')), HOME: '/nonexistent' };
    appendAudit(env, entry(1));
    chmodSync(auditLogPath(env), 0o644);
    appendFileSync(auditLogPath(env), '{"time":"2026-12-01T00:00:09');
    appendFileSync(auditLogPath(env), '\n');
    appendAudit(env, entry(3));
    expect(statSync(auditLogPath(env)).mode & 0o777).toBe(0o600);
    expect(readAudit(env).map((e) => e.requestId)).toEqual(['req-1', 'req-3']);
  });

  it('an absent log reads as empty', () => {
    expect(readAudit({ XDG_STATE_HOME: join(tmpdir(), 'awsdeck-no-such-dir') })).toEqual([]);
  });
});
