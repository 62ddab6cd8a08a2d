// Response JSON is read as Python's json.loads reads it and written as json.dumps writes it. On
// generated and mutated documents, our reader and writers must agree with Python's byte for byte,
// and reject exactly the documents Python rejects (with a SyntaxError, nothing else).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExactJson } from '../../src/engine/exact-json.js';
import { pyJsonDumps as cliJson } from '../../src/engine/output/json.js';
import { pyJsonDumps } from '../../src/engine/pyjson.js';
import type { PyValue } from '../../src/engine/output/python-values.js';
import { runPython, V1_PYTHON } from '../cli-params/python-oracle.js';
import { check } from './fuzz-support.js';
import { jsonText, mutated } from './json-text.js';

// A document with an array-index key ("4") is left out: JavaScript objects list such keys first,
// where Python keeps document order (a known difference, noted in test/fuzz/json-text.ts).
// Generated documents have none; a mutation can make one.
const PYTHON_JSON = `
import json, re, sys
INDEX = re.compile(r'(0|[1-9][0-9]*)\\Z')
def index_keys(v):
    if isinstance(v, dict):
        return any(INDEX.match(k) and int(k) < 2**32 - 1 for k in v) or any(index_keys(x) for x in v.values())
    if isinstance(v, list):
        return any(index_keys(x) for x in v)
    return False
out = []
for text in json.load(sys.stdin):
    try:
        value = json.loads(text)
    except ValueError as e:
        out.append(None)
        continue
    out.append('skip' if index_keys(value) else [json.dumps(value, indent=4, ensure_ascii=False), json.dumps(value)])
print(json.dumps(out))
`;

type Dumped = [string, string] | null;

function ours(text: string): Dumped {
  let value: unknown;
  try {
    value = parseExactJson(text);
  } catch (error) {
    expect(error, `${String(error)} for ${JSON.stringify(text)}`).toBeInstanceOf(SyntaxError);
    return null;
  }
  return [cliJson(value as PyValue, 4), pyJsonDumps(value)];
}

/** Samples `count` documents and compares each with Python in one process. */
function agreeWithPython(documents: fc.Arbitrary<string>, count: number, seed?: number): { accepted: number } {
  const texts = fc.sample(documents, { numRuns: count, ...(seed !== undefined && { seed }) });
  const expected = runPython<Array<Dumped | 'skip'>>(V1_PYTHON, PYTHON_JSON, texts);
  const mismatches = texts.map((text, i) => ({ text, ours: ours(text), python: expected[i] }))
    .filter((d) => d.python !== 'skip' && JSON.stringify(d.ours) !== JSON.stringify(d.python));
  expect(mismatches.slice(0, 3), `sample seed ${seed} (replay with FUZZ_SEED=${seed})`).toEqual([]);
  return { accepted: expected.filter((e) => e !== null).length };
}

const sampleSeed = () => Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

describe('exact JSON against Python json', () => {
  it('reads and writes 3000 generated documents as Python does', () => {
    const seed = sampleSeed();
    const { accepted } = agreeWithPython(jsonText, 3000, seed);
    expect(accepted, `seed ${seed}`).toBeGreaterThan(2900);
  });

  it('rejects exactly what Python rejects in 3000 mutated documents', () => {
    const seed = sampleSeed();
    const { accepted } = agreeWithPython(mutated(jsonText), 3000, seed);
    expect(accepted, `seed ${seed}`).toBeGreaterThan(300);
    expect(accepted, `seed ${seed}`).toBeLessThan(2800);
  });

  it('reads deep nesting or raises a SyntaxError, never a stack overflow', () => {
    check(fc.property(fc.integer({ min: 1, max: 100000 }), fc.constantFrom('1.0', '1', '"s"'), fc.boolean(), (depth, leaf, closed) => {
      const text = '[{"a":'.repeat(depth) + leaf + (closed ? '}]'.repeat(depth) : '');
      try {
        parseExactJson(text);
        expect(closed).toBe(true);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(SyntaxError);
      }
    }), 40);
  });

  it('reads what it writes: dumps → parse → dumps is stable', () => {
    check(fc.property(jsonText, (text) => {
      // Python writes 1e400 as Infinity and reads it back, and so must we.
      const once = pyJsonDumps(parseExactJson(text));
      expect(pyJsonDumps(parseExactJson(once))).toBe(once);
      const pretty = cliJson(parseExactJson(text) as PyValue, 4);
      expect(cliJson(parseExactJson(pretty) as PyValue, 4)).toBe(pretty);
    }), 3000);
  });
});
