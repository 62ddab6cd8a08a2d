// Every case in cases/*.json against its recorded expectation (most were produced by botocore,
// see oracle.py; cases marked `oracle: false` carry hand-written expectations and a `why`).
process.env.TZ = 'America/Los_Angeles'; // epoch timestamps render in the local zone; pin it
import { describe, expect, it } from 'vitest';
import { ORACLE_TZ, comparable, loadCaseFiles, runCase } from './run-case.js';

expect(process.env.TZ).toBe(ORACLE_TZ);

for (const { file, cases } of loadCaseFiles()) {
  describe(file, () => {
    for (const c of cases) {
      it(c.name, () => {
        if (!c.expect) throw new Error(`case has no expectation: run test/protocols/fill-expectations.ts`);
        const actual = runCase(c);
        if (c.expect.throws !== undefined) {
          expect(actual.throws, JSON.stringify(actual)).toMatch(new RegExp(c.expect.throws));
          return;
        }
        expect(actual.throws).toBeUndefined();
        // JSON text, so key order counts (the CLI prints members in model order).
        expect(comparable(actual, false)).toBe(comparable(c.expect, false));
      });
    }
  });
}
