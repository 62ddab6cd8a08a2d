// The files awsdeck writes for itself and the CLI's caches hold secrets or name accounts: each is
// created 0600 in folders created 0700, and replaced whole (temp file, fsync, rename) so a crash or
// a reader in another process sees the old or the new content, never a torn or empty file.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { atomicWrite } from './config/file-store.js';

/** Creates the folder (and any missing parents) 0700; an existing folder keeps its mode. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Replaces `path` with `text` atomically. A new file is 0600; an existing one keeps at most its
 * owner bits (0644 becomes 0600, as the CLI's caches do; 0400 stays 0400): never widened.
 */
export function replacePrivateFile(path: string, text: string): void {
  ensurePrivateDir(dirname(path));
  let mode = 0o600;
  try {
    mode = statSync(path).mode & 0o600;
  } catch { /* a new file */ }
  atomicWrite(path, text, mode);
}
