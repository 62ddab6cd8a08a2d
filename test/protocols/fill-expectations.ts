// One-off helper: fills `expect` for cases that lack it from botocore (oracle.py).
// Run: TZ=America/Los_Angeles npx tsx test/protocols/fill-expectations.ts  — then read the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR, loadCaseFiles, oracleAsExpectation, runOracle } from './run-case.js';

for (const { file } of loadCaseFiles()) {
  const path = join(CASES_DIR, file);
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { cases: Array<Record<string, unknown>> };
  const todo = doc.cases.filter((c) => !c.expect && c.oracle !== false);
  if (!todo.length) continue;
  const results = runOracle(todo as never);
  todo.forEach((c, i) => {
    if (results[i].failure) console.error(`${file}: ${String(c.name)}: oracle failed: ${results[i].failure}`);
    else c.expect = oracleAsExpectation(results[i]);
  });
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
  console.log(`${file}: filled ${todo.length}`);
}
