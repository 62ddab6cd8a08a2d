// Following a log-like listing: after it is complete, ask for what came after its last response,
// at once while there is more, else every `everyMs`; new rows go at the end. Used by descriptors
// with a `follow` spec (CloudWatch Logs events).
import jmespath from 'jmespath';
import type { FollowSpec } from '../../../services/types.js';
import type { Listing, PageFeed } from './listing.js';

type Page = Record<string, unknown>;

export interface Follower {
  stop(): void;
}

/** How many rows a response carries, over every item source of the view. */
export function itemCount(page: Page, items: string[]): number {
  return items.reduce((n, source) => n + ((jmespath.search(page, source) as unknown[] | null)?.length ?? 0), 0);
}

/**
 * Whether a response only repeats where the listing already is: the request it leads to is the one
 * that was sent (CloudWatch Logs answers the end of a stream with the token it was sent). Its rows,
 * if a misbehaving server sends any, are the ones already shown.
 */
function caughtUp(sent: Record<string, unknown>, next: Record<string, unknown>): boolean {
  return JSON.stringify(sent) === JSON.stringify(next);
}

/**
 * A listing's pages for a followed view: the first request, then `next` from each response until
 * one adds no rows or leads back to the request that was just sent.
 */
export function followFeed(call: (params: Record<string, unknown>) => Promise<Page>, params: Record<string, unknown>, spec: FollowSpec, items: string[]): PageFeed {
  // Merged as a paginator merges: the sources' top-level lists are concatenated.
  const resultKeys = items.map((source) => source.replace(/\[\].*$/, ''));
  async function* pages() {
    let sent = params;
    let page = await call(sent);
    for (;;) {
      yield page;
      const next = spec.next(params, page);
      if (itemCount(page, items) === 0 || caughtUp(sent, next)) return;
      sent = next;
      page = await call(sent);
    }
  }
  return { resultKeys, pages: pages() };
}

export function startFollow(options: {
  listing: Listing;
  everyMs: number;
  /** The request for what came after `last`. */
  next: (last: Page) => Record<string, unknown>;
  call: (params: Record<string, unknown>) => Promise<Page>;
  onError: (error: unknown) => void;
}): Follower {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  const pause = () => new Promise<void>((resolve) => {
    wake = resolve;
    timer = setTimeout(resolve, options.everyMs);
  });
  const run = async () => {
    while (!stopped) {
      const last = options.listing.last();
      if (!last) return;
      const sent = options.next(last);
      let page: Page;
      try {
        page = await options.call(sent);
      } catch (error) {
        if (!stopped) options.onError(error);
        return;
      }
      if (stopped) return;
      // A response that leads back to its own request has nothing new, whatever rows it repeats.
      if (caughtUp(sent, options.next(page)) || options.listing.append(page) === 0) await pause();
    }
  };
  void run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
  };
}
