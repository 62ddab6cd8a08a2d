// A listing streaming in (src/app/browse/listing.ts), fed by a fake page source under the test's control.
import { describe, expect, it } from 'vitest';
import { instances, vpcs } from '../../../services/ec2.js';
import { objects } from '../../../services/s3.js';
import { startListing, type Listing, type PageFeed } from '../../../src/app/browse/listing.js';
import { buildFullResult, PageIterator } from '../../../src/engine/http/paginate.js';

type Page = Record<string, unknown>;

/**
 * Pages handed out one `next()` at a time. Each is held until `release()`d (or at once with
 * `auto`); an Error in the list fails that page. Records how often the listing asked for more and
 * whether it closed the feed.
 */
function controlledFeed(pages: Array<Page | Error>, { resultKeys = [] as string[], auto = false } = {}) {
  let index = 0;
  const waiting: Array<() => void> = [];
  const log = { nextCalls: 0, returned: false };
  const deliver = (): IteratorResult<Page> => {
    const page = pages[index++];
    if (page === undefined) return { done: true, value: undefined };
    if (page instanceof Error) throw page;
    return { done: false, value: structuredClone(page) };
  };
  const next = async (): Promise<IteratorResult<Page>> => {
    log.nextCalls++;
    if (!auto) await new Promise<void>((resolve) => waiting.push(resolve));
    return deliver();
  };
  const feed: PageFeed = {
    resultKeys,
    pages: { next, return: async () => { log.returned = true; return { done: true, value: undefined }; } },
  };
  return {
    log,
    /** `open()` for startListing: the first page comes with it (as the browser asks for it). */
    open: async () => ({ feed, first: deliver() }),
    /** Lets the page in flight arrive. */
    release: () => waiting.shift()?.(),
    inFlight: () => waiting.length,
  };
}

/** Resolves once `check` holds for the listing's state (checked on every store update). */
function until(listing: Listing, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const stop = listing.state.subscribe(() => { if (check()) { stop(); resolve(); } });
  });
}

/** Waits for the listing to ask for the next page. */
async function untilAsked(source: { inFlight(): number }) {
  while (source.inFlight() === 0) await new Promise((r) => setImmediate(r));
}

const reservation = (...ids: string[]) => ({ Instances: ids.map((id) => ({ InstanceId: id, State: { Name: 'running' }, InstanceType: 't3.micro' })) });
const ec2Pages = [
  { Reservations: [reservation('i-1', 'i-2')], NextToken: 't1' },
  { Reservations: [reservation('i-3')], NextToken: 't2' },
  { Reservations: [reservation('i-4'), reservation('i-5')] },
];

const listInstances = (open: () => ReturnType<ReturnType<typeof controlledFeed>['open']>, extra: Partial<Parameters<typeof startListing>[0]> = {}) =>
  startListing({ open, items: instances.items, columns: instances.columns, scope: {}, ...extra });

const firstCells = (listing: Listing) => listing.rows.map((r) => r.cells[0]);

