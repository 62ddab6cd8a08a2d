// The output formatters on random responses: every format either prints or raises one of the
// errors the CLI itself raises (never a TypeError or a stack overflow); json output reads back
// to the same value; and on a sample, json/yaml/text/table print the AWS CLI's own bytes, which
// settles what happens to control characters (the CLI writes them as they are in text and table).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExactJson } from '../../src/engine/exact-json.js';
import { applyQuery, formatOutput, OutputError, TableRowError, type OutputFormat } from '../../src/engine/output/index.js';
import { runOracleOnText, type OracleCase } from '../output/oracle.js';
import { check, mixedText } from './fuzz-support.js';
import { jsonObjectText, jsonText } from './json-text.js';

const FORMATS: OutputFormat[] = ['json', 'yaml', 'yaml-stream', 'text', 'table'];

/** The formatters' own errors, and the plain Errors that carry the CLI's Python error texts. */
function expectOwnError(error: unknown): void {
  const ok = error instanceof OutputError || error instanceof TableRowError || (error instanceof Error && error.constructor === Error);
  expect(ok, `unexpected ${(error as Error)?.name}: ${(error as Error)?.message}`).toBe(true);
}

function format(value: unknown, fmt: OutputFormat, width = 80, color = false, title = 'Operation'): string | undefined {
  try {
    const out = formatOutput(value, { format: fmt, title, terminalWidth: width, color });
    expect(typeof out).toBe('string');
    return out;
  } catch (error) {
    expectOwnError(error);
    return undefined;
  }
}

/** Every key and string of a parsed value, joined. */
function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(allText).join('');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => k + allText(v)).join('');
  return '';
}

/** A value nested `depth` levels deep in lists and objects. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { [`k${i}`]: value, s: 'x' };
  return value;
}

describe('formatters on random values', () => {
  it('print or raise their own error, for every format and width', () => {
    check(fc.property(jsonText, fc.constantFrom(...FORMATS), fc.integer({ min: 1, max: 200 }), fc.boolean(), (text, fmt, width, color) => {
      const value = parseExactJson(text);
      // A response is an object; other values reach the formatters through --query.
      format({ Wrapped: value }, fmt, width, color);
      format(value, fmt, width, color);
    }), 3000);
  });

  it('text and table (colour off) emit no control character the data did not hold', () => {
    const controls = (s: string) => new Set(s.match(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g) ?? []);
    check(fc.property(jsonObjectText, fc.constantFrom<OutputFormat>('text', 'table'), fc.integer({ min: 20, max: 120 }), (text, fmt, width) => {
      const value = parseExactJson(text);
      const out = format(value, fmt, width);
      if (out === undefined) return;
      const held = controls(allText(value));
      for (const ch of controls(out)) expect(held.has(ch), `output has ${JSON.stringify(ch)}`).toBe(true);
    }), 2000);
  });

  it('--query {name: …} builds an object holding every name asked for', () => {
    check(fc.property(fc.uniqueArray(mixedText(8), { minLength: 1, maxLength: 4 }), (names) => {
      const query = `{${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')}}`;
      const result = applyQuery(query, { v: names.map((_n, i) => i) }) as Record<string, unknown>;
      expect(Object.entries(result)).toEqual(expect.arrayContaining(names.map((n, i) => [n, i])));
      expect(Object.keys(result)).toHaveLength(names.length);
    }), 2000);
  });

  it('json output reads back as the same value', () => {
    check(fc.property(jsonObjectText, (text) => {
      const out = format(parseExactJson(text), 'json');
      expect(out).toBeDefined();
      if (out === '') return; // {} prints nothing, as in the CLI
      expect(format(parseExactJson(out!), 'json')).toBe(out);
    }), 3000);
  });

  it('deeply nested values print, or raise an OutputError past what the CLI can read', () => {
    check(fc.property(fc.integer({ min: 1, max: 20000 }), fc.constantFrom(...FORMATS), (depth, fmt) => {
      try {
        expect(typeof formatOutput(nested(depth, 'leaf'), { format: fmt, title: 'Op' })).toBe('string');
        expect(depth).toBeLessThanOrEqual(1000);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(OutputError);
        expect(depth).toBeGreaterThan(900);
      }
    }), 60);
  });

  it('print the AWS CLI’s bytes on 300 sampled responses in json, yaml, text and table', () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    const texts = fc.sample(jsonObjectText, { numRuns: 300, seed });
    const cases: OracleCase[] = [];
    for (const [i, text] of texts.entries()) {
      for (const fmt of ['json', 'yaml', 'text', 'table'] as const) cases.push({ data: i, format: fmt, width: 40 + (i % 100) });
    }
    // The data goes as text, so Python reads 1.0 and big ints from it as it would from a response.
    const casesJson = `[${cases.map((c) => JSON.stringify({ ...c, data: null }).replace('"data":null', () => `"data":${texts[c.data as number]}`)).join(',')}]`;
    const expected = runOracleOnText(casesJson, cases.length);
    const mismatches = cases.flatMap((c, i) => {
      const text = texts[c.data as number];
      let got: { stdout: string } | { error: string };
      try {
        got = { stdout: formatOutput(parseExactJson(text), { format: c.format, title: 'Operation', terminalWidth: c.width }) };
      } catch (error) {
        got = { error: (error as Error).message };
      }
      const want = 'error' in expected[i] ? { error: expected[i].error } : expected[i];
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ format: c.format, width: c.width, text, got, want }];
    });
    expect(mismatches.slice(0, 2), `${mismatches.length} of ${cases.length} differ; sample seed ${seed} (FUZZ_SEED=${seed})`).toEqual([]);
  });
});
