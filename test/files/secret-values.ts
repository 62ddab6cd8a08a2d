// Finding secrets in text: the values themselves, and any long piece of one (a token cut off at the
// edge of a terminal, or wrapped, still leaks).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Secret { name: string; value: string }

const WINDOW = 16;

/**
 * The secrets found in `text`, by name: the whole value, or any 16-character piece of it that no
 * other secret shares (tokens of one issuer share a prefix, which identifies none of them).
 */
export function secretsIn(text: string, secrets: Secret[]): string[] {
  const pieces = (value: string) => {
    const out: string[] = [];
    for (let at = 0; at + WINDOW <= value.length; at += 8) out.push(value.slice(at, at + WINDOW));
    return out;
  };
  const owners = new Map<string, Set<string>>();
  for (const { value } of secrets) for (const piece of pieces(value)) owners.set(piece, (owners.get(piece) ?? new Set()).add(value));
  return secrets.filter(({ value }) => text.includes(value) || pieces(value).some((p) => owners.get(p)!.size === 1 && text.includes(p))).map((s) => s.name);
}

/** Every string under a secret-named field of a JSON document (cache files). */
export function secretsOfJson(file: string, names: RegExp): Secret[] {
  const out: Secret[] = [];
  const walk = (v: unknown, path: string) => {
    if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) walk(inner, `${path}.${k}`);
    else if (typeof v === 'string' && names.test(path.split('.').pop()!) && v.length >= WINDOW) out.push({ name: `${file}${path}`, value: v });
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return out;
}

/** Every file under `root` (none if it does not exist). */
export function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
