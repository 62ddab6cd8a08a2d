// Text every listing page decodes thousands of times, now decoded by hand-written scans: URL-encoded
// keys (botocore's unquote_str is the oracle) and `…Z` timestamps (botocore's parse_timestamp and
// the CLI's isoformat are the oracle; the scan must also agree with the general path it short-cuts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unquotePlus } from '../../src/engine/protocols/encoding.js';
import { renderTimestamp } from '../../src/engine/protocols/timestamps.js';
import { runPython, V1_PYTHON } from '../cli-params/python-oracle.js';
import { check } from './fuzz-support.js';

const sampleSeed = () => Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const PYTHON_UNQUOTE = `
import json, sys
from botocore.compat import unquote_str
print(json.dumps([unquote_str(text) for text in json.load(sys.stdin)]))
`;

const PYTHON_TIMESTAMPS = `
import json, sys
from botocore.utils import parse_timestamp
print(json.dumps([parse_timestamp(text).isoformat() for text in json.load(sys.stdin)]))
`;

const keyPiece = fc.oneof(
  fc.constantFrom('%', '+', '%2', '%2F', '%2f', '%20', '%2B', '%E2%82%AC', '%F0%9F%98%80', '%C3', '%C3%28', '%ZZ', '%%41', '%FF%FE', '%00', '%7F%80', '%ED%A0%80'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 2 }),
);

describe('URL-encoded keys', () => {
  it('decode as botocore decodes them, on 3000 generated keys', () => {
    const seed = sampleSeed();
    const keys = fc.sample(fc.array(keyPiece, { maxLength: 12 }).map((pieces) => pieces.join('')), { numRuns: 3000, seed });
    const expected = runPython<string[]>(V1_PYTHON, PYTHON_UNQUOTE, keys);
    const mismatches = keys.map((key, i) => ({ key, ours: unquotePlus(key), botocore: expected[i] })).filter((d) => d.ours !== d.botocore);
    expect(mismatches.slice(0, 3), `sample seed ${seed} (replay with FUZZ_SEED=${seed})`).toEqual([]);
  });
});

describe('UTC timestamps', () => {
  const fraction = fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{1,9}$/));
  const instant = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
  const utcText = fc.tuple(instant, fraction).map(([date, frac]) => `${date.toISOString().slice(0, 19)}${frac}Z`);

  it('render as the CLI renders them, on 2000 generated instants', () => {
    const seed = sampleSeed();
    const texts = fc.sample(utcText, { numRuns: 2000, seed });
    const expected = runPython<string[]>(V1_PYTHON, PYTHON_TIMESTAMPS, texts);
    const mismatches = texts.map((text, i) => ({ text, ours: renderTimestamp(text), botocore: expected[i] })).filter((d) => d.ours !== d.botocore);
    expect(mismatches.slice(0, 3), `sample seed ${seed} (replay with FUZZ_SEED=${seed})`).toEqual([]);
  });

  it('render as the general path does for any field values, valid or not', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 0, max: 9999 }), two, two, two, two, two, fc.oneof(fraction, fc.constantFrom('.', ',5', '.5x')), fc.constantFrom('Z', 'z', '+00:00', ''))
      .map(([y, mo, d, h, mi, s, f, z]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`);
    const render = (raw: string) => {
      try {
        return renderTimestamp(raw);
      } catch {
        return 'invalid';
      }
    };
    // A leading space is allowed by the general path and turns the scan off.
    check(fc.property(text, (raw) => {
      expect(render(raw)).toBe(render(` ${raw}`));
    }), 20000);
  });
});
