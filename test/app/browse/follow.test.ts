// Following a log-like listing (src/app/browse/follow.ts): the catch-up feed that ends on a page with
// no rows, and the follower that appends what comes after, against a fake CloudWatch Logs stream.
import { describe, expect, it } from 'vitest';
import { logEvents } from '../../../services/logs.js';
import { followFeed, startFollow } from '../../../src/app/browse/follow.js';
import { startListing, type Listing } from '../../../src/app/browse/listing.js';

type Page = Record<string, unknown>;

/** GetLogEvents over a stream the test appends to: `startFromHead`, `limit` per page, forward tokens. */
function fakeStream(limit = 2) {
  const events: Array<{ timestamp: number; message: string }> = [];
  const requests: Page[] = [];
  let failNext: Error | undefined;
  const call = async (params: Page): Promise<Page> => {
    requests.push(params);
    if (failNext) { const error = failNext; failNext = undefined; throw error; }
    const from = params.nextToken ? Number(String(params.nextToken).slice(2)) : 0;
    const page = events.slice(from, from + limit);
    return { events: page, nextForwardToken: `f/${from + page.length}`, nextBackwardToken: 'b/0' };
  };
  const put = (...messages: string[]) => { for (const message of messages) events.push({ timestamp: 1717228800000 + events.length * 1000, message }); };
  return { call, put, requests, fail: (error: Error) => { failNext = error; } };
}

function listingOf(stream: ReturnType<typeof fakeStream>, params: Page): Listing {
  const spec = logEvents.follow!;
  return startListing({
    items: logEvents.items, columns: logEvents.columns, scope: {}, publishEveryMs: 0,
    open: async () => {
      const feed = followFeed(stream.call, params, spec, logEvents.items);
      return { feed, first: await feed.pages.next() };
    },
  });
}

const messages = (listing: Listing) => listing.rows.map((r) => r.item.message);

function until(listing: Listing, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const stop = listing.state.subscribe(() => { if (check()) { stop(); resolve(); } });
  });
}

describe('follow mode', () => {
  const params = { logGroupName: 'g', logStreamName: 's', startFromHead: true };

  it('lists a stream to its end, asking with each forward token until a page adds nothing', async () => {
    const stream = fakeStream(2);
    stream.put('a', 'b', 'c', 'd', 'e');
    const listing = listingOf(stream, params);
    await listing.finished;
    expect(listing.state.get().status).toBe('done');
    expect(messages(listing)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(stream.requests.map((r) => r.nextToken)).toEqual([undefined, 'f/2', 'f/4', 'f/5']);
    expect(stream.requests.every((r) => r.startFromHead === true && r.logStreamName === 's')).toBe(true);
    // The query bar sees every page's events merged.
    expect((listing.merged().events as unknown[]).length).toBe(5);
  });

  it('an empty stream is one request', async () => {
    const stream = fakeStream();
    const listing = listingOf(stream, params);
    await listing.finished;
    expect(listing.rows).toEqual([]);
    expect(stream.requests).toHaveLength(1);
  });

  it('appends events written while following, from the last token, and stops when asked', async () => {
    const stream = fakeStream(2);
    stream.put('a');
    const listing = listingOf(stream, params);
    await listing.finished;
    const follower = startFollow({ listing, everyMs: 5, next: (last) => logEvents.follow!.next(params, last), call: (p) => stream.call(p), onError: (e) => { throw e; } });
    stream.put('b', 'c', 'd');
    await until(listing, () => listing.rows.length === 4);
    expect(messages(listing)).toEqual(['a', 'b', 'c', 'd']);
    stream.put('e');
    await until(listing, () => listing.rows.length === 5);
    follower.stop();
    const asked = stream.requests.length;
    stream.put('f');
    // Stopped: whatever is in flight is dropped and nothing more is asked for.
    await new Promise((r) => setImmediate(r));
    expect(stream.requests.length).toBeLessThanOrEqual(asked + 1);
    expect(messages(listing)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('reports a failed request once and stops', async () => {
    const stream = fakeStream();
    stream.put('a');
    const listing = listingOf(stream, params);
    await listing.finished;
    stream.fail(new Error('ThrottlingException: Rate exceeded'));
    const failed = await new Promise<unknown>((resolve) => {
      startFollow({ listing, everyMs: 5, next: (last) => logEvents.follow!.next(params, last), call: (p) => stream.call(p), onError: resolve });
    });
    expect((failed as Error).message).toContain('Rate exceeded');
  });

  it('a server that repeats its events under the same token is caught up: no endless listing, no duplicate rows', async () => {
    const requests: Page[] = [];
    // Always the same event and the token it was sent (or the first one): the listing must end.
    const stuck = async (p: Page): Promise<Page> => {
      requests.push(p);
      return { events: [{ timestamp: 1, message: 'again' }], nextForwardToken: 'f/same' };
    };
    const listing = startListing({
      items: logEvents.items, columns: logEvents.columns, scope: {}, publishEveryMs: 0,
      open: async () => {
        const feed = followFeed(stuck, params, logEvents.follow!, logEvents.items);
        return { feed, first: await feed.pages.next() };
      },
    });
    await listing.finished;
    expect(requests.map((r) => r.nextToken)).toEqual([undefined, 'f/same']);
    const follower = startFollow({ listing, everyMs: 5, next: (last) => logEvents.follow!.next(params, last), call: stuck, onError: (e) => { throw e; } });
    await new Promise((r) => setTimeout(r, 60));
    follower.stop();
    expect(messages(listing)).toEqual(['again', 'again']);
    // Polled at the follow interval, not in a tight loop.
    expect(requests.length).toBeLessThan(30);
  });
});
