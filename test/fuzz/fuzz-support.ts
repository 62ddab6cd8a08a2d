// Shared settings for the property tests. fast-check's failure report carries the seed and the
// shrunk path; FUZZ_SEED / FUZZ_PATH replay one, FUZZ_SCALE multiplies every run count.
import fc from 'fast-check';

const scale = Number(process.env.FUZZ_SCALE ?? '1');

/** fc.assert with the replay settings; the thrown report (seed, path, counterexample) is what vitest shows. */
export function check<T>(property: fc.IPropertyWithHooks<T> | fc.IProperty<T>, runs: number): void {
  const seed = process.env.FUZZ_SEED;
  fc.assert(property, {
    numRuns: Math.max(1, Math.round(runs * scale)),
    ...(seed !== undefined && { seed: Number(seed), path: process.env.FUZZ_PATH }),
  });
}

/** Keys that break naive object code: prototype names, empty, and JS object built-ins. */
export const awkwardKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '');

/** A string that mixes plain text, control characters, astral characters and awkward keys. */
export function mixedText(maxLength = 12): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength }) },
    { weight: 1, arbitrary: awkwardKey },
  );
}

/** Splits bytes into consecutive pieces at arbitrary cut points. */
export function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  return out;
}
