// What a resource view shows right now: the listing's rows, or the query bar's result, filtered
// and sorted. Recomputed only when rows arrive or the filter/sort/query change, never on a cursor move.
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ColumnSpec } from '../../../services/types.js';
import { visibleValue } from '../sanitize.js';
import { cellWidth } from '../table-layout.js';
import type { BrowseRow, Listing, ListingState } from './listing.js';
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

/**
 * The listing's state for drawing. It changes when rows are published or the status changes, not for
 * every page counted; and while the person is moving through the table (a move less than `quietMs`
 * ago) a publish waits. The next keypress's frame draws the new rows anyway, and a frame drawn
 * between two keys would hold the second key's frame back by Ink's 30 fps throttle (about 34 ms).
 */
export function useListingState(listing: Listing, lastMoveAt: () => number, quietMs = 250): ListingState {
  const shown = useRef<{ listing: Listing; state: ListingState }>(undefined);
  const snapshot = () => {
    const state = listing.state.get();
    const last = shown.current;
    if (last && last.listing === listing && last.state.version === state.version && last.state.status === state.status) return last.state;
    shown.current = { listing, state };
    return state;
  };
  const subscribe = useCallback((changed: () => void) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const whenQuiet = () => {
      const wait = lastMoveAt() + quietMs - performance.now();
      timer = wait > 0 ? setTimeout(whenQuiet, wait) : undefined;
      if (wait <= 0) changed();
    };
    const stop = listing.state.subscribe(() => { if (!timer) whenQuiet(); });
    return () => { stop(); clearTimeout(timer); };
  }, [listing, lastMoveAt, quietMs]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
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
