// The `:` command and `/` filter buffers: a plain model, so editing rules are tested without Ink.
import type { KeyPress } from './keys.js';

export interface LineBuffer {
  text: string;
  cursor: number;
}

export type LineOutcome = 'edited' | 'submit' | 'cancel' | 'ignored';

export const emptyLine: LineBuffer = { text: '', cursor: 0 };

export function lineFrom(text: string): LineBuffer {
  return { text, cursor: text.length };
}

/** Applies one key. Returns the new buffer and what the key meant. */
export function editLine(buffer: LineBuffer, key: KeyPress, complete?: (text: string) => string | undefined): { buffer: LineBuffer; outcome: LineOutcome } {
  const { text, cursor } = buffer;
  const at = (t: string, c: number) => ({ buffer: { text: t, cursor: c }, outcome: 'edited' as const });
  switch (key.name) {
    case 'enter': return { buffer, outcome: 'submit' };
    case 'escape': return { buffer, outcome: 'cancel' };
    case 'backspace':
      // Backspace on an empty buffer closes it, as in vim's command line.
      if (text === '') return { buffer, outcome: 'cancel' };
      return cursor === 0 ? { buffer, outcome: 'ignored' } : at(text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
    case 'left': return at(text, Math.max(0, cursor - 1));
    case 'right': return at(text, Math.min(text.length, cursor + 1));
    case 'home': case 'ctrl+a': return at(text, 0);
    case 'end': case 'ctrl+e': return at(text, text.length);
    case 'ctrl+u': return at(text.slice(cursor), 0);
    case 'ctrl+w': {
      const start = text.slice(0, cursor).replace(/\S+\s*$/, '').length;
      return at(text.slice(0, start) + text.slice(cursor), start);
    }
    case 'tab': {
      const completed = complete?.(text);
      return completed === undefined ? { buffer, outcome: 'ignored' } : at(completed, completed.length);
    }
    default:
      if (key.text === undefined) return { buffer, outcome: 'ignored' };
      return at(text.slice(0, cursor) + key.text + text.slice(cursor), cursor + key.text.length);
  }
}

/** Case-insensitive "every word appears" match used by filters. */
export function matchesFilter(haystack: string, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const lower = haystack.toLowerCase();
  return words.every((w) => lower.includes(w));
}

/** Completes to the longest common prefix of the candidates that start with `text`. */
export function completeFrom(candidates: string[]): (text: string) => string | undefined {
  return (text) => {
    const hits = candidates.filter((c) => c.startsWith(text));
    if (hits.length === 0) return undefined;
    let prefix = hits[0];
    for (const h of hits) while (!h.startsWith(prefix)) prefix = prefix.slice(0, -1);
    // A candidate that already ends in a space (`ec2 `, `ec2 describe-vpcs `) gets no second one.
    return hits.length === 1 && !prefix.endsWith(' ') ? `${prefix} ` : prefix;
  };
}
