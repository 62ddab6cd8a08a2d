// The text of a detail view: the CLI's own YAML or JSON of the value, one escaped line each.
import { formatOutput } from '../../engine/output/index.js';
import { visibleText } from '../sanitize.js';
import { maskSecrets } from './secret-fields.js';

/** `reveal` shows secret fields' values; otherwise they are hidden (see secret-fields.ts). */
export function detailLines(value: unknown, format: 'yaml' | 'json', reveal = false): string[] {
  const shown = reveal ? value : maskSecrets(value).value;
  const text = formatOutput(shown ?? null, { format, title: '' });
  return text.replace(/\n$/, '').split('\n').map(visibleText);
}

/** Line numbers containing `search` (case-insensitive). */
export function findMatches(lines: string[], search: string): number[] {
  if (!search) return [];
  const wanted = search.toLowerCase();
  const hits: number[] = [];
  lines.forEach((line, i) => { if (line.toLowerCase().includes(wanted)) hits.push(i); });
  return hits;
}
