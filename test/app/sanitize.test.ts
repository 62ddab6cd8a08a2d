import { describe, expect, it } from 'vitest';
import { visibleLines, visibleText, visibleValue } from '../../src/app/sanitize.js';
import { cellWidth } from '../../src/app/table-layout.js';

const textCases: Array<[what: string, input: string, shown: string]> = [
  ['empty', '', ''],
  ['printable ASCII', 'dev-admin (us-east-1) ~!@#$%^&*()', 'dev-admin (us-east-1) ~!@#$%^&*()'],
  ['a backslash stays one backslash', 'C:\\Users\\me', 'C:\\Users\\me'],
  ['OSC title', 'evil\x1b]0;pwned\x07', 'evil\\e]0;pwned\\x07'],
  ['OSC with ST terminator', '\x1b]8;;http://x\x1b\\link', '\\e]8;;http://x\\e\\link'],
  ['CSI colour', 'red\x1b[31mtext\x1b[0m', 'red\\e[31mtext\\e[0m'],
  ['CSI cursor and erase', '\x1b[2J\x1b[H', '\\e[2J\\e[H'],
  ['BEL', 'ding\x07', 'ding\\x07'],
  ['NUL and backspace', 'a\x00b\x08c', 'a\\x00b\\x08c'],
  ['tab, CR, LF', 'a\tb\rc\nd', 'a\\tb\\rc\\nd'],
  ['DEL', 'x\x7fy', 'x\\x7fy'],
  ['C1 CSI and NEL', 'a\x9b31mb\x85c', 'a\\u009b31mb\\u0085c'],
  ['C1 OSC and ST', '\x9d0;t\x9c', '\\u009d0;t\\u009c'],
  ['bidi override', 'abc\u202etxt.exe', 'abc\\u202etxt.exe'],
  ['bidi embeddings and marks', '\u202a\u202b\u202c\u202d', '\\u202a\\u202b\\u202c\\u202d'],
  ['bidi isolates', '\u2066a\u2067b\u2068c\u2069', '\\u2066a\\u2067b\\u2068c\\u2069'],
  ['zero-width and direction marks', 'a\u200bb\u200cc\u200dd\u200ee\u200ff', 'a\\u200bb\\u200cc\\u200dd\\u200ee\\u200ff'],
  ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ['byte order mark', '\ufeffname', '\\ufeffname'],
  ['tag characters (hidden text)', 'ok\u{e0041}\u{e0042}', 'ok\\u{e0041}\\u{e0042}'],
  ['lone surrogate', 'a\ud800b', 'a\\ud800b'],
  ['accents, CJK and emoji are kept', 'café 東京 🚀', 'café 東京 🚀'],
  ['mixed printable and unsafe', 'José\x1b[1m', 'José\\e[1m'],
];

describe('visibleText', () => {
  for (const [what, input, shown] of textCases) {
    it(what, () => {
      const out = visibleText(input);
      expect(out).toBe(shown);
      // Nothing that drives a terminal is left, and the width is that of the escaped text.
      expect(out).not.toMatch(/[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u);
      expect(visibleText(out)).toBe(out);
      expect(cellWidth(out)).toBeGreaterThanOrEqual(cellWidth(input.replace(/[^\x20-\x7e]/g, '')));
    });
  }

  it('returns the very same string for printable ASCII (the fast path)', () => {
    const text = 'a'.repeat(40);
    expect(visibleText(text)).toBe(text);
  });
});

const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;

const valueCases: Array<[what: string, input: unknown, shown: string]> = [
  ['undefined', undefined, ''],
  ['null', null, ''],
  ['string', 'i-0abc\x1b[2J', 'i-0abc\\e[2J'],
  ['number', 42, '42'],
  ['boolean', false, 'false'],
  ['bigint', 12n, '12'],
  ['date', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000Z'],
  ['array', ['a', 1], '["a",1]'],
  ['object with a control character (JSON escapes it)', { Key: 'x\x1b' }, '{"Key":"x\\u001b"}'],
  ['object with a bidi override (JSON keeps it; escaped after)', { Name: 'a\u202eb' }, '{"Name":"a\\u202eb"}'],
  ['object with a bigint', { size: 5n }, '{"size":"5"}'],
  ['circular object', circular, '[object Object]'],
];

describe('visibleValue', () => {
  for (const [what, input, shown] of valueCases) {
    it(what, () => expect(visibleValue(input)).toBe(shown));
  }
});

describe('visibleLines', () => {
  const cases: Array<[what: string, input: string, shown: string]> = [
    ['single line', 'plain', 'plain'],
    ['keeps line breaks, escapes the rest', 'first\x1b[2J\nsecond\x07\r\nthird\tx', 'first\\e[2J\nsecond\\x07\nthird\\tx'],
    ['a lone CR is escaped', 'a\rb', 'a\\rb'],
  ];
  for (const [what, input, shown] of cases) it(what, () => expect(visibleLines(input)).toBe(shown));
});
