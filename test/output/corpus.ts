// A seeded generator of response-like data that exercises the corners of every output format.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'Name', 'InstanceId', 'State', 'Tags', 'Key', 'Value', 'a', 'B', 'b', '_x', 'Zeta', 'arn', 'Code',
  'CreationDate', 'Size', 'Enabled', 'Items', 'Owner', 'ID', 'id', 'Ä', 'é', 'キー', '名前', '°C', 'Ω',
  '±', 'key with space', 'x'.repeat(30), '', '1', 'true', 'k\u00a0nbsp', '𝔘nicode', 'tab\tkey',
];

const STRINGS = [
  'i-0123456789abcdef0', 'running', 'arn:aws:iam::123456789012:user/alice', '123456789012', 'us-east-1',
  '', ' ', 'x', 'yes', 'no', 'on', 'true', 'False', 'null', 'None', '~', '123', '-1', '0x1F', '017', '1e3',
  '1.5', '.5', '.inf', '1:20', '2020-01-01', '2020-01-01T00:00:00+00:00', '2026-11-22 05:50:30', '=', '<<',
  'a: b', 'a:b', 'a #b', 'a#b', '#x', '- a', '-a', '-', '?', '? x', ':x', '[x]', '{x}', '*x', '&x', '!x',
  '|x', '>x', "'q'", '"q"', '%x', '@x', '`x', '---', '--- x', '...', ' lead', 'trail ', 'it\'s', 'say "hi"',
  'back\\slash', 'line1\nline2', 'trailing newline\n', '\nleading newline', 'a\n\nb', 'a \nb', 'a\n b',
  'tab\there', 'cr\rhere', 'bell\u0007', 'del\u007f', 'nbsp\u00a0here', 'soft\u00adhyphen', 'bom\ufeffhere',
  'line\u2028sep', 'next\u0085line', 'café', 'naïve résumé', '日本語のテキスト', '中文', '한국어', 'ｆｕｌｌ',
  '°±×÷', 'Ω≈ç√∫', '→←↑↓', '①②③', '½¼', '😀 emoji', '𝔘nicode', 'ẞ', 'ß', 'ﬁ ligature',
  'A sentence long enough that it will certainly need folding when written as YAML at eighty columns wide.',
  'word '.repeat(25).trim(), 'w'.repeat(120), 'a  b  c', 'x'.repeat(79) + ' y', 'x'.repeat(80) + ' y z',
  'long with\nnewline and spaces that goes on and on for quite a while until it passes eighty columns',
  'tab\tand a long tail that goes on and on for quite a while until it passes eighty columns wide ok',
  '日本語 の 長い テキスト で 八十 カラム を 超える まで 続ける ため の 文章 です よ ね 日本語 の 長い テキスト',
];

const NUMBERS = [0, 1, -1, 42, 16, 80, 123456789012, 2 ** 53 - 1, -(2 ** 31), 1.5, -2.25, 0.1, 0.5, 2.5, 1e-5, 1.5e-7,
  123456.789, 3.141592653589793, 1.5e300, 1e-300, 0.000123, 12345678901234.5];

export interface GenOptions {
  maxDepth: number;
  wide?: boolean;
}

export function generateValue(rand: () => number, depth: number, options: GenOptions): Json {
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)];
  const roll = rand();
  if (depth >= options.maxDepth || roll < 0.35) return generateScalar(rand, pick);
  if (roll < 0.6) return generateDict(rand, depth, options, pick);
  if (roll < 0.75) return generateListOfDicts(rand, depth, options, pick);
  if (roll < 0.85) return Array.from({ length: Math.floor(rand() * 5) }, () => generateScalar(rand, pick));
  return Array.from({ length: Math.floor(rand() * 4) }, () => generateValue(rand, depth + 1, options));
}

function generateScalar(rand: () => number, pick: <T>(items: T[]) => T): Json {
  const roll = rand();
  if (roll < 0.6) return pick(STRINGS);
  if (roll < 0.8) return pick(NUMBERS);
  if (roll < 0.9) return rand() < 0.5;
  return null;
}

function generateDict(rand: () => number, depth: number, options: GenOptions, pick: <T>(items: T[]) => T): Json {
  const dict: { [key: string]: Json } = {};
  const size = Math.floor(rand() * (options.wide ? 9 : 5));
  for (let i = 0; i < size; i++) dict[pick(KEYS)] = generateValue(rand, depth + 1, options);
  return dict;
}

function generateListOfDicts(rand: () => number, depth: number, options: GenOptions, pick: <T>(items: T[]) => T): Json {
  const keys = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(KEYS));
  return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
    const element: { [key: string]: Json } = {};
    for (const key of keys) if (rand() < 0.8) element[key] = generateValue(rand, depth + 2, options);
    if (rand() < 0.2) element[pick(KEYS)] = generateScalar(rand, pick);
    return element;
  });
}

/** Hand-picked shapes that the random corpus reaches rarely. */
export const SHAPES: { name: string; data: Json }[] = [
  { name: 'caller identity', data: { UserId: 'AIDAEXAMPLE', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice' } },
  { name: 'one scalar key', data: { Only: 'value', Nested: { Inner: 1 } } },
  { name: 'list of scalars', data: ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
  { name: 'list of lists', data: [['a', 'b'], ['c', 'd']] },
  { name: 'ragged list of lists', data: [['a', 'b'], ['c']] },
  { name: 'scalar then list', data: ['a', ['b', 'c']] },
  { name: 'list with nested list', data: ['a', ['b', ['c']]] },
  { name: 'list of dict items after scalar', data: ['a', { k: 'v' }] },
  { name: 'mixed list dict first', data: [{ a: 1 }, 'x'] },
  { name: 'mixed list dict first then list', data: [{ a: 1 }, ['x']] },
  { name: 'mixed list dict first then empty', data: [{ a: 1 }, []] },
  { name: 'empty dict', data: {} },
  { name: 'empty list', data: [] },
  { name: 'nested empties', data: { a: [], b: {}, c: '', d: null, e: 0, f: false } },
  { name: 'scalar string', data: 'just text' },
  { name: 'scalar number', data: 42 },
  { name: 'scalar float', data: 1.5 },
  { name: 'scalar null', data: null },
  { name: 'scalar true', data: true },
  { name: 'scalar false', data: false },
  { name: 'empty string', data: '' },
  { name: 'zero', data: 0 },
  { name: 'list of dicts with only nested values', data: [{ a: { x: 1 } }, { a: { x: 2 } }] },
  { name: 'dict in list with scalar keys elsewhere', data: [{ a: 1 }, { a: [1, 2], b: 2 }] },
  {
    name: 'wide single row',
    data: { AAAAAAAAAA: 'x'.repeat(30), BBBBBBBBBB: 'y'.repeat(30), CCCCCCCCCC: 'z'.repeat(30) },
  },
  {
    name: 'wide multi row',
    data: { Rows: [{ A: 'x'.repeat(40), B: 'y'.repeat(40) }, { A: 'short', B: 'y'.repeat(45) }] },
  },
  {
    name: 'wide with nested',
    data: { Top: 'v', Other: 'w', Items: [{ Long: 'l'.repeat(70), Id: 1, Sub: { P: 'q'.repeat(50), R: 's' } }] },
  },
  { name: 'cjk table', data: { 名前: '日本語のテキスト', 値: 'ｆｕｌｌ', Ambiguous: '°±×÷Ω' } },
  { name: 'long title section', data: { ['VeryLongSectionNameThatIsWiderThanItsContent'.repeat(2)]: ['x'] } },
];
