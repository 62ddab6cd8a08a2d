// Runs the AWS CLI v2's own formatters (Debian's awscli, with its Python and ruamel.yaml) on the
// same data, for differential tests. A missing oracle is an error, never a skip.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { awsCliV2Path } from '../support/aws-cli.js';

export interface OracleCase {
  data: unknown;
  format: 'json' | 'yaml' | 'yaml-stream' | 'text' | 'table';
  title?: string;
  width?: number;
  color?: boolean;
  query?: string;
}

export type OracleResult = { stdout: string } | { error: string };

const HARNESS = fileURLToPath(new URL('./oracle/format_with_awscli.py', import.meta.url));

/** The Python interpreter the AWS CLI v2 runs on (from its launcher's #! line). */
export function awsCliPython(): string {
  const launcher = awsCliV2Path();
  if (!existsSync(launcher)) {
    throw new Error(`AWS CLI v2 not found at ${launcher}: install it (apt-get install -y awscli); these tests need it as the oracle`);
  }
  const shebang = readFileSync(launcher, 'utf8').split('\n')[0];
  const match = /^#!\s*(\S+)/.exec(shebang);
  if (!match) throw new Error(`cannot find the Python interpreter of ${launcher} (first line: ${shebang})`);
  return match[1];
}

export function runOracle(cases: OracleCase[]): OracleResult[] {
  return runOracleOnText(JSON.stringify(cases), cases.length);
}

/** The same, for cases written as JSON text (so Python reads `1.0` and big ints as it would from a response). */
export function runOracleOnText(casesJson: string, count: number): OracleResult[] {
  const python = awsCliPython();
  let stdout: string;
  try {
    stdout = execFileSync(python, [HARNESS], {
      input: casesJson,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`the AWS CLI formatter oracle (${python} ${HARNESS}) failed:\n${stderr || (error as Error).message}`);
  }
  const results = JSON.parse(stdout) as OracleResult[];
  if (results.length !== count) throw new Error(`oracle answered ${results.length} of ${count} cases`);
  return results;
}

/** Python's jmespath (the CLI's) error text for each expression, or null when it compiles. */
export function pythonQueryErrors(expressions: string[]): (string | null)[] {
  const script = [
    'import json, sys, jmespath',
    'out = []',
    'for expression in json.loads(sys.stdin.read()):',
    '    try:',
    '        jmespath.compile(expression)',
    '        out.append(None)',
    '    except Exception as e:',
    '        out.append(str(e))',
    'sys.stdout.write(json.dumps(out))',
  ].join('\n');
  const stdout = execFileSync(awsCliPython(), ['-c', script], { input: JSON.stringify(expressions), encoding: 'utf8' });
  return JSON.parse(stdout) as (string | null)[];
}
