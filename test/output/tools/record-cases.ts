// Fills in `expected` / `expectedError` of every case in test/output/cases/*.json from the AWS
// CLI v2's own formatters. Run: npx tsx test/output/tools/record-cases.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runOracle } from '../oracle.js';
import type { OutputCase, OutputCaseFile } from '../case-file.js';

const dir = fileURLToPath(new URL('../cases/', import.meta.url));
for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
  const file = JSON.parse(readFileSync(dir + name, 'utf8')) as OutputCaseFile;
  const results = runOracle(file.cases.map(({ data, format, title, width, color, query }) => ({ data, format, title, width, color, query })));
  file.cases = file.cases.map((testCase, i): OutputCase => {
    const { expected: _e, expectedError: _x, ...input } = testCase;
    const result = results[i];
    return 'error' in result ? { ...input, expectedError: result.error } : { ...input, expected: result.stdout };
  });
  writeFileSync(dir + name, JSON.stringify(file, null, 2) + '\n');
  console.log(`${name}: ${file.cases.length} cases recorded`);
}
