// The one generic resource view: any descriptor of services/ as a streaming, windowed table with
// filter, sort, query bar, detail, copy, export and "show as CLI". Nothing here is view-specific.
import { Box, Text } from 'ink';
import jmespath from 'jmespath';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { viewById, type ChildView } from '../services/index.js';
import { viewScope, type ActionContext } from '../src/app/actions.js';
import { listingParams, type ListingRequest } from '../src/app/browse/browser.js';
import { cliLine, rowsQuery } from '../src/app/browse/cli-line.js';
import { openInConsole } from '../src/app/browse/console-open.js';
import type { ExportFormat } from '../src/app/browse/export.js';
import { nextSort, type SortState } from '../src/app/browse/table-model.js';
import { useFollow } from '../src/app/browse/use-follow.js';
import type { FanOutRow } from '../src/app/browse/fan-out.js';
import type { BrowseRow } from '../src/app/browse/listing.js';
import { useListingState, useResourceTable } from '../src/app/browse/use-resource-table.js';
import { useRowActions } from '../src/app/browse/use-row-actions.js';
import { useViewTasks } from '../src/app/browse/use-view-tasks.js';
import { useActions, useKeyLayer, useReadOnly, useServices } from '../src/app/dashboard-context.js';
import { ENVIRONMENT_PROFILE } from '../src/app/engine-port.js';
import { cursorMoveForAction, moveCursor } from '../src/app/list-cursor.js';
import type { Token } from '../src/app/theme.js';
import { CommandLine } from './CommandLine.js';
import { regionProblemLines, ResourceStatus } from './ResourceStatus.js';
import { Table } from './Table.js';
import type { ViewProps } from './ViewBody.js';

const text = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value));

