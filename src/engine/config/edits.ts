// The editing API every writer uses (configure set, the interactive configure, the profile editor,
// the SSO wizard, mfa-login): which file and section a key belongs to, then a safe write.
import { statSync } from 'node:fs';
import { previewChange, writeChange, type FileChange } from './file-store.js';
import { configFileForWrite, credentialsFileForWrite, type Env } from './paths.js';
import { applyConfigUpdate, profileSectionName, removeSection, renameSection, type WriteValues } from './writer.js';

export type SharedFile = 'config' | 'credentials';

/** Keys `aws configure set` always writes to the credentials file. */
export const CREDENTIALS_FILE_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

export interface EditResult extends FileChange {
  /** The CLI's warning when the credentials file is readable by others. */
  permissionWarning?: string;
}

export function sharedFilePath(env: Env, file: SharedFile): string {
  return file === 'config' ? configFileForWrite(env) : credentialsFileForWrite(env);
}

function permissionWarning(path: string, file: SharedFile): string | undefined {
  if (file !== 'credentials' || process.platform === 'win32') return undefined;
  try {
    if ((statSync(path).mode & 0o077) === 0) return undefined;
  } catch {
    return undefined;
  }
  return `\naws: [WARNING]: The file '${path}' is accessible by other users. Consider running 'chmod 600 ${path}' to restrict access to only your user.\n`;
}

export interface EditOptions {
  /** Compute and return the change (with its diff) without writing. */
  dryRun?: boolean;
}

function edit(env: Env, file: SharedFile, transform: (text: string | undefined) => string, opts: EditOptions): EditResult {
  const path = sharedFilePath(env, file);
  if (opts.dryRun) return previewChange(path, transform);
  const change = writeChange(path, transform);
  return { ...change, permissionWarning: permissionWarning(change.path, file) };
}

/** Sets (or with null, deletes) keys in one section of one file, exactly as the CLI's writer. */
export function updateSection(env: Env, file: SharedFile, section: string, values: WriteValues, opts: EditOptions = {}): EditResult {
  return edit(env, file, (text) => applyConfigUpdate(text, section, values), opts);
}

export function deleteSection(env: Env, file: SharedFile, section: string, opts: EditOptions = {}): EditResult {
  return edit(env, file, (text) => (text === undefined ? '' : removeSection(text, section)), opts);
}

export function renameSectionIn(env: Env, file: SharedFile, from: string, to: string, opts: EditOptions = {}): EditResult {
  return edit(env, file, (text) => (text === undefined ? '' : renameSection(text, from, to)), opts);
}

/** Sets profile keys, sending credentials to `[name]` in the credentials file and the rest to the config file. */
export function setProfileValues(env: Env, profile: string, values: WriteValues, opts: EditOptions = {}): EditResult[] {
  const creds: WriteValues = {};
  const config: WriteValues = {};
  for (const [k, v] of Object.entries(values)) (CREDENTIALS_FILE_KEYS.includes(k) ? creds : config)[k] = v;
  const results: EditResult[] = [];
  if (Object.keys(creds).length) results.push(updateSection(env, 'credentials', profile, creds, opts));
  if (Object.keys(config).length) results.push(updateSection(env, 'config', profileSectionName(profile), config, opts));
  return results;
}

/** Removes a profile from both files (the profile editor's delete). */
export function deleteProfile(env: Env, profile: string, opts: EditOptions = {}): EditResult[] {
  return [
    deleteSection(env, 'credentials', profile, opts),
    deleteSection(env, 'config', profileSectionName(profile), opts),
  ];
}
