// R on a view that has rows: the new listing runs behind the rows already shown, which stay until it
// brings rows of its own. A reload that fails (throttled, the network gone, a hung endpoint) leaves
// the earlier rows on screen with the problem above them, instead of an empty table.
import { createStore } from '../store.js';
import type { Listing, ListingState } from './listing.js';

/** The rows of `fresh` once it delivers a page or ends cleanly; until then, those of `earlier`. */
export function reloadKeepingRows(previous: Listing, fresh: Listing): Listing {
  let earlier: Listing | undefined = previous;
  const replaced = () => {
    const s = fresh.state.get() as ListingState & { problems?: string[] };
    return s.pages > 0 || (s.status === 'done' && !s.problems?.length);
  };
  const shown = () => earlier ?? fresh;
  const mirror = (s: ListingState): ListingState => ({ ...s, version: s.version + bump });
  // The earlier rows have their own version numbers: start above them so views recompute.
  const bump = previous.state.get().version + 1;
  const state = createStore<ListingState>(mirror(fresh.state.get()));
  fresh.state.subscribe(() => {
    // Once replaced, the earlier listing is let go (reloads do not chain listings in memory).
    if (earlier && replaced()) earlier = undefined;
    state.set(() => mirror(fresh.state.get()));
  });
  return {
    get rows() { return shown().rows; },
    get widths() { return shown().widths; },
    get columns() { return shown().columns; },
    state,
    finished: fresh.finished,
    merged: () => shown().merged(),
    last: () => shown().last(),
    append: (page) => fresh.append(page),
    stop: () => fresh.stop(),
  };
}