export function ResourceView({ entry, width, height, active, push, onContext }: ViewProps) {
  const { browser, dashboard, copyToClipboard, openBrowser } = useServices();
  const readOnly = useReadOnly();
  const resource = entry.resource!;
  const profile = entry.profile ?? '';
  const { descriptor, scope, region, profiles } = resource;
  const [flat, setFlat] = useState(Boolean(resource.flat));
  const [reloads, setReloads] = useState(0);
  const request: ListingRequest = useMemo(() => ({ descriptor, scope, profile, region, flat, profiles }), [descriptor, scope, profile, region, flat, profiles]);
  const listing = useMemo(() => browser.listing(request, reloads > 0), [browser, request, reloads]);
  const lastMoveAt = useRef(0);
  const state = useListingState(listing, useCallback(() => lastMoveAt.current, []));
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortState>();
  const [query, setQuery] = useState('');
  const [bar, setBar] = useState<'filter' | 'query' | 'export'>();
  const shown = useResourceTable(listing, state.version, filter, sort, query);
  const selectedRef = useRef(0);
  const [selectedState, setSelectedState] = useState(0);
  const cursor = Math.min(selectedState, Math.max(0, shown.count - 1));
  const row = shown.count ? shown.rowAt(cursor) : undefined;
  const setSelected = (next: number) => { selectedRef.current = next; setSelectedState(next); };
  const querying = query !== '' && shown.query?.kind === 'table';
  const follow = useFollow({
    browser, request, listing, status: state.status, active, count: shown.count, cursor, moveTo: (i) => setSelected(i),
    onError: (error) => dashboard.prompts.showMessage('Stopped following', (error as Error).message),
  });
  const related = row && !querying ? descriptor.related?.(row.item, scope) : undefined;
  const tableHeight = height - 1 - regionProblemLines(state).length - (bar ? 1 : 0) - (bar === 'query' && shown.query?.kind === 'error' ? 1 : 0);
  // A row of `:<view> all` or of picked profiles says its own region and profile: its detail,
  // children, ARN, console page and actions are there.
  const regionOf = (r: BrowseRow | undefined) => (r as FanOutRow | undefined)?.region || region;
  const profileOf = (r: BrowseRow | undefined) => (r as FanOutRow | undefined)?.profile ?? profile;
  const requestFor = (r: BrowseRow | undefined): ListingRequest => ({ ...request, profiles: undefined, profile: profileOf(r), region: regionOf(r) });
  const rowActions = useRowActions({
    descriptor, scope, profileOf, regionOf, state, reload: () => setReloads((n) => n + 1),
    rows: () => listing.rows, selected: querying ? undefined : row,
  });
  const taskHandlers = useViewTasks({
    descriptor, scope, profile, regionOf, chosenRows: rowActions.chosenRows, clearPicked: rowActions.clearPicked, reload: () => setReloads((n) => n + 1),
  });

  const ctx: ActionContext = {
    view: 'resource', readOnly, canGoBack: true, filtered: filter !== '' || query !== '',
    row: {
      selected: String(row !== undefined), loading: String(state.status === 'loading'), canFlat: String(Boolean(descriptor.flat) && !querying),
      canAct: String(Boolean(descriptor.actions?.length || descriptor.tasks?.some((t) => t.onRows)) && !querying),
      canFollow: String(follow.canFollow), hasRelated: String(Boolean(descriptor.related)), related: String(Boolean(related)),
    },
  };
  const ctxKey = JSON.stringify([ctx.row, ctx.filtered]);
  useEffect(() => { if (active) onContext({ row: ctx.row, filtered: ctx.filtered }); }, [active, ctxKey]);

  const where = () => browser.where(requestFor(row));
  const idOf = (item: Record<string, unknown>) => text(jmespath.search(item, descriptor.identity.id));
  const openDetail = (item: Record<string, unknown>) => push({
    id: 'detail', profile: profileOf(row),
    detail: {
      title: querying ? 'query row' : idOf(item) || descriptor.title,
      load: () => (querying ? Promise.resolve(item) : browser.detail(requestFor(row), item)),
      consoleUrl: querying ? undefined : descriptor.consoleUrl?.(item, where()),
      region: regionOf(row),
    },
  });
  const openView = (child: ChildView) => {
    const target = viewById(child.view);
    if (!target) return;
    const where = child.region ?? regionOf(row);
    const owner = profileOf(row);
    // The child's first request goes out before its first frame is drawn.
    browser.listing({ descriptor: target, scope: child.scope, profile: owner, region: where, flat: false });
    push({ id: 'resource', profile: owner, resource: { descriptor: target, scope: child.scope, region: where, label: child.label } });
  };
  const copy = (what: string, value: string | undefined) => {
    if (!value) return dashboard.prompts.showMessage(`No ${what}`, `This row has no ${what}.`);
    copyToClipboard(value);
    dashboard.prompts.showMessage('Copied', `${what} ${value} is on the clipboard (OSC 52).`);
  };
  const move = (id: string) => () => {
    const step = cursorMoveForAction(id);
    lastMoveAt.current = performance.now();
    if (step) setSelected(moveCursor(Math.min(selectedRef.current, shown.count - 1), step, shown.count, tableHeight - 1));
  };
  const exportAs = (format: ExportFormat) => {
    setBar(undefined);
    try {
      const rows = Array.from({ length: shown.count }, (_, i) => shown.rowAt(i).values);
      const path = browser.exportRows(descriptor.id, format, shown.columns.map((c) => c.title), rows);
      dashboard.prompts.showMessage('Exported', `${rows.length} rows written to ${path}`);
    } catch (error) {
      dashboard.prompts.showMessage('Export failed', (error as Error).message);
    }
  };
  useKeyLayer('prompt', (key) => {
    if (key.name === 'c' || key.name === 'j') exportAs(key.name === 'c' ? 'csv' : 'json');
    else if (key.name === 'escape') setBar(undefined);
    return true;
  }, active && bar === 'export');

  useActions([viewScope(descriptor), 'resource', 'table'], ctx, {
    ...rowActions.handlers,
    ...taskHandlers,
    'resource.pick': () => { rowActions.togglePick(); move('table.down')(); },
    'table.down': move('table.down'), 'table.up': move('table.up'), 'table.top': move('table.top'),
    'table.bottom': move('table.bottom'), 'table.pageDown': move('table.pageDown'), 'table.pageUp': move('table.pageUp'),
    'table.filter': () => setBar('filter'),
    'table.clearFilter': () => { if (filter) setFilter(''); else setQuery(''); },
    'resource.open': () => {
      if (!row) return;
      const child = querying ? undefined : descriptor.child?.(row.item, scope);
      if (child && 'view' in child && viewById(child.view)) openView(child);
      else openDetail(row.item);
    },
    'resource.related': () => { if (related) openView(related); },
    'resource.follow': () => follow.toggle(),
    'resource.describe': () => { if (row) openDetail(row.item); },
    'resource.sort': (key) => { setSort((s) => nextSort(s, Number(key.name) - 1)); setSelected(0); },
    'resource.query': () => setBar('query'),
    'resource.reload': () => setReloads((n) => n + 1),
    'resource.stop': () => listing.stop(),
    'resource.flat': () => {
      browser.listing({ ...request, flat: !flat });
      setFlat((f) => !f);
      setSelected(0);
    },
    'resource.copyId': () => { if (row) copy('id', querying ? text(row.values[0]) : idOf(row.item)); },
    'resource.copyArn': () => { if (row) copy('ARN', querying ? undefined : descriptor.identity.arn?.(row.item, where())); },
    'resource.copyUrl': () => { if (row) copy('console URL', querying ? undefined : descriptor.consoleUrl?.(row.item, where())); },
    'resource.openConsole': () => {
      const destination = row && !querying ? descriptor.consoleUrl?.(row.item, where()) : undefined;
      if (!destination) return dashboard.prompts.showMessage('No console page', 'This row has no console page.');
      void openInConsole(dashboard, openBrowser, copyToClipboard, { profile: profileOf(row), region: regionOf(row), destination });
    },
    'resource.export': () => setBar('export'),
    'resource.cli': () => {
      const line = cliLine({
        service: descriptor.service, operation: descriptor.operation, params: listingParams(request),
        query: query || rowsQuery(descriptor.items, descriptor.columns), region,
        profile: profile && profile !== ENVIRONMENT_PROFILE ? profile : undefined,
      });
      copyToClipboard(line);
      const note = (filter || sort ? '\n\n(the filter and sort of this view are not part of it)' : '')
        + (profiles ? `\n\n(this view lists ${profiles.length} profiles: run it with --profile for each)` : '');
      dashboard.prompts.showMessage('Show as CLI (copied to the clipboard)', `${line}${note}`);
    },
  }, 'view', active && !bar);

  const toneOf = (i: number): Token | undefined => {
    if (querying) return undefined;
    const shownRow = shown.rowAt(i);
    return rowActions.isPicked(shownRow) ? 'accent' : descriptor.tone?.(shownRow.item);
  };
  const source = useMemo(() => ({ count: shown.count, cellsAt: (i: number) => shown.rowAt(i).cells, naturalWidths: shown.naturalWidths, version: shown.version }), [shown]);
  return (
    <Box flexDirection="column" height={height}>
      <ResourceStatus title={descriptor.label ? descriptor.label(scope) : descriptor.title} flat={flat} following={follow.following} shown={shown} state={state} query={query} width={width} picked={rowActions.picked.size}
        where={{ profile, region, service: descriptor.service, operation: descriptor.operation }} />
      {state.status === 'error' && listing.rows.length === 0 ? null : (
        <Table columns={shown.columns} source={source} toneOf={toneOf} selected={cursor} width={width} height={tableHeight}
          emptyText={state.status === 'loading' ? 'loading…' : filter ? `no row matches "${filter}"` : 'nothing here'} />
      )}
      {bar === 'filter' ? (
        <CommandLine prefix="/" initial={filter} onChange={(t) => { setFilter(t); setSelected(0); }}
          onSubmit={() => setBar(undefined)} onCancel={() => { setFilter(''); setBar(undefined); }} />
      ) : null}
      {bar === 'query' ? (
        <CommandLine prefix="query " initial={query} onChange={(t) => { setQuery(t); setSelected(0); }}
          error={shown.query?.kind === 'error' ? shown.query.message : undefined} errorPosition={shown.query?.kind === 'error' ? shown.query.position : undefined}
          onSubmit={(t) => { setBar(undefined); if (shown.query?.kind === 'detail') openDetailValue(push, profile, t, shown.query.value); }}
          onCancel={() => { setQuery(''); setBar(undefined); }} />
      ) : null}
      {bar === 'export' ? <Text>Export {shown.count} rows as shown to the current folder: <Text bold>c</Text> CSV  <Text bold>j</Text> JSON  esc cancel</Text> : null}
    </Box>
  );
}

/** A query whose result is not a list of rows (`length(Contents)`) opens as a detail. */
function openDetailValue(push: ViewProps['push'], profile: string, query: string, value: unknown) {
  push({ id: 'detail', profile, detail: { title: `query ${query}`, load: () => Promise.resolve(value) } });
}
