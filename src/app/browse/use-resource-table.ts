// What a resource view shows right now: the listing's rows, or the query bar's result, filtered
// and sorted. Recomputed only when rows arrive or the filter/sort/query change, never on a cursor move.
import { useMemo } from 'react';
import type { ColumnSpec } from '../../../services/types.js';
import { visibleValue } from '../sanitize.js';
import { cellWidth } from '../table-layout.js';
import type { BrowseRow, Listing } from './listing.js';
import { runQuery, type QueryOutcome } from './query-view.js';
import { parseFilter, visibleRows, type SortState } from './table-model.js';

export interface ShownTable {
  columns: ColumnSpec[];
  /** Rows to show, in order (indices into `rows`). */
  count: number;
  rowAt(index: number): BrowseRow;
  /** Every row of the source, before filtering. */
  total: number;
  naturalWidths: number[];
  version: unknown;
  /** The query's outcome when a query is set (a table, a detail, or an error with its position). */
  query?: QueryOutcome;
}

function queryRows(outcome: Extract<QueryOutcome, { kind: 'table' }>): { rows: BrowseRow[]; widths: number[] } {
  const widths = outcome.columns.map((c) => cellWidth(c.title));
  const rows = outcome.rows.map((values, i) => {
    const cells = values.map((v) => visibleValue(v));
    cells.forEach((cell, c) => { widths[c] = Math.max(widths[c] ?? 0, cellWidth(cell)); });
    const item = outcome.items[i];
    return { item: (item && typeof item === 'object' && !Array.isArray(item) ? item : { value: item }) as Record<string, unknown>, values, cells };
  });
  return { rows, widths };
}

export function useResourceTable(listing: Listing, version: number, filter: string, sort: SortState | undefined, query: string): ShownTable {
  // The query runs over the merged listing: again whenever pages arrive.
  const outcome = useMemo(() => (query ? runQuery(query, listing.merged()) : undefined), [listing, version, query]);
  const source = useMemo(() => {
    if (outcome?.kind === 'table') {
      const { rows, widths } = queryRows(outcome);
      return { rows, columns: outcome.columns, widths, version: outcome };
    }
    return { rows: listing.rows, columns: listing.columns, widths: [...listing.widths], version };
  }, [listing, version, outcome]);
  const terms = useMemo(() => parseFilter(filter, source.columns), [filter, source.columns]);
  const order = useMemo(() => visibleRows(source.rows, terms, sort && sort.column < source.columns.length ? sort : undefined),
    [source, terms, sort]);
  return useMemo(() => ({
    columns: source.columns,
    count: order ? order.length : source.rows.length,
    rowAt: order ? (i: number) => source.rows[order[i]] : (i: number) => source.rows[i],
    total: source.rows.length,
    naturalWidths: source.widths,
    version: [source.version, order],
    query: outcome,
  }), [source, order, outcome]);
}
