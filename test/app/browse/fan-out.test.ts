// startFanOut on its own: places open a few at a time, and a nested fan-out (picked profiles ×
// every region) shares the one gate, so profiles × regions never opens more than six listings at
// once; rows keep their place's order and leading values; early and nested problems are prefixed.
import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../../services/types.js';
import { PROFILE_COLUMNS, REGION_COLUMN, startFanOut, type FanOutRow, type FanOutState, type Gate } from '../../../src/app/browse/fan-out.js';
import { startListing, type Listing } from '../../../src/app/browse/listing.js';

const columns: ColumnSpec[] = [{ id: 'id', title: 'Id', path: 'Id', min: 2 }];

/** Counts listings whose first request is in flight; each takes a few ms. */
function meter() {
  let open = 0;
  let most = 0;
  const listingOf = (ids: string[], gate: Gate, fail?: string): Listing => startListing({
    items: ['Items[]'], columns, scope: {},
    open: () => gate(async () => {
      open++;
      most = Math.max(most, open);
      await new Promise((r) => setTimeout(r, 5));
      open--;
      if (fail) throw new Error(fail);
      return { feed: { resultKeys: [], pages: (async function* none() {})() }, first: { done: false as const, value: { Items: ids.map((Id) => ({ Id })) } } };
    }),
  });
  return { listingOf, most: () => most };
}

const regions = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-south-1', 'sa-east-1'];

describe('startFanOut', () => {
  it('opens at most six places at once, nested fan-outs included, and keeps rows in place order', async () => {
    const m = meter();
    const profiles = ['a', 'b', 'c', 'd'];
    const listing = startFanOut({
      lead: PROFILE_COLUMNS, columns: [REGION_COLUMN, ...columns], noun: 'profiles',
      parts: async () => ({
        parts: profiles.map((p, i) => ({ key: p, values: [p, `00000000000${i}`], where: { profile: p, account: `00000000000${i}` } })),
        problems: ['e: needs MFA'],
      }),
      listingIn: (part, gate) => startFanOut({
        lead: [REGION_COLUMN], columns, noun: 'regions', gate,
        parts: async () => ({ parts: regions.map((region) => ({ key: region, values: [region], where: { region } })) }),
        listingIn: (inner, innerGate) => m.listingOf([`${part.key}-${inner.key}`], innerGate, part.key === 'b' && inner.key === 'sa-east-1' ? 'denied' : undefined),
      }),
    });
    await listing.finished;
    expect(m.most()).toBe(6);
    const state = listing.state.get() as FanOutState;
    expect(state).toMatchObject({ status: 'done', parts: 5, noun: 'profiles', problems: ['e: needs MFA', 'b: sa-east-1: denied'] });
    const rows = listing.rows as FanOutRow[];
    expect(rows).toHaveLength(profiles.length * regions.length - 1);
    expect(rows.slice(0, 2).map((r) => r.values)).toEqual([['a', '000000000000', 'eu-west-1', 'a-eu-west-1'], ['a', '000000000000', 'us-east-1', 'a-us-east-1']]);
    expect(rows.map((r) => `${r.profile}/${r.account}/${r.region}`)).toEqual(
      profiles.flatMap((p, i) => regions.filter((r) => !(p === 'b' && r === 'sa-east-1')).map((r) => `${p}/00000000000${i}/${r}`)));
    expect(listing.columns.map((c) => c.title)).toEqual(['Profile', 'Account', 'Region', 'Id']);
  });

  it('shows a hostile place name escaped in its cells, raw in its values (exports)', async () => {
    const m = meter();
    const listing = startFanOut({
      lead: PROFILE_COLUMNS, columns, noun: 'profiles',
      parts: async () => ({ parts: [{ key: 'x', values: ['evil\x1b]0;t\x07', '1'], where: { profile: 'evil\x1b]0;t\x07', region: 'r' } }] }),
      listingIn: (_part, gate) => m.listingOf(['i-1'], gate),
    });
    await listing.finished;
    expect(listing.rows[0].values[0]).toBe('evil\x1b]0;t\x07');
    expect(listing.rows[0].cells[0]).toBe('evil\\e]0;t\\x07');
    expect(listing.widths[0]).toBe('evil\\e]0;t\\x07'.length);
  });
});
