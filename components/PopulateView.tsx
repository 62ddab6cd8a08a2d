// `sso populate` with multi-select: every account × role the sso-session reaches, space to pick,
// `a` for all shown, `/` to filter, Enter for the diff of the picked ones (written on `y`).
import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActionContext } from '../src/app/actions.js';
import { useActions, useReadOnly, useServices } from '../src/app/dashboard-context.js';
import type { SsoAssignment } from '../src/app/engine-port.js';
import { cursorMoveForAction, moveCursor } from '../src/app/list-cursor.js';
import { assignmentFilter, assignmentKey, populateCells, populateColumns, selectable, toggle, toggleAll } from '../src/app/populate-rows.js';
import { visibleText } from '../src/app/sanitize.js';
import { CommandLine } from './CommandLine.js';
import { Table } from './Table.js';
import type { ViewProps } from './ViewBody.js';

export function PopulateView({ entry, width, height, active, onContext }: ViewProps) {
  const { dashboard, theme } = useServices();
  const readOnly = useReadOnly();
  const ssoSession = entry.ssoSession ?? '';
  const [assignments, setAssignments] = useState<SsoAssignment[]>();
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState('');
  const [filtering, setFiltering] = useState(false);
  const cursorRef = useRef(0);
  const [cursorState, setCursorState] = useState(0);
  const setCursor = (next: number) => { cursorRef.current = next; setCursorState(next); };

  useEffect(() => {
    let live = true;
    void dashboard.ssoAssignments(ssoSession, entry.profile).then((result) => {
      if (!live) return;
      if (result) setAssignments(result);
      else setFailed(true);
    });
    return () => { live = false; };
  }, [dashboard, ssoSession, entry.profile]);

  const list = useMemo(() => assignmentFilter(assignments ?? []), [assignments]);
  const shown = useMemo(() => list.matches(filter).map((i) => list.items[i]!.value), [list, filter]);
  const cells = useMemo(() => populateCells(shown, selected), [shown, selected]);
  const cursor = Math.min(cursorState, Math.max(0, shown.length - 1));
  const tableHeight = height - 2;

  const ctx: ActionContext = { view: 'populate', readOnly, canGoBack: true, filtered: filter !== '', row: { selected: String(selected.size) } };
  const ctxKey = JSON.stringify([ctx.row, ctx.filtered]);
  useEffect(() => { if (active) onContext({ row: ctx.row, filtered: ctx.filtered }); }, [active, ctxKey]);

  const move = (id: string) => () => {
    const step = cursorMoveForAction(id);
    if (step) setCursor(moveCursor(Math.min(cursorRef.current, shown.length - 1), step, shown.length, tableHeight - 1));
  };
  const chosen = () => (assignments ?? []).filter((a) => selected.has(assignmentKey(a)));
  useActions(['populate', 'table'], ctx, {
    'table.down': move('table.down'), 'table.up': move('table.up'), 'table.top': move('table.top'),
    'table.bottom': move('table.bottom'), 'table.pageDown': move('table.pageDown'), 'table.pageUp': move('table.pageUp'),
    'table.filter': () => setFiltering(true),
    'table.clearFilter': () => setFilter(''),
    'populate.toggle': () => { const a = shown[cursor]; if (a && selectable(a)) setSelected((s) => toggle(s, assignmentKey(a))); },
    'populate.toggleAll': () => setSelected((s) => toggleAll(s, shown)),
    'populate.review': () => {
      void dashboard.populate(ssoSession, chosen()).then((written) => { if (written) setSelected(new Set()); });
    },
  }, 'view', active && !filtering);

  const shownSession = visibleText(ssoSession);
  const status = assignments
    ? `sso-session ${shownSession}: ${selected.size} of ${assignments.length} selected${filter ? ` · /${visibleText(filter)} (${shown.length} shown)` : ''}`
    : failed ? `sso-session ${shownSession}: could not list the accounts (esc back)` : `sso-session ${shownSession}: listing accounts and roles…`;
  return (
    <Box flexDirection="column" height={height}>
      <Text {...theme.info} wrap="truncate">{status}</Text>
      <Table columns={populateColumns} rows={cells} toneOf={(i) => (selected.has(assignmentKey(shown[i]!)) ? 'ok' : 'text')} selected={cursor}
        width={width} height={tableHeight} emptyText={assignments ? (filter ? `nothing matches "${visibleText(filter)}"` : 'this sso-session reaches no account') : failed ? 'nothing listed' : 'asking the SSO portal…'} />
      {filtering
        ? <CommandLine prefix="/" initial={filter} onChange={(text) => { setFilter(text); setCursor(0); }}
            onSubmit={() => setFiltering(false)} onCancel={() => { setFilter(''); setFiltering(false); }} />
        : <Text {...theme.muted} wrap="truncate">space select · a all shown · / filter · ⏎ diff, then y writes · esc back</Text>}
    </Box>
  );
}
