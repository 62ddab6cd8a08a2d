// The shorthand parser on random input: it returns a value or raises a ShorthandParseError (never
// a TypeError, never a stack overflow, even for deep nesting), and on a sample of inputs it gives
// awscli v2's own parser's value or error text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShorthandParseError, ShorthandParser } from '../../src/cli/params/shorthand.js';
import { runPython, V2_PYTHON } from '../cli-params/python-oracle.js';
import { awkwardKey, check } from './fuzz-support.js';

// Pieces of the grammar and things around it, so most inputs get past the first few characters.
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Key', 'x.y', 'b-c', '=', ',', '[', ']', '{', '}', "'", '"', '\\', '\\,', ' ', '@=', '\n', '\t', '\\\\', "\\'", '\\"') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:/#-]{1,5}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: awkwardKey.map((k) => `${k}=`) },
);
const soup = fc.array(token, { maxLength: 20 }).map((parts) => parts.join(''));

// Well-formed shorthand: `k=v,k2=a,b,k3=[x,{y=z}]`, with quoting and spacing.
const key = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.:/#-]{1,6}$/), awkwardKey.filter((k) => k !== ''));
const bare = fc.stringMatching(/^[A-Za-z0-9_.:/#* -]{0,6}$/);
const quoted = fc.tuple(fc.constantFrom("'", '"'), fc.string({ unit: 'binary', maxLength: 5 })).map(([q, s]) => q + s.replaceAll('\\', '\\\\').replaceAll(q, `\\${q}`) + q);
const { value } = fc.letrec<{ value: string; list: string; hash: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, bare, quoted, tie('list'), tie('hash')),
  list: fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(fc.sample(fc.constantFrom(',', ', '), 1)[0])}]`),
  hash: fc.array(fc.tuple(key, tie('value')), { maxLength: 3 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}=${v}`).join(',')}}`),
}));
const wellFormed = fc.array(fc.tuple(key, fc.oneof(value, fc.array(bare, { minLength: 2, maxLength: 3 }).map((v) => v.join(',')))), { minLength: 1, maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join(','));
const withToken = fc.tuple(wellFormed, fc.nat(), token).map(([s, at, t]) => s.slice(0, at % (s.length + 1)) + t + s.slice(at % (s.length + 1)));

const shorthandInput = fc.oneof(wellFormed, withToken, soup);

const ORACLE = `
import json, sys
from awscli.shorthand import ShorthandParser, ShorthandParseError
out = []
for value in json.load(sys.stdin):
    try:
        out.append({"ok": ShorthandParser().parse(value)})
    except ShorthandParseError as e:
        out.append({"error": str(e)})
    except RecursionError:
        out.append({"recursion": True})
print(json.dumps(out))
`;

type Outcome = { ok: unknown } | { error: string } | { recursion: true };

function ours(input: string): Outcome {
  try {
    return { ok: new ShorthandParser().parse(input) };
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ShorthandParseError);
    return { error: (error as Error).message };
  }
}

describe('shorthand parser properties', () => {
  it('returns a value or raises a ShorthandParseError', () => {
    check(fc.property(shorthandInput, (input) => {
      ours(input);
    }), 5000);
  });

  it('raises a ShorthandParseError for nesting too deep to read, never a stack overflow', () => {
    check(fc.property(fc.oneof(fc.constantFrom(999, 1000, 1001), fc.integer({ min: 1, max: 20000 })), fc.constantFrom('[', '{a=', 'a=[', 'a={b='), (depth, open) => {
      ours(`a=${open.repeat(depth)}`);
      ours(open.repeat(depth));
    }), 50);
  });

  it('agrees with awscli v2 on 2000 sampled inputs', () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    // `key@=file` is newer than the oracle (2.9.19), and is checked against v1 in test/cli-params.
    const inputs = fc.sample(shorthandInput, { numRuns: 2000, seed }).filter((input) => !input.includes('@'));
    const expected = runPython<Outcome[]>(V2_PYTHON, ORACLE, inputs);
    const mismatches = inputs.flatMap((input, i) => {
      const got = ours(input);
      return JSON.stringify(got) === JSON.stringify(expected[i]) ? [] : [{ input, got, cli: expected[i] }];
    });
    expect(mismatches.slice(0, 3), `${mismatches.length} of ${inputs.length} differ; sample seed ${seed} (FUZZ_SEED=${seed})`).toEqual([]);
    expect(expected.filter((e) => 'ok' in e).length).toBeGreaterThan(400);
    expect(expected.filter((e) => 'error' in e).length).toBeGreaterThan(400);
  });
});
