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
      if (cursor === 0) return { buffer, outcome: 'ignored' };
      return at(text.slice(0, previousBoundary(text, cursor)) + text.slice(cursor), previousBoundary(text, cursor));
    case 'left': return at(text, previousBoundary(text, cursor));
    case 'right': return at(text, nextBoundary(text, cursor));
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

// The cursor moves by code points: stepping into the middle of a surrogate pair (an emoji, 𝔘)
// would split it, and Backspace there would leave half a character in the text.
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function previousBoundary(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  return cursor >= 2 && isLow(text.charCodeAt(cursor - 1)) && isHigh(text.charCodeAt(cursor - 2)) ? cursor - 2 : cursor - 1;
}

function nextBoundary(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  return isHigh(text.charCodeAt(cursor)) && isLow(text.charCodeAt(cursor + 1)) ? cursor + 2 : cursor + 1;
}

/** The character at the cursor (a whole code point), or undefined at the end. */
export function charAtCursor(buffer: LineBuffer): string | undefined {
  return buffer.cursor < buffer.text.length ? buffer.text.slice(buffer.cursor, nextBoundary(buffer.text, buffer.cursor)) : undefined;
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
    for (const h of hits) while (!h.startsWith(prefix)) prefix = prefix.slice(0, previousBoundary(prefix, prefix.length));
    // A candidate that already ends in a space (`ec2 `, `ec2 describe-vpcs `) gets no second one.
    return hits.length === 1 && !prefix.endsWith(' ') ? `${prefix} ` : prefix;
  };
}
