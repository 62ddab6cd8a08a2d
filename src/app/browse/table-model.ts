// Filter and sort of a resource table, without Ink. A filter is words that must all match the
// shown cells, case-insensitively: `web` anywhere, `!stopped` nowhere, `state:run` in one column.

export interface FilterTerm {
  text: string;
  negate: boolean;
  /** Only this column (`column:value`); otherwise any cell. */
  column?: number;
}

export interface SortState {
  column: number;
  descending: boolean;
}

interface FilterableRow {
  cells: string[];
  values: unknown[];
  hay?: string[];
}

const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/** The column a `name:` prefix means: an id or title, or the start of one (`st` → State). */
export function columnNamed(name: string, columns: Array<{ id: string; title: string }>): number | undefined {
  const wanted = squash(name);
  if (!wanted) return undefined;
  const exact = columns.findIndex((c) => squash(c.id) === wanted || squash(c.title) === wanted);
  if (exact >= 0) return exact;
  const partial = columns.findIndex((c) => squash(c.id).startsWith(wanted) || squash(c.title).startsWith(wanted));
  return partial >= 0 ? partial : undefined;
}

export function parseFilter(text: string, columns: Array<{ id: string; title: string }>): FilterTerm[] {
  const terms: FilterTerm[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const negate = word.startsWith('!') && word.length > 1;
    const body = negate ? word.slice(1) : word;
    const colon = body.indexOf(':');
    // `arn:aws:…` is text, not a column: only a known column name before the colon counts.
    const column = colon > 0 ? columnNamed(body.slice(0, colon), columns) : undefined;
    const value = column === undefined ? body : body.slice(colon + 1);
    terms.push({ text: value.toLowerCase(), negate, column });
  }
  return terms;
}

export function rowMatches(row: FilterableRow, terms: FilterTerm[]): boolean {
  const hay = (row.hay ??= row.cells.map((c) => c.toLowerCase()));
  for (const term of terms) {
    const found = term.column === undefined
      ? hay.some((cell) => cell.includes(term.text))
      : (hay[term.column] ?? '').includes(term.text);
    if (found === term.negate) return false;
  }
  return true;
}

/** A sortable key: numbers as numbers, text without case; missing values sort last. */
function sortKey(value: unknown): number | string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value).toLowerCase();
}

function compareKeys(a: number | string | undefined, b: number | string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Indices of the rows to show, filtered then sorted (stable). `undefined` when every row shows in
 * its own order, so an unfiltered, unsorted 100,000-row view costs nothing per update.
 */
export function visibleRows(rows: FilterableRow[], terms: FilterTerm[], sort?: SortState): number[] | undefined {
  if (terms.length === 0 && !sort) return undefined;
  let indices: number[] = [];
  if (terms.length) {
    for (let i = 0; i < rows.length; i++) if (rowMatches(rows[i], terms)) indices.push(i);
  } else {
    indices = Array.from({ length: rows.length }, (_, i) => i);
  }
  if (sort) {
    const keys = new Map<number, number | string | undefined>();
    for (const i of indices) keys.set(i, sortKey(rows[i].values[sort.column]));
    const direction = sort.descending ? -1 : 1;
    indices.sort((a, b) => {
      const ka = keys.get(a);
      const kb = keys.get(b);
      // Missing values stay last either way.
      if (ka === undefined || kb === undefined) return compareKeys(ka, kb);
      return direction * compareKeys(ka, kb) || a - b;
    });
  }
  return indices;
}

/** Pressing a column's sort key: sort by it, press again to reverse, a third time to unsort. */
export function nextSort(current: SortState | undefined, column: number): SortState | undefined {
  if (!current || current.column !== column) return { column, descending: false };
  return current.descending ? undefined : { column, descending: true };
}
