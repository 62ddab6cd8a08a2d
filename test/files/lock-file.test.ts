// The writers' lock (src/engine/config/file-store.ts acquireLock): a lock always holds its pid from
// the moment it exists (linked into place), so a writer killed at any point never leaves an empty
// lock; an empty one (another tool's, or an older awsdeck's) is taken over once it is 2 s old.
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/engine/config/file-store.js';

describe('acquireLock', () => {
  it('the lock holds our pid, and nothing else is left beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-lock-'));
    const target = join(dir, 'config');
    const release = acquireLock(target);
    expect(readFileSync(`${target}.lock`, 'utf8')).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual(['config.lock']);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over an empty lock that is older than 2 s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-lock-'));
    const target = join(dir, 'credentials');
    writeFileSync(`${target}.lock`, '');
    const old = new Date(Date.now() - 5_000);
    utimesSync(`${target}.lock`, old, old);
    const release = acquireLock(target);
    expect(readFileSync(`${target}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock whose process is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-lock-'));
    const target = join(dir, 'config');
    writeFileSync(`${target}.lock`, '2147483646'); // no such pid
    const release = acquireLock(target);
    expect(readFileSync(`${target}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
