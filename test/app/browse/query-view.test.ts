// The query bar (src/app/browse/query-view.ts): JMESPath over the merged listing, as --query.
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { inferColumns, projectionTitles, runQuery } from '../../../src/app/browse/query-view.js';

const merged = {
  Reservations: [
    {
      ReservationId: 'r-1',
      Instances: [
        { State: { Name: 'running' }, Architecture: 'x86_64', KeyName: 'deploy', InstanceId: 'i-1', LaunchTime: '2024-05-01T08:30:00+00:00', Tags: [{ Key: 'Name', Value: 'web' }] },
        { State: { Name: 'stopped' }, Architecture: 'arm64', KeyName: 'ops', InstanceId: 'i-2', LaunchTime: '2024-05-02T09:00:00+00:00', Tags: [] },
      ],
    },
    { ReservationId: 'r-2', Instances: [{ State: { Name: 'pending' }, Architecture: 'arm64', InstanceId: 'i-3', Monitoring: { State: 'disabled' } }] },
  ],
};

describe('runQuery: a projection (list of lists)', () => {
  it('makes one column per multiselect expression, titled with it, cells from each row', () => {
    const outcome = runQuery('Reservations[].Instances[].[InstanceId, State.Name]', merged);
    if (outcome.kind !== 'table') throw new Error(`expected a table, got ${outcome.kind}`);
    expect(outcome.columns.map((c) => c.title)).toEqual(['InstanceId', 'State.Name']);
    expect(outcome.rows).toEqual([['i-1', 'running'], ['i-2', 'stopped'], ['i-3', 'pending']]);
    // Each column's path picks its cell out of a row.
    for (const r of outcome.rows) expect(outcome.columns.map((c) => jmespath.search(r, c.path))).toEqual(r);
    expect(new Set(outcome.columns.map((c) => c.id)).size).toBe(2);
  });

  it('keeps brackets, quotes and pipes inside one title', () => {
    const expression = "Reservations[].Instances[].[InstanceId, Tags[?Key=='Name'].Value | [0], State.Name || 'x, y']";
    const outcome = runQuery(expression, merged);
    if (outcome.kind !== 'table') throw new Error(`expected a table, got ${outcome.kind}`);
    expect(outcome.columns.map((c) => c.title)).toEqual(['InstanceId', "Tags[?Key=='Name'].Value | [0]", "State.Name || 'x, y'"]);
    expect(outcome.rows).toEqual([['i-1', 'web', 'running'], ['i-2', null, 'stopped'], ['i-3', null, 'pending']]);
  });

  it('numbers the columns when the expression does not end in a multiselect (a slice, a sort)', () => {
    const outcome = runQuery('Reservations[].Instances[].[InstanceId, State.Name] | [0:2]', merged);
    if (outcome.kind !== 'table') throw new Error(`expected a table, got ${outcome.kind}`);
    expect(outcome.columns.map((c) => c.title)).toEqual(['1', '2']);
    expect(outcome.rows).toEqual([['i-1', 'running'], ['i-2', 'stopped']]);
    expect(projectionTitles('sort_by(@, &[0])', 3)).toEqual(['1', '2', '3']);
    expect(projectionTitles('a[].[b, c]', 3)).toEqual(['1', '2', '3']);
  });
});

describe('runQuery: a list of objects', () => {
  it('infers columns from scalar keys, identifiers then names first, then in order of appearance', () => {
    const outcome = runQuery('Reservations[].Instances[]', merged);
    if (outcome.kind !== 'table') throw new Error(`expected a table, got ${outcome.kind}`);
    expect(outcome.columns.map((c) => c.id)).toEqual(['InstanceId', 'KeyName', 'Architecture', 'LaunchTime']);
    expect(outcome.columns.map((c) => c.title)).toEqual(outcome.columns.map((c) => c.id));
    expect(outcome.rows[0]).toEqual(['i-1', 'deploy', 'x86_64', '2024-05-01T08:30:00+00:00']);
    // A key an item lacks is an empty (null) cell.
    expect(outcome.rows[2]).toEqual(['i-3', null, 'arm64', null]);
    // The items are kept whole for the detail.
    expect(outcome.items[2]).toEqual(merged.Reservations[1].Instances[0]);
  });

  it('ranks *Id/*Arn/Id before *Name/Name/Key before the rest, and stops at the limit', () => {
    expect(inferColumns([{ Size: 1, Key: 'k', Owner: 'o', GroupName: 'g', RoleArn: 'a', Id: 'x' }])).toEqual(['RoleArn', 'Id', 'Key', 'GroupName', 'Size', 'Owner']);
    expect(inferColumns([{ a: 1, b: 2, c: 3 }], 2)).toEqual(['a', 'b']);
    // Keys of later items count too.
    expect(inferColumns([{ a: 1 }, { b: 2, VpcId: 'v' }])).toEqual(['VpcId', 'a', 'b']);
  });
});

describe('runQuery: scalars and non-lists', () => {
  it('shows a list of scalars as one Value column', () => {
    const outcome = runQuery('Reservations[].Instances[].InstanceId', merged);
    expect(outcome).toMatchObject({ kind: 'table', rows: [['i-1'], ['i-2'], ['i-3']] });
    if (outcome.kind === 'table') expect(outcome.columns.map((c) => c.title)).toEqual(['Value']);
  });

  it('opens anything that is not a list as a detail', () => {
    expect(runQuery('length(Reservations[].Instances[])', merged)).toEqual({ kind: 'detail', value: 3 });
    expect(runQuery('Reservations[0].Instances[0].State', merged)).toEqual({ kind: 'detail', value: { Name: 'running' } });
    expect(runQuery('Nothing', merged)).toEqual({ kind: 'detail', value: null });
  });

  it('opens a list of mixed things as a detail', () => {
    const outcome = runQuery("[Reservations[0].ReservationId, Reservations[0].Instances[0].State]", merged);
    expect(outcome).toEqual({ kind: 'detail', value: ['r-1', { Name: 'running' }] });
  });
});

describe('runQuery: errors', () => {
  // Messages and carets as Python's jmespath (the CLI's) prints them for `--query`:
  //   Invalid jmespath expression: Incomplete expression:\n"Reservations[].[a,"\n                   ^
  //   Bad jmespath expression: Unknown token ~:\n"a" ~ b\n    ^
  //   Unexpected token: ]: Parse error at column 3, token "]" (RBRACKET), for expression:\n"foo]"\n    ^
  const cases: Array<[string, string, number]> = [
    ['Reservations[].[a,', 'Invalid jmespath expression: Incomplete expression:', 18],
    ['a ~ b', 'Bad jmespath expression: Unknown token ~:', 2],
    ['"a" ~ b', 'Bad jmespath expression: Unknown token ~:', 4],
    ['foo]', 'Unexpected token: ]: Parse error at column 3, token "]" (RBRACKET), for expression:', 3],
  ];
  it.each(cases)('%s gives the CLI message and the caret position', (expression, message, position) => {
    expect(runQuery(expression, merged)).toEqual({ kind: 'error', message, position });
  });

  it('puts the caret of an incomplete expression just past its end', () => {
    const expression = 'Reservations[].[a,';
    const outcome = runQuery(expression, merged);
    expect(outcome.kind === 'error' && outcome.position).toBe(expression.length);
  });

  it('reports an evaluation error without a position', () => {
    const outcome = runQuery('abs(Reservations)', merged);
    expect(outcome.kind).toBe('error');
    if (outcome.kind === 'error') {
      expect(outcome.message).toMatch(/abs/i);
      expect(outcome.position).toBeUndefined();
    }
  });
});
