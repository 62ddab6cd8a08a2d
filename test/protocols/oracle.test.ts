// Live cross-check: the same cases through the installed botocore (python3), compared with ours.
// No python3/botocore means a failure here, never a skip.
process.env.TZ = 'America/Los_Angeles';
import { describe, expect, it } from 'vitest';
import { comparable, loadCaseFiles, runCase, runOracle } from './run-case.js';

for (const { file, cases } of loadCaseFiles()) {
  const checked = cases.filter((c) => c.oracle !== false);
  describe(`${file} against botocore`, () => {
    const results = checked.length ? runOracle(checked) : [];
    checked.forEach((c, i) => {
      it(c.name, () => {
        const oracle = results[i];
        expect(oracle.failure, `botocore could not run this case`).toBeUndefined();
        expect(comparable(runCase(c), false)).toBe(comparable(oracle, true));
      });
    });
  });
}
