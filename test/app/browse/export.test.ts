// Exporting rows as shown (src/app/browse/export.ts): CSV a spreadsheet cannot run, JSON, and a
// file that never replaces another one or lands outside the folder.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../../support/csv.js';
import { exportFileName, neutraliseFormula, toCsv, toJson, writeExport } from '../../../src/app/browse/export.js';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks, and ends every record with CRLF', () => {
    const csv = toCsv(['Key', 'Note'], [['a,b', 'say "hi"'], ['multi\nline', 'cr\rhere'], ['plain', '']]);
    expect(csv).toBe('Key,Note\r\n"a,b","say ""hi"""\r\n"multi\nline","cr\rhere"\r\nplain,\r\n');
    expect(parseCsv(csv)).toEqual([['Key', 'Note'], ['a,b', 'say "hi"'], ['multi\nline', 'cr\rhere'], ['plain', '']]);
  });

  it('writes raw values: numbers, booleans, empty for null/undefined, objects as JSON', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e'], [[1536, true, null, undefined, { Name: 'x', Values: [1] }]]);
    expect(parseCsv(csv)[1]).toEqual(['1536', 'true', '', '', '{"Name":"x","Values":[1]}']);
  });

  it('writes a big integer inside an object cell exactly', () => {
    expect(toCsv(['Limits'], [[{ Max: 9007199254740993n }]])).toBe('Limits\r\n"{""Max"":""9007199254740993""}"\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula (= + - @ tab CR), strings only', () => {
    const rows = [['=1+1', '+cmd|x', '-2+3', '@SUM(A1)', '\t=x', '\r=y', 'ok=1', 'a-b']];
    const [, cells] = parseCsv(toCsv(['1', '2', '3', '4', '5', '6', '7', '8'], rows));
    expect(cells).toEqual(["'=1+1", "'+cmd|x", "'-2+3", "'@SUM(A1)", "'\t=x", "'\r=y", 'ok=1', 'a-b']);
    // A negative number is a value, not a formula: it stays a number.
    expect(parseCsv(toCsv(['n'], [[-5], [-0.5]])).slice(1)).toEqual([['-5'], ['-0.5']]);
    // Titles come from data too (query columns).
    expect(parseCsv(toCsv(['=HYPERLINK("x")'], []))[0]).toEqual(['\'=HYPERLINK("x")']);
  });

  it('neutraliseFormula leaves other text alone', () => {
    expect(neutraliseFormula('i-0abc')).toBe('i-0abc');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula('-')).toBe("'-");
  });
});

describe('toJson', () => {
  it('writes one object per row keyed by the column titles, raw values, null for missing', () => {
    const json = toJson(['Key', 'Size', 'Tags'], [['a.txt', 1536, [{ Key: 'k' }]], ['=b', undefined]]);
    expect(JSON.parse(json)).toEqual([{ Key: 'a.txt', Size: 1536, Tags: [{ Key: 'k' }] }, { Key: '=b', Size: null, Tags: null }]);
    expect(json.endsWith('\n')).toBe(true);
  });

  it('writes big integers as text', () => {
    expect(JSON.parse(toJson(['n'], [[2n ** 70n]]))).toEqual([{ n: '1180591620717411303424' }]);
  });
});

describe('writeExport', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'awsdeck-export-'));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T14:15:02Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the file after the view and the time, in the folder given', () => {
    const path = writeExport(dir, 'ec2.instances', 'csv', ['Instance'], [['i-1']]);
    expect(path).toBe(join(resolve(dir), 'awsdeck-ec2-instances-20261130-141502.csv'));
    expect(readFileSync(path, 'utf8')).toBe('Instance\r\ni-1\r\n');
  });

  it('never overwrites: a second export in the same second gets a counter, the first keeps its content', () => {
    const first = writeExport(dir, 'ec2.instances', 'json', ['Instance'], [['i-1']]);
    const second = writeExport(dir, 'ec2.instances', 'json', ['Instance'], [['i-2']]);
    const third = writeExport(dir, 'ec2.instances', 'json', ['Instance'], [['i-3']]);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(second).toBe(join(resolve(dir), 'awsdeck-ec2-instances-20261130-141502-1.json'));
    expect(JSON.parse(readFileSync(first, 'utf8'))).toEqual([{ Instance: 'i-1' }]);
    expect(JSON.parse(readFileSync(second, 'utf8'))).toEqual([{ Instance: 'i-2' }]);
    expect(JSON.parse(readFileSync(third, 'utf8'))).toEqual([{ Instance: 'i-3' }]);
  });

  it('does not write through a symlink that sits where the file would go', () => {
    const outside = mkdtempSync(join(tmpdir(), 'awsdeck-outside-'));
    try {
      const victim = join(outside, 'victim.txt');
      writeFileSync(victim, 'precious');
      symlinkSync(victim, join(dir, exportFileName('ec2.instances', 'csv')));
      const path = writeExport(dir, 'ec2.instances', 'csv', ['Instance'], [['i-1']]);
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(dirname(path)).toBe(resolve(dir));
      expect(readFileSync(path, 'utf8')).toBe('Instance\r\ni-1\r\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('keeps a hostile view id from choosing the path: no separators, no dot-dot, stays in the folder', () => {
    mkdirSync(join(dir, 'sub'));
    for (const id of ['../../etc/passwd', '/etc/shadow', 'a/../../b', '..\\..\\win', '\x1b]0;x\x07', '', '...', 'x'.repeat(300)]) {
      const name = exportFileName(id, 'csv');
      expect(name).toMatch(/^awsdeck-[a-z0-9-]+-\d{8}-\d{6}\.csv$/);
      const path = writeExport(join(dir, 'sub'), id, 'csv', ['a'], [['b']]);
      expect(dirname(path)).toBe(resolve(dir, 'sub'));
    }
    expect(exportFileName('../../etc/passwd', 'json')).toBe('awsdeck-etc-passwd-20261130-141502.json');
    expect(exportFileName('', 'csv')).toBe('awsdeck-rows-20261130-141502.csv');
    expect(readdirSync(dir)).toEqual(['sub']);
    expect(existsSync(join(dir, '..', 'etc'))).toBe(false);
  });

  it('gives up with an error instead of overwriting once a hundred names are taken', () => {
    for (let n = 0; n < 100; n++) writeExport(dir, 'v', 'csv', ['a'], [[n]]);
    expect(() => writeExport(dir, 'v', 'csv', ['a'], [['x']])).toThrow(/too many exports/);
    expect(readFileSync(join(dir, 'awsdeck-v-20261130-141502.csv'), 'utf8')).toBe('a\r\n0\r\n');
  });
});
