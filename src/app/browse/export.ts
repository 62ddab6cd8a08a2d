// Exports the rows of a view as shown (filtered, sorted) to CSV or JSON. Values are the raw ones
// (sizes in bytes, full keys); cells that a spreadsheet would run as a formula are neutralised.
import { openSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ExportFormat = 'csv' | 'json';

// Integers beyond 2^53 arrive as bigint (exact, as the CLI prints them): JSON has no bigint.
const exactNumbers = (_key: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

const plain = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, exactNumbers);
  return String(value);
};

/** `=1+1`, `+cmd`, `-x`, `@sum` and leading tab/CR start formulas in spreadsheets: prefix a quote. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: unknown): string {
  const text = typeof value === 'string' ? neutraliseFormula(value) : plain(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(titles: string[], rows: unknown[][]): string {
  const lines = [titles.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(titles: string[], rows: unknown[][]): string {
  return `${JSON.stringify(rows.map((row) => Object.fromEntries(titles.map((t, i) => [t, row[i] ?? null]))), exactNumbers, 2)}\n`;
}

/** `ec2.instances` → `awsdeck-ec2-instances-20261130-141502.csv`: only [a-z0-9-] from the view name. */
export function exportFileName(viewId: string, format: ExportFormat, date = new Date()): string {
  const safe = viewId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'rows';
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `awsdeck-${safe}-${stamp}.${format}`;
}

/**
 * Writes the export into `dir` and returns its path. The name is ours (never from data), so it
 * cannot leave the folder; an existing file is never overwritten (a counter is added instead).
 */
export function writeExport(dir: string, viewId: string, format: ExportFormat, titles: string[], rows: unknown[][]): string {
  const content = format === 'csv' ? toCsv(titles, rows) : toJson(titles, rows);
  const base = exportFileName(viewId, format);
  for (let n = 0; n < 100; n++) {
    const name = n === 0 ? base : base.replace(/\.(csv|json)$/, `-${n}.$1`);
    const path = join(resolve(dir), name);
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600); // rows can name accounts, users and keys: the person's alone
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return path;
  }
  throw new Error(`too many exports named ${base} in ${dir}`);
}
