// Every resource view, its children, related views and details, drawn from responses in which every
// string the service model allows (names, tags, keys, ids, messages, map keys) is hostile text: an
// OSC title, a CSI colour, C1 controls, bidi overrides, tabs and line breaks. The pages are built
// from the service models, so a view added later is covered without touching this test.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import jmespath from 'jmespath';
import { resourceViews, viewById, type Child, type ResourceDescriptor } from '../../services/index.js';
import { loadService } from '../../src/engine/models/loader.js';
import { outputShape, resolveShape } from '../../src/engine/models/shapes.js';
import type { ServiceModel, Shape } from '../../src/engine/models/types.js';
import { fakeEngine, profile, type FakeEngine } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';
import { expectInert } from './inert.js';

afterEach(() => cleanup());

const HOSTILE = 'x\x1b]0;pwned\x07red\x1b[31mtext\x9b2J\u202e\t\r\nz';

/**
 * A value of `shape` with hostile text in every string; lists and maps get one element. A shape
 * already on the path (recursive shapes) and anything deeper than 6 levels is left empty.
 */
function hostileValue(model: ServiceModel, shape: Shape, member: string, path: string[]): unknown {
  const nested = shape.name ? [...path, shape.name] : path;
  const deeper = (ref: Parameters<typeof resolveShape>[1], name: string): unknown => {
    const next = resolveShape(model, ref);
    return next.name && nested.includes(next.name) ? undefined : hostileValue(model, next, name, nested);
  };
  if (path.length > 6 && (shape.type === 'structure' || shape.type === 'list' || shape.type === 'map')) return undefined;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const value = deeper(ref, name);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'list': {
      const value = deeper(shape.member, member);
      return value === undefined ? [] : [value];
    }
    case 'map': {
      const value = deeper(shape.value, member);
      return value === undefined ? {} : { [HOSTILE]: value };
    }
    case 'timestamp':
      return '2026-01-02T03:04:05+00:00';
    case 'boolean':
      return true;
    case 'integer': case 'long': case 'float': case 'double':
      return 7;
    default:
      // A tag's key is `Name`, so Name columns (which pick that tag) show the hostile value.
      return member === 'Key' ? 'Name' : HOSTILE;
  }
}

const pageCache = new Map<string, Record<string, unknown>>();

function hostilePage(service: string, operation: string): Record<string, unknown> {
  const key = `${service}.${operation}`;
  if (!pageCache.has(key)) pageCache.set(key, buildPage(service, operation));
  return structuredClone(pageCache.get(key)!);
}

function buildPage(service: string, operation: string): Record<string, unknown> {
  const model = loadService(service);
  const op = model.operations[operation];
  if (!op) throw new Error(`${service} has no operation ${operation}`);
  const shape = outputShape(model, op);
  const page = shape ? (hostileValue(model, shape, '', []) as Record<string, unknown>) : {};
  // One page only: a continuation token would list the same page again.
  for (const k of ['NextToken', 'nextToken', 'Marker', 'NextMarker', 'ContinuationToken', 'NextContinuationToken', 'IsTruncated', 'NextKeyMarker', 'NextForwardToken', 'NextBackwardToken']) delete page[k];
  return page;
}

function hostileEngine(): FakeEngine {
  const engine = fakeEngine([profile('default', { isDefault: true })]);
  for (const view of resourceViews) {
    if (view.compute) continue;
    engine.pages.set(`${view.service}.${view.operation}`, [hostilePage(view.service, view.operation)]);
    if (typeof view.detail === 'function') {
      const item = {};
      for (const call of safeDetailCalls(view, item)) engine.pages.set(`${call.service}.${call.operation}`, [hostilePage(call.service, call.operation)]);
    }
  }
  return engine;
}

function safeDetailCalls(view: ResourceDescriptor, item: Record<string, unknown>) {
  try {
    return typeof view.detail === 'function' ? view.detail(item, {}) : [];
  } catch {
    return [];
  }
}

