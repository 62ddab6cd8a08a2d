// The shorthand parser differentially against the AWS CLI v2's own (awscli.shorthand), over a
// corpus of hand-written and generated inputs: same values, same error texts.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShorthandParser, ShorthandParseError } from '../../src/cli/params/shorthand.js';
import { readParamFile } from '../../src/cli/params/paramfile.js';
import { runPython, V1_PYTHON, V2_PYTHON } from './python-oracle.js';

type Outcome = { ok: unknown } | { error: string };

const corpus = JSON.parse(readFileSync(new URL('./cases/shorthand-corpus.json', import.meta.url), 'utf8')) as string[];

const ORACLE = [
  'import json, sys',
  'from awscli.shorthand import ShorthandParser, ShorthandParseError',
  'out = []',
  'for value in json.load(sys.stdin):',
  '    try:',
  '        out.append({"ok": ShorthandParser().parse(value)})',
  '    except ShorthandParseError as e:',
  '        out.append({"error": str(e)})',
  'print(json.dumps(out))',
].join('\n');

function ours(value: string, parser = new ShorthandParser()): Outcome {
  try {
    return { ok: parser.parse(value) };
  } catch (err) {
    if (err instanceof ShorthandParseError) return { error: err.message };
    throw err;
  }
}

describe('shorthand syntax', () => {
  it(`matches awscli v2's ShorthandParser on ${corpus.length} inputs`, () => {
    const expected = runPython<Outcome[]>(V2_PYTHON, ORACLE, corpus);
    const diffs = corpus
      .map((input, i) => ({ input, ours: ours(input), cli: expected[i] }))
      .filter((d) => JSON.stringify(d.ours) !== JSON.stringify(d.cli));
    expect(diffs).toEqual([]);
    // The corpus exercises both outcomes.
    expect(expected.filter((e) => 'ok' in e).length).toBeGreaterThan(60);
    expect(expected.filter((e) => 'error' in e).length).toBeGreaterThan(60);
  });

  it('reads key@=file:// values from files like the AWS CLI v1 (1.45)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-shorthand-'));
    writeFileSync(join(dir, 'policy.json'), '{"Version": "2012-10-17"}');
    const inputs = [
      `Name=p,Document@=file://${dir}/policy.json`,
      `a@='file://${dir}/policy.json',b=file://${dir}/policy.json`,
      `a={b@=file://${dir}/policy.json}`,
      'a@=not-a-file',
    ];
    const expected = runPython<Outcome[]>(V1_PYTHON, ORACLE, inputs);
    const parser = new ShorthandParser((v) => readParamFile(v));
    expect(inputs.map((i) => ours(i, parser))).toEqual(expected);
  });
});
