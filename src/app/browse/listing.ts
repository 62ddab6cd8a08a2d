// A listing streaming in: pages become compact rows as they arrive (the first page is drawn at once),
// later pages load in the background and can be stopped. Rows keep the raw values (for sorting and
// export) and the item (for the detail); the shown cells (sanitised, for drawing and filtering) are
// made from the values when asked for. The merged raw listing is kept too: the query bar runs
// JMESPath over it as `--query` would.
import jmespath from 'jmespath';
import { mergePage } from '../../engine/http/paginate.js';
import { visibleText, visibleValue } from '../sanitize.js';
import { createStore, type Store } from '../store.js';
import { cellWidth } from '../table-layout.js';
import type { ColumnSpec, Scope } from '../../../services/types.js';

export interface BrowseRow {
  item: Record<string, unknown>;
  values: unknown[];
  /** A listing's rows make these on each read: only drawn rows need them (filtering keeps `hay`). */
  readonly cells: string[];
  /** Lower-cased cells, made on the first filter. */
  hay?: string[];
}

export type ListingStatus = 'loading' | 'done' | 'stopped' | 'error';

export interface ListingState {
  status: ListingStatus;
  /** Bumped whenever rows were added, so views recompute only then. */
  version: number;
  pages: number;
  error?: unknown;
  /** When the first page arrived (ms since the listing started), for the status line. */
  firstPageMs?: number;
}

export interface PageFeed {
  resultKeys: string[];
  pages: AsyncIterator<Record<string, unknown>>;
}

/** One row source of a page: `Contents[]`, with each item's values in one JMESPath call per page. */
interface Source {
  items: string;
  values: string;
  /** Rows of this source so far; folders (source 0) stay ahead of objects (source 1). */
  count: number;
}

export interface Listing {
  readonly rows: BrowseRow[];
  readonly columns: ColumnSpec[];
  /** Widest shown cell per column over every row (the table's natural widths). */
  readonly widths: number[];
  readonly state: Store<ListingState>;
  /** The pages merged as the CLI merges them (for the query bar). */
  merged(): Record<string, unknown>;
  /** The last response added (what a follow-up request continues from). */
  last(): Record<string, unknown> | undefined;
  /** Adds a later response's rows at the end (following a log); returns how many it added. */
  append(page: Record<string, unknown>): number;
  /** Stops after the page in flight. */
  stop(): void;
  /** Resolves when the listing ends (done, stopped or failed). */
  finished: Promise<void>;
}

/** `[a, b]` of the column paths: one evaluation per page gives every row's values. */
export function projectionOf(columns: ColumnSpec[]): string {
  return `[${columns.map((c) => c.path).join(', ')}]`;
}

export function cellsOf(values: unknown[], columns: ColumnSpec[], scope: Scope): string[] {
  return values.map((value, i) => {
    const format = columns[i].format;
    return format ? visibleText(format(value, scope)) : visibleValue(value);
  });
}

/**
 * Starts consuming `open()`'s pages. `open` does the first request (and any sign-in it needs);
 * its failure, or a later page's, ends the listing with `status: 'error'` and the rows so far kept.
 */
export function startListing(options: {
  open: () => Promise<{ feed: PageFeed; first: IteratorResult<Record<string, unknown>> }>;
  items: string[];
  columns: ColumnSpec[];
  scope: Scope;
  /** How often row updates are published while pages stream in (ms). */
  publishEveryMs?: number;
  now?: () => number;
}): Listing {
  const { columns, scope } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const rows: BrowseRow[] = [];
  const widths = columns.map((c) => cellWidth(c.title));
  const projection = projectionOf(columns);
  const sources: Source[] = options.items.map((items) => ({ items, values: `${items}.${projection}`, count: 0 }));
  const state = createStore<ListingState>({ status: 'loading', version: 0, pages: 0 });
  // 100,000 rows of an S3 listing took 64 MB as {item, values, cells}: the values arrays came from
  // JMESPath with room for 17 elements (17 MB) and the cells were kept for every row (13 MB). Now
  // the values are copied to their exact length and the cells made only for rows drawn or filtered.
  class Row implements BrowseRow {
    item: Record<string, unknown>;
    values: unknown[];
    hay?: string[];
    constructor(item: Record<string, unknown>, values: unknown[] | undefined) {
      this.item = item;
      this.values = values ? values.slice() : [];
    }
    get cells(): string[] { return cellsOf(this.values, columns, scope); }
  }
  const merged: Record<string, unknown> = {};
  let resultKeys: string[] = [];
  let lastPage: Record<string, unknown> | undefined;
  let stopped = false;
  let pending = false;
  let lastPublish = 0;
  const publishEvery = options.publishEveryMs ?? 100;

  const publish = (force = false) => {
    const t = now();
    if (!force && t - lastPublish < publishEvery) {
      pending = true;
      return;
    }
    pending = false;
    lastPublish = t;
    state.set((s) => ({ version: s.version + 1 }));
  };

  const addPage = (page: Record<string, unknown>) => {
    lastPage = page;
    if (resultKeys.length) mergePage(merged, page, resultKeys);
    else Object.assign(merged, page);
    let before = 0;
    for (const source of sources) {
      const items = (jmespath.search(page, source.items) ?? []) as Array<Record<string, unknown>>;
      const values = (items.length ? jmespath.search(page, source.values) ?? [] : []) as unknown[][];
      const added: BrowseRow[] = items.map((item, i) => {
        const row = new Row(item, values[i]);
        const cells = row.cells;
        // A code unit is at most two cells wide: only a cell that may be wider is measured.
        cells.forEach((cell, c) => { if (cell.length * 2 > widths[c]) widths[c] = Math.max(widths[c], cellWidth(cell)); });
        return row;
      });
      // An earlier source's new rows go before the later sources' rows (folders before objects).
      const at = before + source.count;
      if (at === rows.length) for (const row of added) rows.push(row);
      else rows.splice(at, 0, ...added);
      source.count += added.length;
      before += source.count;
    }
    state.set((s) => ({ pages: s.pages + 1, firstPageMs: s.firstPageMs ?? now() - started }));
  };

  const run = async () => {
    try {
      const { feed, first } = await options.open();
      resultKeys = feed.resultKeys;
      let next = first;
      while (!next.done) {
        addPage(next.value);
        publish(state.get().pages === 1);
        if (stopped) {
          await feed.pages.return?.(undefined);
          state.set({ status: 'stopped' });
          break;
        }
        next = await feed.pages.next();
      }
      // Stopped while the last page was in flight: the listing is complete all the same.
      if (state.get().status === 'loading') state.set({ status: 'done' });
    } catch (error) {
      state.set({ status: 'error', error });
    }
    if (pending || state.get().version === 0) publish(true);
    else state.set((s) => ({ version: s.version + 1 }));
  };
  const finished = run();

  return {
    rows, columns, widths, state, finished,
    merged: () => merged,
    last: () => lastPage,
    append(page) {
      const before = rows.length;
      // Nothing new (a followed log caught up): only the position moves; it is no page to count.
      const empty = sources.every((source) => !((jmespath.search(page, source.items) as unknown[] | null)?.length));
      if (empty) lastPage = page;
      else addPage(page);
      if (rows.length > before) publish(true);
      return rows.length - before;
    },
    stop() { if (state.get().status === 'loading') stopped = true; },
  };
}
