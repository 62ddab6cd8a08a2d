// --query: results through the jmespath package, and syntax errors worded exactly as the CLI's
// Python jmespath words them (checked against that Python, and once end to end against the CLI).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyQuery, formatCliErrorLine, QueryError } from '../../src/engine/output/index.js';
import { jmespathSyntaxError } from '../../src/engine/output/jmespath-syntax.js';
import { seededRandom } from './corpus.js';
import { pythonQueryErrors } from './oracle.js';
import { awsCliV2Path } from '../support/aws-cli.js';

const HAND_PICKED = [
  'foo[', 'foo.', '[', 'a || ', 'foo]', '`{bad', "'abc", 'foo[?a==`1`', '@@', 'length(@, @', 'foo bar', '',
  'a.b.c', 'a[0].b', 'a[*].b', 'a[].b', 'a[?b>`1`].c', '{a: b, c: d}', '[a, b]', 'a | b', 'a || b && c',
  '!a', '&a', 'sort_by(@, &a)', 'a[1:2:3]', 'a[::-1]', 'a[1:2:3:4]', 'a[:a]', '"quoted"', '"q"(a)', '"bad\\q"',
  '"ctl\u0001"', '"\\u12"', '`"lit"`', '`1`', '`[1, 2]`', '`bare`', '` spaced`', '`{"a": 1}` x', "'raw' x",
  'a =b', 'a=', '=', '-', '-1', 'a[-1]', 'é', 'a.é', 'a.*.b', 'a.[b]', 'a.{b: c}', 'a.1', 'a.@', '*', '*.a',
  '[]', '[].a', '[?a]', 'a[?', 'a()', 'a(', '(a', '(a)', 'a)', 'a}', '{a}', '{a:}', '{"a": b}', '{1: a}',
  'a[*', 'a[*]b', 'a[b', 'a[0', 'a[0]]', 'a.b(c)', 'a[0](c)', 'foo.`1`', 'a < b', 'a <= b', 'a != b', 'a ! b',
  'a >', 'a\tb', 'a\n.b', 'a..b', 'a|', '|a', '&&', 'a && ', 'not_null(a, b)', 'length(`[1]`, `2`)', '@.a',
  'a[`1`]', 'a[\'x\']', '"a"."b"', '"a"["b"]', "a[?b=='c']", 'a[?b==`"c"`]', 'a.b | [0]', '`"a\\`b"`',
];

// Random strings of JMESPath pieces: most are invalid in some interesting way.
function fuzzExpressions(count: number): string[] {
  const pieces = ['a', 'b', 'foo', '"q"', '.', '*', '[', ']', '[]', '[?', '(', ')', '{', '}', ':', ',', '|', '||',
    '&', '&&', '!', '!=', '==', '<', '>=', '@', '0', '-1', '`1`', "'s'", ' ', 'length', '?', '`x`'];
  const rand = seededRandom(7);
  return Array.from({ length: count }, () => {
    const size = 1 + Math.floor(rand() * 7);
    return Array.from({ length: size }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
  });
}

describe('applyQuery', () => {
  it('evaluates JMESPath', () => {
    const data = { Reservations: [{ Instances: [{ InstanceId: 'i-1' }, { InstanceId: 'i-2' }] }] };
    expect(applyQuery('Reservations[].Instances[].InstanceId', data)).toEqual(['i-1', 'i-2']);
    expect(applyQuery('length(Reservations)', data)).toBe(1);
    expect(applyQuery('missing', data)).toBeNull();
  });

  it('words arity errors as Python jmespath does, with exit code 255', () => {
    expect(() => applyQuery('length(a, b)', {})).toThrowError('Expected 1 argument for function length(), received 2');
    expect(() => applyQuery('not_null()', {})).toThrowError('Expected at least 1 argument for function not_null(), received 0');
    expect(() => applyQuery('nope(`1`)', {})).toThrowError('Unknown function: nope()');
  });

  it('rejects a bad expression with the CLI message and exit code 252', () => {
    let caught: unknown;
    try {
      applyQuery('foo[', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QueryError);
    expect((caught as QueryError).exitCode).toBe(252);
    expect((caught as QueryError).message).toBe(
      'Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n"foo["\n     ^',
    );
  });
});

describe('syntax errors match Python jmespath (the CLI’s)', () => {
  it('for hand-picked and fuzzed expressions', () => {
    const expressions = [...HAND_PICKED, ...fuzzExpressions(3000)];
    const expected = pythonQueryErrors(expressions);
    const mismatches: string[] = [];
    expressions.forEach((expression, i) => {
      const got = jmespathSyntaxError(expression) ?? null;
      if (got !== expected[i]) mismatches.push(`${JSON.stringify(expression)}\n want ${JSON.stringify(expected[i])}\n got  ${JSON.stringify(got)}`);
    });
    expect(mismatches.slice(0, 8).join('\n'), `${mismatches.length} of ${expressions.length} differ`).toBe('');
  });

  it('end to end: the AWS CLI v2 prints the same stderr and exits 252', () => {
    const expression = 'foo bar';
    let stderr = '';
    let status: number | null = null;
    try {
      execFileSync(awsCliV2Path(), ['sts', 'get-caller-identity', '--query', expression, '--region', 'us-east-1'], {
        encoding: 'utf8',
        stdio: 'pipe',
        env: {
          PATH: process.env.PATH,
          HOME: '/nonexistent-awsdeck-test-home',
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'secret',
          AWS_CONFIG_FILE: '/nonexistent-awsdeck-config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent-awsdeck-credentials',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
      status = (error as { status: number }).status;
    }
    let ours: QueryError | undefined;
    try {
      applyQuery(expression, {});
    } catch (error) {
      ours = error as QueryError;
    }
    expect(status).toBe(252);
    expect(ours?.exitCode).toBe(252);
    expect(formatCliErrorLine(ours!.message)).toBe(stderr);
  });
});
