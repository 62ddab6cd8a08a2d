// A cross-process lock around logins for one token-cache key: when several awsdeck processes
// need a login at once, one runs the flow and the others wait, then use the token it saved.
// The lock is a file created with O_EXCL beside the token; the holder touches it while alive, so
// a crashed holder's lock goes stale and is taken over instead of blocking everyone.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { LoginCancelledError } from './errors.js';
import { sleep } from './interaction.js';

const HEARTBEAT_MS = 5_000;
const STALE_AFTER_MS = 30_000;

export interface LoginLock {
  /** True when another process held the lock first: its token may already be in the cache. */
  waited: boolean;
  release(): void;
}

export interface LockOptions {
  pollMs?: number;
  signal?: AbortSignal;
  /** Called once, when the lock is found held by another process. */
  onWait?(holder: { pid: number; host: string }): void;
}

interface Holder { pid: number; host: string }

function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(path: string, now: number): boolean {
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    return false; // gone already: the next create attempt decides
  }
  const holder = readHolder(path);
  if (holder && holder.host === hostname() && !isAlive(holder.pid)) return true;
  // A holder that stopped touching the file (crashed on another host, frozen) is stale too.
  return now - mtime > STALE_AFTER_MS;
}

export function lockPathFor(tokenPath: string): string {
  return tokenPath.replace(/\.json$/, '') + '.awsdeck-lock';
}

export async function acquireLoginLock(path: string, opts: LockOptions = {}): Promise<LoginLock> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let waited = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
      closeSync(fd);
      const beat = setInterval(() => { try { const t = new Date(); utimesSync(path, t, t); } catch { /* released */ } }, HEARTBEAT_MS);
      beat.unref();
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearInterval(beat);
        process.removeListener('exit', release);
        try { unlinkSync(path); } catch { /* already gone */ }
      };
      // Ctrl-C exits the process without running finally blocks; don't leave the lock behind.
      process.once('exit', release);
      return { waited, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (isStale(path, Date.now())) {
      try { unlinkSync(path); } catch { /* someone else took it over */ }
      continue;
    }
    if (!waited) {
      waited = true;
      const holder = readHolder(path);
      opts.onWait?.(holder ?? { pid: 0, host: '' });
    }
    try {
      await sleep(opts.pollMs ?? 200, opts.signal);
    } catch {
      throw new LoginCancelledError();
    }
  }
}
