// Loops over test/output/cases/*.json: each case's bytes were recorded from the AWS CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOutput } from '../../src/engine/output/index.js';
import type { OutputCaseFile } from './case-file.js';

const dir = fileURLToPath(new URL('./cases/', import.meta.url));
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('output case files', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(0));

  for (const name of files) {
    const file = JSON.parse(readFileSync(dir + name, 'utf8')) as OutputCaseFile;
    describe(`${name}: ${file.description}`, () => {
      for (const testCase of file.cases) {
        it(testCase.name, () => {
          const run = () =>
            formatOutput(testCase.data, {
              format: testCase.format,
              title: testCase.title ?? 'Operation',
              terminalWidth: testCase.width ?? 80,
              color: testCase.color ?? false,
              query: testCase.query,
            });
          if (testCase.expectedError !== undefined) {
            expect(run).toThrowError(testCase.expectedError);
          } else {
            expect(testCase.expected, 'case has no recorded output').toBeTypeOf('string');
            expect(run()).toBe(testCase.expected);
          }
        });
      }
    });
  }
});
