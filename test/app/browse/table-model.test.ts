// Filter and sort of a resource table (src/app/browse/table-model.ts), without Ink.
import { describe, expect, it } from 'vitest';
import { columnNamed, nextSort, parseFilter, visibleRows } from '../../../src/app/browse/table-model.js';

const columns = [
  { id: 'id', title: 'Instance' },
  { id: 'name', title: 'Name' },
  { id: 'state', title: 'State' },
  { id: 'private', title: 'Private IP' },
  { id: 'size', title: 'GiB' },
];

/** A row as the listing makes it: shown cells and raw values. */
const row = (values: unknown[]) => ({ values, cells: values.map((v) => (v === null || v === undefined ? '' : String(v))) });

const fleet = [
  row(['i-01', 'Web-Front', 'running', '10.0.0.1', 8]),
  row(['i-02', 'db', 'stopped', '10.0.0.2', 100]),
  row(['i-03', 'web-back', 'stopped', '10.0.1.3', 20]),
  row(['i-04', 'batch', 'running', '10.0.1.4', null]),
];

const shown = (text: string) => visibleRows(fleet, parseFilter(text, columns))?.map((i) => fleet[i].values[0]);

describe('parseFilter', () => {
  it('makes one lower-cased any-column term per word', () => {
    expect(parseFilter('  Web   FRONT ', columns)).toEqual([
      { text: 'web', negate: false, column: undefined },
      { text: 'front', negate: false, column: undefined },
    ]);
    expect(parseFilter('', columns)).toEqual([]);
  });

  it('reads !term as "nowhere", and a lone ! as the text "!"', () => {
    expect(parseFilter('!Stopped', columns)).toEqual([{ text: 'stopped', negate: true, column: undefined }]);
    expect(parseFilter('!', columns)).toEqual([{ text: '!', negate: false, column: undefined }]);
  });

  it('reads column:value by id, by title, by a prefix of either, ignoring case, spaces and dashes', () => {
    expect(parseFilter('state:RUN', columns)).toEqual([{ text: 'run', negate: false, column: 2 }]);
    expect(parseFilter('State:run', columns)[0].column).toBe(2);
    expect(parseFilter('st:run', columns)[0].column).toBe(2);
    expect(parseFilter('instance:i-01', columns)[0]).toEqual({ text: 'i-01', negate: false, column: 0 });
    expect(parseFilter('private-ip:10.0.1', columns)[0]).toEqual({ text: '10.0.1', negate: false, column: 3 });
    expect(parseFilter('gib:8', columns)[0].column).toBe(4);
    expect(parseFilter('!name:web', columns)).toEqual([{ text: 'web', negate: true, column: 1 }]);
  });

  it('prefers an exact column name over a prefix of an earlier one', () => {
    const cols = [{ id: 'names', title: 'Names' }, { id: 'name', title: 'Name' }];
    expect(columnNamed('name', cols)).toBe(1);
    expect(columnNamed('nam', cols)).toBe(0);
    expect(columnNamed('', cols)).toBeUndefined();
  });

  it('keeps arn:aws:… and other unknown prefixes as plain text', () => {
    const arn = 'arn:aws:ec2:us-east-1:111122223333:instance/i-01';
    expect(parseFilter(arn, columns)).toEqual([{ text: arn, negate: false, column: undefined }]);
    expect(parseFilter('https://Example.com', columns)).toEqual([{ text: 'https://example.com', negate: false, column: undefined }]);
    expect(parseFilter(':run', columns)).toEqual([{ text: ':run', negate: false, column: undefined }]);
  });
});

describe('visibleRows: filter', () => {
  it('matches a substring of any cell without case', () => {
    expect(shown('WEB')).toEqual(['i-01', 'i-03']);
    expect(shown('0.1.')).toEqual(['i-03', 'i-04']);
  });

  it('needs every word to match, and a !word to match nowhere', () => {
    expect(shown('web stopped')).toEqual(['i-03']);
    expect(shown('!stopped')).toEqual(['i-01', 'i-04']);
    expect(shown('web !back')).toEqual(['i-01']);
  });

  it('looks only in the named column for column:value', () => {
    // "run" is in the State column of i-01 and i-04, in no Name.
    expect(shown('state:run')).toEqual(['i-01', 'i-04']);
    expect(shown('name:run')).toEqual([]);
    expect(shown('name:ba')).toEqual(['i-03', 'i-04']);
    expect(shown('!state:stop')).toEqual(['i-01', 'i-04']);
  });

  it('finds an ARN typed as text', () => {
    const rows = [row(['arn:aws:iam::1:role/Admin']), row(['arn:aws:iam::1:role/Reader'])];
    expect(visibleRows(rows, parseFilter('arn:aws:iam::1:role/admin', columns))).toEqual([0]);
  });

  it('is undefined (every row, own order) without a filter or sort', () => {
    expect(visibleRows(fleet, [])).toBeUndefined();
    expect(visibleRows(fleet, parseFilter('   ', columns))).toBeUndefined();
  });
});

describe('visibleRows: sort', () => {
  const ids = (rows: Array<{ values: unknown[] }>, order: number[] | undefined) => order?.map((i) => rows[i].values[0]);

  it('sorts numbers as numbers, missing values last both ways', () => {
    const rows = [row(['a', 10]), row(['b', 9]), row(['c', null]), row(['d', 100]), row(['e', undefined]), row(['f', 2]), row(['g', ''])];
    expect(ids(rows, visibleRows(rows, [], { column: 1, descending: false }))).toEqual(['f', 'b', 'a', 'd', 'c', 'e', 'g']);
    expect(ids(rows, visibleRows(rows, [], { column: 1, descending: true }))).toEqual(['d', 'a', 'b', 'f', 'c', 'e', 'g']);
  });

  it('sorts text without case and keeps equal keys in their listed order (stable) both ways', () => {
    const rows = [row(['1', 'b']), row(['2', 'A']), row(['3', 'B']), row(['4', 'a']), row(['5', null]), row(['6', 'c'])];
    expect(ids(rows, visibleRows(rows, [], { column: 1, descending: false }))).toEqual(['2', '4', '1', '3', '6', '5']);
    expect(ids(rows, visibleRows(rows, [], { column: 1, descending: true }))).toEqual(['6', '1', '3', '2', '4', '5']);
  });

  it('sorts the raw values, not the shown cells (bytes, not "1.5 KiB")', () => {
    const rows = [
      { values: ['big', 1536], cells: ['big', '1.5 KiB'] },
      { values: ['small', 900], cells: ['small', '900 B'] },
      { values: ['huge', 2 * 1024 ** 3], cells: ['huge', '2.0 GiB'] },
    ];
    expect(ids(rows, visibleRows(rows, [], { column: 1, descending: false }))).toEqual(['small', 'big', 'huge']);
  });

  it('filters first, then sorts what is left', () => {
    expect(ids(fleet, visibleRows(fleet, parseFilter('!db', columns), { column: 4, descending: true }))).toEqual(['i-03', 'i-01', 'i-04']);
  });
});

describe('nextSort', () => {
  it('cycles ascending → descending → off on one column, and restarts ascending on another', () => {
    const first = nextSort(undefined, 2);
    expect(first).toEqual({ column: 2, descending: false });
    const second = nextSort(first, 2);
    expect(second).toEqual({ column: 2, descending: true });
    expect(nextSort(second, 2)).toBeUndefined();
    expect(nextSort(second, 0)).toEqual({ column: 0, descending: false });
    expect(nextSort(first, 3)).toEqual({ column: 3, descending: false });
  });
});
