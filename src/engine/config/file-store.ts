// Safe writes of the shared files. A change is computed from the file's current text while a
// lock file is held (so concurrent awsdeck processes never lose each other's edits), written to a
// temp file in the same folder, fsynced and renamed over the original (so a crash leaves the old
// or the new file, never a mix). The previous version is kept as `<file>.bak`. New files are
// 0600 and new folders 0700; a symlinked file is written through to its target.
import {
  closeSync, constants, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, realpathSync,
  linkSync, renameSync, statSync, unlinkSync, writeSync, chmodSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeConfigBytes } from './ini.js';
import { unifiedDiff } from './diff.js';

export interface FileChange {
  path: string;
  before: string | undefined;
  after: string;
  /** A unified diff of the change (secrets masked), for the dashboard's preview. */
  diff: string;
}

export type Transform = (current: string | undefined) => string;

const LOCK_TIMEOUT_MS = 10_000;
/** A lock with no pid in it (another tool's, or one made without link()) counts as stale after this. */
const STALE_LOCK_MS = 2_000;

/**
 * Where writes really go: the target of a symlink, so dotfile setups keep their link. A link whose
 * target does not exist yet is followed too (the write creates the target, the link stays).
 */
export function resolveWriteTarget(path: string, hops = 0): string {
  try {
    return realpathSync(path);
  } catch {
    if (hops >= 40) return path; // a loop: let the write fail on it as the system reports
    try {
      if (!lstatSync(path).isSymbolicLink()) return path;
      return resolveWriteTarget(resolve(dirname(path), readlinkSync(path)), hops + 1);
    } catch {
      return path;
    }
  }
}

export function readTextIfExists(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return decodeConfigBytes(readFileSync(path), path);
}

/** What a change would do, without writing anything. */
export function previewChange(path: string, transform: Transform): FileChange {
  const target = resolveWriteTarget(path);
  const before = readTextIfExists(target);
  const after = transform(before);
  return { path: target, before, after, diff: unifiedDiff(before ?? '', after, target) };
}

/** Applies a change under the lock; returns what was written (after === before means no write). */
export function writeChange(path: string, transform: Transform): FileChange {
  const target = resolveWriteTarget(path);
  const dir = dirname(target);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const release = acquireLock(target);
  try {
    const before = readTextIfExists(target);
    const after = transform(before);
    if (after !== before) {
      if (before !== undefined) writeBackup(target, readFileSync(target));
      atomicWrite(target, after, before === undefined ? 0o600 : statSync(target).mode & 0o7777);
    }
    return { path: target, before, after, diff: unifiedDiff(before ?? '', after, target) };
  } finally {
    release();
  }
}

export function backupPath(path: string): string {
  return `${path}.bak`;
}

// Written from the bytes just read, never copied: a copy is briefly as readable as the original.
function writeBackup(target: string, bytes: Buffer): void {
  atomicWrite(backupPath(target), bytes, 0o600);
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

export function atomicWrite(target: string, content: string | Uint8Array, mode: number): void {
  const temp = tempPathFor(target);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try { unlinkSync(temp); } catch { /* gone */ }
    throw err;
  }
  closeSync(fd);
  chmodSync(temp, mode); // the umask may have narrowed the open() mode
  renameSync(temp, target);
  try { fsyncPath(dirname(target)); } catch { /* some filesystems refuse directory fsync */ }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function lockHolderAlive(lockPath: string): boolean {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    if (!pid) return Date.now() - statSync(lockPath).mtimeMs < STALE_LOCK_MS;
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates `<file>.lock` holding our pid, or returns false when it exists. The pid is written to a
 * file of our own first and linked into place, so a writer killed at any moment never leaves an
 * empty lock that others must wait out. Where links are refused, an exclusive create is used.
 */
function createLockFile(lockPath: string): boolean {
  const mine = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    const fd = openSync(mine, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    try {
      linkSync(mine, lockPath);
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    }
  } finally {
    try { unlinkSync(mine); } catch { /* not created */ }
  }
  try {
    const fd = openSync(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  }
}

/** An exclusive `<file>.lock` holding our pid; a lock whose process is gone is taken over. */
export function acquireLock(target: string): () => void {
  const lockPath = `${target}.lock`;
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let wait = 2;
  for (;;) {
    if (createLockFile(lockPath)) return () => { try { unlinkSync(lockPath); } catch { /* already released */ } };
    if (!lockHolderAlive(lockPath)) {
      // Claim the stale lock by renaming it away first, so two processes cannot both delete it.
      const claimed = `${lockPath}.${process.pid}.stale`;
      try {
        renameSync(lockPath, claimed);
        if (lockHolderAlive(claimed)) renameSync(claimed, lockPath); // raced: that lock was fresh, put it back
        else unlinkSync(claimed);
      } catch { /* someone else got there */ }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock on ${target} (held by another awsdeck process)`);
    sleepMs(wait);
    wait = Math.min(wait * 2, 50);
  }
}
