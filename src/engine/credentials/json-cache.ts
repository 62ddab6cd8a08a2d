// The AWS CLI's JSON file caches (~/.aws/cli/cache): `<key>.json`, mode 0600, written whole.
// A corrupt file is reported and treated as a miss (the CLI itself fails on one; we replace it).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pyJsonDumps } from '../pyjson.js';
import { replacePrivateFile } from '../private-files.js';

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** json.dumps(value, sort_keys=True) with Python's default separators. */
export function sortedPyJson(value: unknown): string {
  return pyJsonDumps(sortKeysDeep(value));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort(codePointCompare)) out[k] = sortKeysDeep((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

function codePointCompare(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** botocore's file-name sanitising; a hex digest never needs it, but keys from elsewhere might. */
export function fileSafe(key: string): string {
  return key.replace(/[:/]/g, '_');
}

export class JsonFileCache {
  constructor(readonly dir: string, private readonly warn: (message: string) => void = () => {}) {}

  pathFor(key: string): string {
    return join(this.dir, `${fileSafe(key)}.json`);
  }

  get(key: string): Record<string, unknown> | undefined {
    const path = this.pathFor(key);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch { /* reported below */ }
    this.warn(`The cache file ${path} is not valid JSON; it will be replaced.`);
    return undefined;
  }

  set(key: string, value: unknown): void {
    replacePrivateFile(this.pathFor(key), pyJsonDumps(value));
  }
}
