// "maybe you meant" suggestions against Python's difflib.get_close_matches (what the CLI uses).
import { describe, expect, it } from 'vitest';
import { loadService, serviceNames } from '../../src/engine/models/loader.js';
import { closeMatches, operationCliNames } from '../../src/cli/params/index.js';
import { runPython, V1_PYTHON } from './python-oracle.js';

describe('closeMatches', () => {
  it('agrees with difflib.get_close_matches on misspelt services and operations', () => {
    const ec2Ops = operationCliNames(loadService('ec2'));
    const services = serviceNames();
    const words = ['describe-instnces', 'describe-instance', 'run-instance', 'descrbe-vpcs', 'create-tag', 'delete-volumes', 'x', 'describe-images-x'];
    const serviceWords = ['ec', 'ec3', 's3ap', 'lamda', 'dynamo', 'cloudwatc', 'iamm', 'logz', 'stss'];
    const script = [
      'import json, sys, difflib',
      'd = json.load(sys.stdin)',
      'print(json.dumps([difflib.get_close_matches(w, c, cutoff=0.8) for w, c in d]))',
    ].join('\n');
    const input = [...words.map((w) => [w, ec2Ops]), ...serviceWords.map((w) => [w, services])];
    const expected = runPython<string[][]>(V1_PYTHON, script, input);
    expect(input.map(([w, c]) => closeMatches(w as string, c as string[]))).toEqual(expected);
  });
});