/** Views some row opens (children and related views): reached through their parent, not the palette. */
function childIds(): Set<string> {
  const ids = new Set<string>();
  for (const view of resourceViews) {
    if (view.compute) continue;
    const item = { Key: 'k/', Prefix: 'p/', Name: 'n', StackName: 's', logGroupName: 'g', logStreamName: 's', UserName: 'u', RoleName: 'r', Arn: 'a', PolicyArn: 'a', BucketName: 'b' };
    for (const open of [view.child?.(item, {}), view.related?.(item, {})]) {
      if (open && 'view' in open) ids.add(open.view);
    }
  }
  return ids;
}

const size = { columns: 140, rows: 30 };
type Ui = Awaited<ReturnType<typeof renderDashboard>>;

const titleOf = (ui: Ui) => ui.frame().split('\n').find((l) => /\b\d+(\/\d+)? rows?\b/.test(l)) ?? '';
const inDetail = (f: string) => /\b(YAML|JSON)\b/.test(f.split('\n').slice(0, 4).join('\n'));

/** The first row's item of a view's hostile page, as the view's own code sees it. */
function firstItem(view: ResourceDescriptor): Record<string, unknown> {
  const page = hostilePage(view.service, view.operation);
  for (const path of view.items) {
    const items = jmespath.search(page, path) as Array<Record<string, unknown>> | null;
    if (items?.length) return items[0]!;
  }
  throw new Error(`${view.id}: the hostile page has no items`);
}

/** Breadcrumb depth: `default › us-east-1 › EC2 instances` is a top view (2), its children 3, …. */
const depthOf = (f: string) => (f.split('\n')[1] ?? '').split(' › ').length - 1;

async function expectView(ui: Ui, level: number) {
  await ui.waitFor((f) => depthOf(f) === level && /\b\d+ rows?\b/.test(titleOf(ui)) && !f.includes('loading') && !inDetail(f), 5000);
  expectInert(ui.app.lastFrame()!);
}

async function expectDetail(ui: Ui, level: number) {
  await ui.waitFor(inDetail, 5000);
  expectInert(ui.app.lastFrame()!);
  await ui.press(keys.escape);
  await expectView(ui, level);
}

/** Checks a view, its detail, and (to `depth`) what Enter and `v` open from its row. */
async function walk(ui: Ui, view: ResourceDescriptor, seen: string[], level: number): Promise<void> {
  seen.push(view.id);
  await expectView(ui, level);
  await ui.press('d');
  await expectDetail(ui, level);
  if (level === 4) return;
  const item = firstItem(view);
  const opens: Array<[string, Child | undefined]> = [[keys.enter, view.child ? view.child(item, {}) : { detail: true }], ['v', view.related?.(item, {})]];
  for (const [key, target] of opens) {
    if (!target) continue;
    await ui.press(key);
    if (!('view' in target)) {
      await expectDetail(ui, level);
      continue;
    }
    await walk(ui, viewById(target.view)!, seen, level + 1);
    await ui.press(keys.escape);
    await expectView(ui, level);
  }
}

describe('hostile text in every resource view', () => {
  it('is drawn escaped in tables, details and the views rows open', async () => {
    const children = childIds();
    const tops = resourceViews.filter((v) => !v.compute && !children.has(v.id));
    expect(tops.length).toBeGreaterThan(5);
    const seen: string[] = [];
    for (const view of tops) {
      const ui = await renderDashboard(hostileEngine(), { size });
      await ui.waitFor('valid');
      await ui.press(':', view.aliases[0]!);
      await ui.waitFor(`:${view.aliases[0]}`);
      await ui.press(keys.enter);
      await walk(ui, view, seen, 2);
      cleanup();
    }
    // Every view but the computed audit was reached and checked.
    const missed = resourceViews.filter((v) => !v.compute && !seen.includes(v.id)).map((v) => v.id);
    expect(missed).toEqual([]);
  }, 240_000);
});
