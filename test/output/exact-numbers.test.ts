// Numbers as the CLI prints them: response JSON with big ints and floats such as 1.0 or 1e-07 is read
// by our exact reader and by Python's json.loads (the CLI's), then formatted and queried by both;
// the bytes (or error texts) must be the same.
import { describe, expect, it } from 'vitest';
import { parseExactJson, PyFloat } from '../../src/engine/exact-json.js';
import { formatOutput } from '../../src/engine/output/index.js';
import { runOracleOnText } from './oracle.js';

const DOCUMENTS = [
  `{"Big": 12345678901234567890123, "Neg": -9007199254740993, "Safe": 9007199254740991, "Edge": 9007199254740992,
    "One": 1.0, "Tiny": 1e-07, "Huge": 1e+16, "Exp": 1E5, "Frac": 2.50, "Zero": 0.0, "NegZero": -0.0, "Int": 7,
    "Float": 1.5, "Str": "1.0", "BigStr": "12345678901234567890", "Inf": 1e400,
    "Items": [{"Name": "a", "Size": 3.0, "Id": 18446744073709551615}, {"Name": "b", "Size": 2, "Id": 18446744073709551614},
              {"Name": "c", "Size": 2.5, "Id": 9007199254740993}, {"Name": "d", "Size": 1e-07, "Id": 1}],
    "Values": [1.0, 2, 1e-07, 12345678901234567890, 3.5, -0.0, 100.0, 1e22, 1.7976931348623157e308, 0.1]}`,
  `{"Text": "id 1234567890123456789 and 1.0 and 1e5", "Esc": "a\\"b\\u00e9 1.0 \\ud83d\\ude00", "Nested": {"k": [true, false, null, {"x": 1.0, "y": 10000000000000000}]},
    "Ints": [9007199254740993, 9007199254740992, 9007199254740994, 1], "Floats": [5.0, 4.0, 6e0, 1E+2]}`,
  `{"Plain": 12, "Half": 0.5, "List": [1, 2, 3], "Name": "no special numbers at all"}`,
  // Pretty-printed, and numbers right after '[' or at a line's end: what the quick pre-scan must not miss.
  `{
    "A": [1.0,2.00,
      12345678901234567.5],
    "B": 1.0e5,
    "C": -12345678901234567890
    ,"D": [10000000000000000]}`,
];

const QUERIES = [
  undefined, 'Items[].Size', 'sort_by(Items, &Size)[].Name', 'sort_by(Items, &Id)[].Name', 'max_by(Items, &Id).Name',
  'min_by(Items, &Size)', 'Items[?Size > `2`].Name', 'Items[?Size == `3`].Name', 'Items[?Id == `18446744073709551615`].Name',
  'Items[?Id > `9007199254740992`].Id', 'sum(Items[].Size)', 'sum(Items[].Id)', 'avg(Items[].Size)', 'sum(Values)', 'max(Values)',
  'min(Values)', 'sort(Values)', 'sort(Ints)', 'max(Ints)', 'sort(Floats)', 'sum(Floats)', 'avg(Floats)', 'abs(NegZero)',
  'abs(Neg)', 'ceil(Tiny)', 'floor(Huge)', 'ceil(Big)', 'floor(Inf)', 'to_string(One)', 'to_string(@)', 'to_number(Str)',
  'to_number(BigStr)', 'to_number(`"1e5"`)', 'type(Big)', 'type(One)', 'contains(Values, `1`)', 'contains(Ints, `9007199254740992`)',
  'Big > Safe', 'Edge == `9007199254740993`', 'One == `1`', 'Int == `7.0`', '`1.0`', '`[1.0, 20000000000000000000]`', '`12345678901234567890`', '`1e5`', 'A[0] == `1.0`',
  '[Big, One, Tiny, Exp, Huge]', '{b: Big, o: One, t: Tiny}', 'Items[0].Size', 'Exp', 'Values[?@ > `1.5`]', 'Values[-2:]',
  'Values[::-3]', 'length(Esc)', 'reverse(Esc)', 'Nested.k[3]', 'Str < Int', 'sum(Items)', 'abs(Str)', 'sort_by(Items, &Name)[0]',
  'Floats | [?@ == `5`]', '!Zero', 'Zero || `"fallback"`', 'merge(Nested, `{"z": 1.0}`)', 'List[?@ >= `2`]', 'max(List)',
];

const FORMATS = ['json', 'yaml', 'text', 'table'] as const;

interface NumberCase { doc: number; format: (typeof FORMATS)[number]; query?: string }

function buildCases(): NumberCase[] {
  const cases: NumberCase[] = [];
  DOCUMENTS.forEach((_, doc) => {
    for (const query of QUERIES) for (const format of FORMATS) cases.push({ doc, format, ...(query !== undefined && { query }) });
  });
  return cases;
}

function ours(c: NumberCase): { stdout: string } | { error: string } {
  try {
    return { stdout: formatOutput(parseExactJson(DOCUMENTS[c.doc]!), { format: c.format, title: 'Op', terminalWidth: 80, query: c.query }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('exact numbers', () => {
  it('reads integers and floats as Python json.loads does', () => {
    const value = parseExactJson('{"a": 1.0, "b": 12345678901234567890, "c": 1e-07, "d": 9007199254740991, "e": -0.0, "f": "1.0"}') as Record<string, unknown>;
    expect(value.a).toEqual(new PyFloat(1));
    expect(value.b).toBe(12345678901234567890n);
    expect(value.c).toBe(1e-7);
    expect(value.d).toBe(9007199254740991);
    expect(Object.is((value.e as PyFloat).value, -0)).toBe(true);
    expect(value.f).toBe('1.0');
    expect(JSON.stringify(value.a)).toBe('1');
  });

  it('rejects what JSON.parse rejects', () => {
    for (const bad of ['{"a": 1.0,}', '[1.0 2]', '{"a" 1.0}', '01.0', '1.0 x', '"\u0001" 1.0', '[1.]', '{"a": -}']) {
      expect(() => parseExactJson(bad), bad).toThrow(SyntaxError);
    }
    expect(parseExactJson(' {"__proto__": 1.0} ')).toHaveProperty('__proto__');
  });

  it('formats and queries them byte for byte as the AWS CLI v2', () => {
    const cases = buildCases();
    // The oracle reads the documents as JSON text, so Python's json.loads sees the same literals.
    const text = `[${cases.map((c) => `{"data": ${DOCUMENTS[c.doc]}, "format": ${JSON.stringify(c.format)}, "title": "Op"${c.query !== undefined ? `, "query": ${JSON.stringify(c.query)}` : ''}}`).join(',\n')}]`;
    const expected = runOracleOnText(text, cases.length);
    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const want = 'error' in expected[i]! ? { error: (expected[i] as { error: string }).error } : expected[i];
      const got = ours(c);
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`doc ${c.doc} ${c.format} ${c.query}\nwant: ${JSON.stringify(want)}\ngot:  ${JSON.stringify(got)}`);
    });
    expect(mismatches.slice(0, 6).join('\n\n'), `${mismatches.length} of ${cases.length} differ`).toBe('');
  });
});
