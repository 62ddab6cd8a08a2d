// The `:` palette and `/` filter line buffer under random key sequences, against a model that
// counts characters as people see them (code points): the cursor stays in range and never splits
// a character, the text is what the model says, and completion only ever extends the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeFrom, editLine, emptyLine, lineFrom, matchesFilter, type LineBuffer } from '../../src/app/line-buffer.js';
import { keyPressesFromInk } from '../../src/app/keys.js';
import type { KeyPress } from '../../src/app/keys.js';
import { check } from './fuzz-support.js';

const typed = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('😀', '𝔘', '𝔙', '日', ' ', 'e\u0301'),
);
const key: fc.Arbitrary<KeyPress> = fc.oneof(
  { weight: 5, arbitrary: typed.map((text) => ({ name: text, text })) },
  { weight: 4, arbitrary: fc.constantFrom('left', 'right', 'home', 'end', 'ctrl+a', 'ctrl+e', 'ctrl+u', 'ctrl+w', 'backspace', 'tab', 'delete', 'up', 'enter', 'escape').map((name) => ({ name })) },
);
const candidates = fc.array(fc.oneof(fc.constantFrom('ec2 ', 'ec2 describe-vpcs ', 'profile dev', '𝔘nicode', '𝔙alue', '😀 x'), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 6 });

/** The expected effect of one key, on code points. */
function model(chars: string[], cursor: number, key: KeyPress): { chars: string[]; cursor: number } | 'other' {
  switch (key.name) {
    case 'left': return { chars, cursor: Math.max(0, cursor - 1) };
    case 'right': return { chars, cursor: Math.min(chars.length, cursor + 1) };
    case 'home': case 'ctrl+a': return { chars, cursor: 0 };
    case 'end': case 'ctrl+e': return { chars, cursor: chars.length };
    case 'ctrl+u': return { chars: chars.slice(cursor), cursor: 0 };
    case 'backspace':
      if (cursor === 0) return { chars, cursor };
      return { chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1 };
    default:
      if (key.text === undefined) return 'other';
      return { chars: [...chars.slice(0, cursor), ...key.text, ...chars.slice(cursor)], cursor: cursor + [...key.text].length };
  }
}

const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const codePointCursor = (b: LineBuffer) => [...b.text.slice(0, b.cursor)].length;

describe('line buffer properties', () => {
  it('keeps the cursor on a character boundary and the text as the model says', () => {
    check(fc.property(fc.array(key, { maxLength: 40 }), candidates, (keys, words) => {
      let buffer: LineBuffer = emptyLine;
      const complete = completeFrom(words);
      for (const k of keys) {
        const chars = [...buffer.text];
        const cursor = codePointCursor(buffer);
        const { buffer: next, outcome } = editLine(buffer, k, complete);
        expect(next.cursor).toBeGreaterThanOrEqual(0);
        expect(next.cursor).toBeLessThanOrEqual(next.text.length);
        expect(isWellFormed(next.text), JSON.stringify(next)).toBe(true);
        expect(isWellFormed(next.text.slice(0, next.cursor)), `cursor splits a character: ${JSON.stringify(next)}`).toBe(true);
        const want = model(chars, cursor, k);
        if (k.name === 'tab' && outcome === 'edited') expect(next.text.startsWith(buffer.text)).toBe(true);
        if (k.name === 'backspace' && buffer.text === '') expect(outcome).toBe('cancel');
        else if (want !== 'other' && outcome !== 'submit' && outcome !== 'cancel') {
          expect({ text: next.text, cursor: codePointCursor(next) }).toEqual({ text: want.chars.join(''), cursor: want.cursor });
        }
        if (outcome === 'edited') buffer = next;
      }
    }), 2000);
  });

  it('completion extends what is typed to the longest common prefix, never into half a character', () => {
    check(fc.property(candidates, fc.string({ unit: 'binary', maxLength: 3 }), (words, typedText) => {
      const completed = completeFrom(words)(typedText);
      if (completed === undefined) {
        expect(words.some((w) => w.startsWith(typedText))).toBe(false);
        return;
      }
      expect(completed.startsWith(typedText)).toBe(true);
      expect(isWellFormed(completed)).toBe(true);
    }), 3000);
  });

  it('keys read from any terminal input keep the buffer consistent', () => {
    check(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 10 }), (chunks) => {
      let buffer = lineFrom('');
      for (const chunk of chunks) {
        for (const k of keyPressesFromInk(chunk, {} as never)) {
          const { buffer: next, outcome } = editLine(buffer, k);
          if (outcome === 'edited') buffer = next;
          expect(buffer.cursor).toBeLessThanOrEqual(buffer.text.length);
          expect(isWellFormed(buffer.text)).toBe(true);
        }
      }
    }), 1000);
  });

  it('a filter matches text holding each of its words in any case, and not text missing one', () => {
    const word = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    check(fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[a-z .-]{0,12}$/), word, (words, noise, missing) => {
      const haystack = `${noise} ${words.join(' | ')} ${noise}`;
      expect(matchesFilter(haystack.toUpperCase(), ` ${words.join('  ')} `)).toBe(true);
      fc.pre(!haystack.includes(missing));
      expect(matchesFilter(haystack, `${words[0]} ${missing.toUpperCase()}`)).toBe(false);
    }), 2000);
  });
});
