// The audit trail of what awsdeck changed in AWS: one JSON line per mutating call, appended to
// `$XDG_STATE_HOME/awsdeck/audit.jsonl` (0600 in a 0700 folder). Appends of one line each are
// atomic for any reader; a line that does not parse (a crash mid-write) is skipped when read.
import { chmodSync, closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { awsdeckStateDir } from './sso/flow-choice.js';
import { ensurePrivateDir } from './private-files.js';

export interface AuditEntry {
  /** ISO 8601, UTC. */
  time: string;
  profile: string;
  account?: string;
  region: string;
  /** `ec2:StopInstances`. */
  operation: string;
  /** What it was done to (instance ids, `bucket/key`). */
  resources: string[];
  requestId?: string;
  outcome: 'ok' | 'error';
  /** The error code and message when the call failed. */
  error?: string;
}

export function auditLogPath(env: NodeJS.ProcessEnv): string {
  return join(awsdeckStateDir(env), 'audit.jsonl');
}

export function appendAudit(env: NodeJS.ProcessEnv, entry: AuditEntry): void {
  const path = auditLogPath(env);
  ensurePrivateDir(dirname(path));
  // Created 0600; an existing file keeps its mode unless it is looser than that.
  const fd = openSync(path, 'a+', 0o600);
  try {
    if ((fstatSync(fd).mode & 0o077) !== 0) chmodSync(path, 0o600);
    // One write() per line under O_APPEND: concurrent writers never interleave. After a writer
    // was killed mid-line, start on a fresh line so this entry is not glued to the torn one.
    const line = `${endsTorn(fd) ? '\n' : ''}${JSON.stringify(entry)}\n`;
    writeSync(fd, line);
  } finally {
    closeSync(fd);
  }
}

function endsTorn(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/** The newest `limit` entries, oldest first; an absent log is empty. */
export function readAudit(env: NodeJS.ProcessEnv, limit = 1000): AuditEntry[] {
  let text: string;
  try {
    text = readFileSync(auditLogPath(env), 'utf8');
  } catch {
    return [];
  }
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const parsed = JSON.parse(line) as AuditEntry;
      if (parsed && typeof parsed.operation === 'string') entries.push(parsed);
    } catch {
      // A torn last line from a crash: the entries before it stand.
    }
  }
  return entries.slice(-limit);
}
