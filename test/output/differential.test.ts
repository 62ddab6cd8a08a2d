// Formats a broad generated corpus with our formatters and with the AWS CLI's own (Python)
// formatters, and requires identical bytes (or the same error message).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOutput } from '../../src/engine/output/index.js';
import { SHAPES, generateValue, seededRandom, type Json } from './corpus.js';
import { runOracle, type OracleCase } from './oracle.js';

const TABLE_VARIANTS = [
  { width: 80, color: false },
  { width: 40, color: false },
  { width: 60, color: false },
  { width: 120, color: false },
  { width: 200, color: false },
  { width: 80, color: true },
];
const QUERIES = ['@', '*', '[]', '{whole: @}', '[@, @]', '[0]'];

function buildCases(): OracleCase[] {
  const rand = seededRandom(20261122);
  const values: Json[] = SHAPES.map((shape) => shape.data);
  for (let i = 0; i < 900; i++) values.push(generateValue(rand, 0, { maxDepth: 4 }));
  for (let i = 0; i < 250; i++) values.push(generateValue(rand, 1, { maxDepth: 3, wide: true }));
  const cases: OracleCase[] = [];
  values.forEach((value, index) => {
    // A response is always an object; other values reach the formatters through --query.
    const wrap = value === null || typeof value !== 'object' || Array.isArray(value);
    const data = wrap ? { Wrapped: value } : value;
    const select = (query?: string) => (wrap ? (query ? `Wrapped | ${query}` : 'Wrapped') : query);
    const title = index % 7 === 0 ? 'DescribeInstances' : index % 7 === 1 ? '名前の一覧' : 'Op';
    const query = select();
    for (const format of ['json', 'yaml', 'yaml-stream', 'text'] as const) cases.push({ data, format, title, query });
    for (const variant of TABLE_VARIANTS) cases.push({ data, format: 'table', title, query, ...variant });
    // Odd widths exercise the scaling and its half-to-even rounding.
    cases.push({ data, format: 'table', title, query, width: 20 + Math.floor(rand() * 140) });
    if (index % 5 === 0) {
      const extra = select(QUERIES[index % QUERIES.length]);
      for (const format of ['json', 'yaml', 'text', 'table'] as const) cases.push({ data, format, title, query: extra });
    }
  });
  return cases;
}

function ours(testCase: OracleCase): { stdout: string } | { error: string } {
  try {
    return {
      stdout: formatOutput(structuredClone(testCase.data), {
        format: testCase.format,
        title: testCase.title ?? 'Operation',
        terminalWidth: testCase.width ?? 80,
        color: testCase.color ?? false,
        query: testCase.query,
      }),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('formatters match the AWS CLI byte for byte', () => {
  it('on the generated corpus', () => {
    const cases = buildCases();
    const expected = runOracle(cases);
    const mismatches: string[] = [];
    cases.forEach((testCase, i) => {
      const want = 'error' in expected[i] ? { error: expected[i].error } : expected[i];
      const got = ours(testCase);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(
          `case ${i} ${JSON.stringify({ ...testCase, data: undefined })}\n` +
            `data: ${JSON.stringify(testCase.data)}\nwant: ${JSON.stringify(want)}\ngot:  ${JSON.stringify(got)}`,
        );
      }
    });
    // OUTPUT_DIFF_DUMP=<file> writes every mismatch out, for debugging.
    if (process.env.OUTPUT_DIFF_DUMP) writeFileSync(process.env.OUTPUT_DIFF_DUMP, mismatches.join('\n\n'));
    expect(cases.length).toBeGreaterThan(3000);
    expect(mismatches.slice(0, 5).join('\n\n'), `${mismatches.length} of ${cases.length} cases differ`).toBe('');
  });
});
