// `:<view> all`: one view over every enabled region of the profile's partition. Each region is a
// listing of its own (at most a few opening at once, so an account's API rate is not exhausted);
// their rows are shown together with a Region column, in region order. A region that fails is
// one line in `problems`; the others still show.
import type { ColumnSpec } from '../../../services/types.js';
import { mergePage } from '../../engine/http/paginate.js';
import { createLimiter } from '../limiter.js';
import { createStore } from '../store.js';
import { cellWidth } from '../table-layout.js';
import type { BrowseRow, Listing, ListingState } from './listing.js';

/** What a fanned-out listing's row knows beyond a plain row: the region it came from. */
export interface RegionRow extends BrowseRow { region: string }

export const ALL_REGIONS = 'all';
const REGION_COLUMN: ColumnSpec = { id: 'region', title: 'Region', path: '`region`', min: 9 };
const OPENING_AT_ONCE = 6;

export interface FanOutState extends ListingState {
  /** `eu-south-2: AccessDenied …`, one per region that failed. */
  problems?: string[];
  regions?: number;
}

/**
 * `regions()` lists the regions (DescribeRegions); `listingIn(region, gate)` starts one region's
 * listing, its first request passed through `gate` so only a few open at once.
 */
export function startFanOut(options: {
  columns: ColumnSpec[];
  regions: () => Promise<string[]>;
  listingIn: (region: string, gate: <T>(open: () => Promise<T>) => Promise<T>) => Listing;
}): Listing {
  const columns = [REGION_COLUMN, ...options.columns];
  const rows: RegionRow[] = [];
  const widths = columns.map((c) => cellWidth(c.title));
  const state = createStore<FanOutState>({ status: 'loading', version: 0, pages: 0 });
  const gate = createLimiter(OPENING_AT_ONCE);
  let children: Array<{ region: string; listing: Listing }> = [];
  let stopped = false;

  const rebuild = () => {
    rows.length = 0;
    const problems: string[] = [];
    let pages = 0;
    for (const { region, listing } of children) {
      widths[0] = Math.max(widths[0], cellWidth(region));
      listing.widths.forEach((w, i) => { widths[i + 1] = Math.max(widths[i + 1], w); });
      for (const row of listing.rows) rows.push(regionRow(row, region));
      const child = listing.state.get();
      pages += child.pages;
      if (child.status === 'error') problems.push(`${region}: ${(child.error as Error)?.message ?? String(child.error)}${whatToDo(child.error)}`);
    }
    const pending = children.some((c) => c.listing.state.get().status === 'loading');
    const status = pending ? 'loading' : stopped ? 'stopped' : 'done';
    state.set((s) => ({ status, pages, problems, regions: children.length, version: s.version + 1 }));
  };

  const finished = (async () => {
    let regions: string[];
    try {
      regions = await options.regions();
    } catch (error) {
      state.set((s) => ({ status: 'error', error, version: s.version + 1 }));
      return;
    }
    children = regions.map((region) => ({ region, listing: options.listingIn(region, gate) }));
    for (const { listing } of children) listing.state.subscribe(rebuild);
    rebuild();
    await Promise.all(children.map((c) => c.listing.finished));
    rebuild();
  })();

  return {
    rows, columns, widths, state, finished,
    /** Every region's listing merged as one more page each: lists concatenated, in region order. */
    merged() {
      const merged: Record<string, unknown> = {};
      for (const { listing } of children) {
        const page = listing.merged();
        mergePage(merged, page, Object.keys(page).filter((k) => Array.isArray(page[k])));
      }
      return merged;
    },
    last: () => undefined,
    append: () => 0,
    stop() {
      stopped = true;
      for (const { listing } of children) listing.stop();
    },
  };
}

/** A region that failed only for now (throttled past its retries, unreachable) says that R tries again. */
function whatToDo(error: unknown): string {
  const e = error as { code?: string; name?: string };
  if (/Throttl|SlowDown|TooManyRequests|RequestLimitExceeded/.test(e?.code ?? '')) return ' (throttled after retries: R tries again)';
  if (e?.name === 'TransportError') return ' (R tries again)';
  return '';
}

function regionRow(row: BrowseRow, region: string): RegionRow {
  return {
    item: row.item, region, hay: undefined,
    values: [region, ...row.values],
    get cells() { return [region, ...row.cells]; },
  };
}