describe('startListing', () => {
  it('publishes the first page at once, while the next page is still in flight', async () => {
    const source = controlledFeed(ec2Pages);
    const listing = listInstances(source.open, { now: () => 0 });
    await until(listing, () => listing.state.get().version > 0);
    expect(listing.state.get()).toMatchObject({ status: 'loading', pages: 1, version: 1 });
    expect(firstCells(listing)).toEqual(['i-1', 'i-2']);
    await untilAsked(source);
    expect(source.log.nextCalls).toBe(1);
  });

  it('adds the rows of every page in order, then is done; later pages are published at most every publishEveryMs', async () => {
    let clock = 0;
    const source = controlledFeed(ec2Pages);
    const listing = listInstances(source.open, { now: () => clock, publishEveryMs: 100 });
    await until(listing, () => listing.state.get().pages === 1);
    await untilAsked(source);
    // Page 2 arrives within 100 ms of the first publish: its rows are there, not yet published.
    clock = 50;
    source.release();
    await until(listing, () => listing.state.get().pages === 2);
    expect(listing.state.get().version).toBe(1);
    expect(firstCells(listing)).toEqual(['i-1', 'i-2', 'i-3']);
    await untilAsked(source);
    // Page 3 comes 150 ms later: published with it.
    clock = 200;
    source.release();
    await until(listing, () => listing.state.get().pages === 3);
    expect(listing.state.get().version).toBe(2);
    await untilAsked(source);
    source.release();
    await listing.finished;
    expect(listing.state.get()).toMatchObject({ status: 'done', pages: 3 });
    expect(listing.state.get().version).toBeGreaterThan(2);
    expect(firstCells(listing)).toEqual(['i-1', 'i-2', 'i-3', 'i-4', 'i-5']);
    expect(listing.rows[3].values).toEqual(['i-4', null, 'running', 't3.micro', null, null, null, null]);
    expect(listing.rows[3].item).toEqual(ec2Pages[2].Reservations[0].Instances[0]);
  });

  it('keeps folders (CommonPrefixes) before objects across pages', async () => {
    const pages = [
      { CommonPrefixes: [{ Prefix: 'photos/a/' }], Contents: [{ Key: 'photos/1.jpg', Size: 10 }, { Key: 'photos/2.jpg', Size: 20 }] },
      { Contents: [{ Key: 'photos/3.jpg', Size: 30 }] },
      { CommonPrefixes: [{ Prefix: 'photos/b/' }, { Prefix: 'photos/c/' }], Contents: [{ Key: 'photos/4.jpg', Size: 40 }] },
      { CommonPrefixes: [{ Prefix: 'photos/d/' }] },
    ];
    const source = controlledFeed(pages, { auto: true, resultKeys: ['Contents', 'CommonPrefixes'] });
    const listing = startListing({ open: source.open, items: objects.items, columns: objects.columns, scope: { Bucket: 'bk', Prefix: 'photos/' } });
    await listing.finished;
    // Keys are shown relative to the prefix being browsed.
    expect(firstCells(listing)).toEqual(['a/', 'b/', 'c/', 'd/', '1.jpg', '2.jpg', '3.jpg', '4.jpg']);
    expect(listing.rows.map((r) => r.values[0])).toEqual(['photos/a/', 'photos/b/', 'photos/c/', 'photos/d/', 'photos/1.jpg', 'photos/2.jpg', 'photos/3.jpg', 'photos/4.jpg']);
    expect(listing.rows[4].cells[1]).toBe('10 B');
    expect(listing.rows[4].values[1]).toBe(10);
  });

  it('stop() lets the page in flight arrive, then stops asking and closes the feed (status stopped)', async () => {
    const source = controlledFeed(ec2Pages);
    const listing = listInstances(source.open);
    await until(listing, () => listing.state.get().pages === 1);
    await untilAsked(source);
    listing.stop();
    source.release();
    await listing.finished;
    expect(listing.state.get()).toMatchObject({ status: 'stopped', pages: 2 });
    expect(firstCells(listing)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(source.log.nextCalls).toBe(1);
    expect(source.log.returned).toBe(true);
  });

  it('is done, not loading forever, when stopped while the last page was in flight', async () => {
    const source = controlledFeed(ec2Pages.slice(0, 1));
    const listing = listInstances(source.open);
    await untilAsked(source);
    listing.stop();
    source.release();
    await listing.finished;
    expect(listing.state.get().status).toBe('done');
    // stop() after the end changes nothing.
    listing.stop();
    expect(listing.state.get().status).toBe('done');
  });

  it('keeps the rows of pages 1–2 when page 3 fails, with status error and the error', async () => {
    const failure = Object.assign(new Error('Rate exceeded'), { code: 'Throttling' });
    const source = controlledFeed([...ec2Pages.slice(0, 2), failure], { auto: true });
    const listing = listInstances(source.open);
    await listing.finished;
    expect(listing.state.get()).toMatchObject({ status: 'error', pages: 2, error: failure });
    expect(firstCells(listing)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(listing.state.get().version).toBeGreaterThan(0);
  });

  it('ends with status error and no rows when the first request fails, and still publishes', async () => {
    const failure = new Error('AccessDenied');
    const listing = startListing({ open: () => Promise.reject(failure), items: vpcs.items, columns: vpcs.columns, scope: {} });
    await listing.finished;
    expect(listing.state.get()).toMatchObject({ status: 'error', error: failure, pages: 0 });
    expect(listing.state.get().version).toBeGreaterThan(0);
    expect(listing.rows).toEqual([]);
  });

  it('merges pages as the CLI does (botocore build_full_result with the paginator result keys)', async () => {
    const pages: Page[] = [
      { CommonPrefixes: [{ Prefix: 'a/' }], Contents: [{ Key: 'k1', Size: 1 }], IsTruncated: true, NextContinuationToken: 'c1', Name: 'bk', KeyCount: 2 },
      { Contents: [{ Key: 'k2', Size: 2 }, { Key: 'k3', Size: 3 }], IsTruncated: true, NextContinuationToken: 'c2', Name: 'bk', KeyCount: 2 },
      { CommonPrefixes: [{ Prefix: 'b/' }], IsTruncated: false, Name: 'bk', KeyCount: 1 },
    ];
    const resultKeys = ['Contents', 'CommonPrefixes'];
    let call = 0;
    const iterator = new PageIterator(
      { input_token: 'ContinuationToken', output_token: 'NextContinuationToken', more_results: 'IsTruncated', result_key: resultKeys, limit_key: 'MaxKeys' },
      async () => structuredClone(pages[call++]),
      { Bucket: 'bk' },
    );
    const expected = await buildFullResult(iterator);
    const source = controlledFeed(pages, { auto: true, resultKeys });
    const listing = startListing({ open: source.open, items: objects.items, columns: objects.columns, scope: { Bucket: 'bk', Prefix: '' } });
    await listing.finished;
    expect(listing.merged()).toEqual(expected);
    expect(listing.merged()).toEqual({ Contents: [{ Key: 'k1', Size: 1 }, { Key: 'k2', Size: 2 }, { Key: 'k3', Size: 3 }], CommonPrefixes: [{ Prefix: 'a/' }, { Prefix: 'b/' }] });
  });

  it('is the response itself for a one-page operation without result keys', async () => {
    const page = { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] };
    const source = controlledFeed([page], { auto: true });
    const listing = startListing({ open: source.open, items: vpcs.items, columns: vpcs.columns, scope: {} });
    await listing.finished;
    expect(listing.merged()).toEqual(page);
  });

  it('shows control characters in cells as escapes, keeps the raw value for sorting and export', async () => {
    const evil = 'report\x1b[2J\x07.txt';
    const source = controlledFeed([{ Contents: [{ Key: evil, Size: 1 }] }], { auto: true });
    const listing = startListing({ open: source.open, items: objects.items, columns: objects.columns, scope: { Bucket: 'bk', Prefix: '' } });
    await listing.finished;
    expect(listing.rows[0].cells[0]).toBe('report\\e[2J\\x07.txt');
    expect(listing.rows[0].values[0]).toBe(evil);
    expect(listing.rows[0].cells.join('')).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('escapes tags too (names come from a tag path), and widens a column to its widest cell, wide characters counted twice', async () => {
    const source = controlledFeed([{ Vpcs: [
      { VpcId: 'vpc-1', Tags: [{ Key: 'Name', Value: 'bad\x1b]0;title\x07' }] },
      { VpcId: 'vpc-2', Tags: [{ Key: 'Name', Value: '日本語' }] },
    ] }], { auto: true });
    const listing = startListing({ open: source.open, items: vpcs.items, columns: vpcs.columns, scope: {} });
    await listing.finished;
    expect(listing.rows[0].cells[1]).toBe('bad\\e]0;title\\x07');
    expect(listing.rows[1].cells[1]).toBe('日本語');
    // Title "Name" is 4 cells; 日本語 is 6; the escaped name is 17.
    expect(listing.widths[1]).toBe(17);
    const wide = startListing({ open: controlledFeed([{ Vpcs: [{ VpcId: 'v', Tags: [{ Key: 'Name', Value: '日本語' }] }] }], { auto: true }).open, items: vpcs.items, columns: vpcs.columns, scope: {} });
    await wide.finished;
    expect(wide.widths[1]).toBe(6);
  });
});
