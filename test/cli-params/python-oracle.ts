// Runs a Python snippet once with JSON on stdin and returns its JSON stdout. The AWS CLI's own
// code is the oracle; a missing interpreter or module fails the test instead of skipping it.
import { execFileSync } from 'node:child_process';

/** The AWS CLI v2 from Debian runs on the system Python with its modules in dist-packages. */
export const V2_PYTHON = '/usr/bin/python3';
/** The image's Python with AWS CLI v1 and botocore. */
export const V1_PYTHON = 'python3';

export function runPython<T>(python: string, script: string, input: unknown): T {
  let out: string;
  try {
    out = execFileSync(python, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    throw new Error(`python oracle failed (${python}); the AWS CLI's Python modules are required: ${(err as Error).message}`);
  }
  return JSON.parse(out) as T;
}
