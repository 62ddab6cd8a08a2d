// One view over several places at once: `:<view> all` (every enabled region of the profile's
// partition) and the profiles picked on the home (every one of them, with its account). Each place
// is a listing of its own (at most a few opening at once, so an account's API rate is not
// exhausted); their rows are shown together behind leading columns (Region; Profile and Account),
// in the order of the places. A place that fails is one line in `problems`; the others still show.
// The two nest: picked profiles × `all` is a fan-out of profiles whose parts fan out over regions.
import type { ColumnSpec } from '../../../services/types.js';
import { mergePage } from '../../engine/http/paginate.js';
import { createLimiter } from '../limiter.js';
import { visibleText } from '../sanitize.js';
import { createStore } from '../store.js';
import { cellWidth } from '../table-layout.js';
import type { BrowseRow, Listing, ListingState } from './listing.js';

/** Where a fanned-out row came from: its details, children and actions go there. */
export interface FanOutRow extends BrowseRow {
  region: string;
  profile?: string;
  account?: string;
}
/** The name the region fan-out gave its rows first. */
export type RegionRow = FanOutRow;

export const ALL_REGIONS = 'all';
export const REGION_COLUMN: ColumnSpec = { id: 'region', title: 'Region', path: '`region`', min: 9 };
export const PROFILE_COLUMNS: ColumnSpec[] = [
  { id: 'profile', title: 'Profile', path: '`profile`', min: 7, max: 28 },
  { id: 'account', title: 'Account', path: '`account`', min: 12 },
];
const OPENING_AT_ONCE = 6;

export type Gate = <T>(open: () => Promise<T>) => Promise<T>;

export interface FanOutState extends ListingState {
  /** `eu-south-2: AccessDenied …`, `prod: needs MFA`: one per place that failed. */
  problems?: string[];
  /** How many places are listed, and what they are. */
  parts?: number;
  noun?: 'regions' | 'profiles';
}

/** One place: its key starts its problem lines, its values fill the leading columns of its rows. */
export interface FanOutPart {
  key: string;
  values: string[];
  where: { region?: string; profile?: string; account?: string };
}

/**
 * `parts()` finds the places (DescribeRegions; the picked profiles' accounts) and may report some as
 * failed already; `listingIn(part, gate)` starts one place's listing, its first request passed
 * through `gate` so only a few open at once (a nested fan-out is given the same gate).
 */
export function startFanOut(options: {
  lead: ColumnSpec[];
  columns: ColumnSpec[];
  noun: 'regions' | 'profiles';
  parts: () => Promise<{ parts: FanOutPart[]; problems?: string[] }>;
  listingIn: (part: FanOutPart, gate: Gate) => Listing;
  gate?: Gate;
}): Listing {
  const columns = [...options.lead, ...options.columns];
  const lead = options.lead.length;
  const rows: FanOutRow[] = [];
  const widths = columns.map((c) => cellWidth(c.title));
  const state = createStore<FanOutState>({ status: 'loading', version: 0, pages: 0, noun: options.noun });
  const gate = options.gate ?? createLimiter(OPENING_AT_ONCE);
  let children: Array<{ part: FanOutPart; listing: Listing }> = [];
  let early: string[] = [];
  let stopped = false;

  const rebuild = () => {
    rows.length = 0;
    const problems = [...early];
    let pages = 0;
    for (const { part, listing } of children) {
      part.values.forEach((v, i) => { widths[i] = Math.max(widths[i], cellWidth(visibleText(v))); });
      listing.widths.forEach((w, i) => { widths[i + lead] = Math.max(widths[i + lead], w); });
      for (const row of listing.rows) rows.push(partRow(row, part));
      const child = listing.state.get() as FanOutState;
      pages += child.pages;
      for (const problem of child.problems ?? []) problems.push(`${part.key}: ${problem}`);
      if (child.status === 'error') problems.push(`${part.key}: ${(child.error as Error)?.message ?? String(child.error)}${whatToDo(child.error)}`);
    }
    const pending = children.some((c) => c.listing.state.get().status === 'loading');
    const status = pending ? 'loading' : stopped ? 'stopped' : 'done';
    state.set((s) => ({ status, pages, problems, parts: children.length + early.length, version: s.version + 1 }));
  };

  const finished = (async () => {
    let found: { parts: FanOutPart[]; problems?: string[] };
    try {
      found = await options.parts();
    } catch (error) {
      state.set((s) => ({ status: 'error', error, version: s.version + 1 }));
      return;
    }
    early = found.problems ?? [];
    children = found.parts.map((part) => ({ part, listing: options.listingIn(part, gate) }));
    for (const { listing } of children) listing.state.subscribe(rebuild);
    rebuild();
    await Promise.all(children.map((c) => c.listing.finished));
    rebuild();
  })();

  return {
    rows, columns, widths, state, finished,
    /** Every place's listing merged as one more page each: lists concatenated, in order. */
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

/** A place that failed only for now (throttled past its retries, unreachable) says that R tries again. */
function whatToDo(error: unknown): string {
  const e = error as { code?: string; name?: string };
  if (/Throttl|SlowDown|TooManyRequests|RequestLimitExceeded/.test(e?.code ?? '')) return ' (throttled after retries: R tries again)';
  if (e?.name === 'TransportError') return ' (R tries again)';
  return '';
}

function partRow(row: BrowseRow, part: FanOutPart): FanOutRow {
  const inner = row as Partial<FanOutRow>;
  return {
    item: row.item, hay: undefined,
    region: inner.region ?? part.where.region ?? '',
    profile: part.where.profile ?? inner.profile,
    account: part.where.account ?? inner.account,
    values: [...part.values, ...row.values],
    get cells() { return [...part.values.map((v) => visibleText(v)), ...row.cells]; },
  };
}
