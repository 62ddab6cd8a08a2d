// User key overrides live in $XDG_CONFIG_HOME/awsdeck/keys.json as {"action.id": "key" | ["keys"]}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyOverrides } from './actions.js';

export function keysFilePath(env: NodeJS.ProcessEnv): string | undefined {
  const base = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, '.config') : undefined);
  return base ? join(base, 'awsdeck', 'keys.json') : undefined;
}

/** A missing file is normal; a broken one is reported, never fatal. */
export function loadKeyOverrides(env: NodeJS.ProcessEnv): { overrides: KeyOverrides; warnings: string[] } {
  const path = keysFilePath(env);
  if (!path) return { overrides: {}, warnings: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { overrides: {}, warnings: [] };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected an object of action id → key(s)');
    return { overrides: parsed as KeyOverrides, warnings: [] };
  } catch (error) {
    return { overrides: {}, warnings: [`${path}: ${(error as Error).message}`] };
  }
}
