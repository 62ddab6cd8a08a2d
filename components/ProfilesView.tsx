// Home: every profile with type, state, account, principal and region; filter as you type; one key per fix.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActionContext } from '../src/app/actions.js';
import { useActions, useNow, useServices } from '../src/app/dashboard-context.js';
import { cursorMoveForAction, moveCursor } from '../src/app/list-cursor.js';
import { cloneProfileForm, editProfileForm, newProfileForm, renameProfileForm, SSO_FROM_PORTAL, type ProfileForm } from '../src/app/profile-forms.js';
import { profileColumns, profileRows, rowFacts } from '../src/app/profile-rows.js';
import { visibleText } from '../src/app/sanitize.js';
import { useStore } from '../src/app/store.js';
import { CommandLine } from './CommandLine.js';
import { ExportPicker } from './ExportPicker.js';
import { FormModal } from './FormModal.js';
import { Table } from './Table.js';
import type { ViewProps } from './ViewBody.js';

export function ProfilesView({ width, height, active, push, onContext }: ViewProps) {
  const { dashboard, readOnly, theme } = useServices();
  const { profiles, identities, problems, loading } = useStore(dashboard.profiles);
  const session = useStore(dashboard.session);
  const now = useNow(15_000);
  const [filter, setFilter] = useState('');
  const [filtering, setFiltering] = useState(false);
  const [form, setForm] = useState<ProfileForm>();
  const [exporting, setExporting] = useState<string>();
  const selectedRef = useRef(0);
  const [selected, setSelectedState] = useState(0);
  const rows = useMemo(() => profileRows(profiles, identities, filter, now, session.profile, session.picked), [profiles, identities, filter, now, session.profile, session.picked]);
  const picked = session.picked?.filter((name) => profiles.some((p) => p.name === name)) ?? [];
  // Stable between keypresses, so column widths are measured once per data change, not per move.
  const cells = useMemo(() => rows.map((r) => r.cells), [rows]);
  const cursor = Math.min(selected, Math.max(0, rows.length - 1));
  const row = rows[cursor];
  const setSelected = (next: number) => { selectedRef.current = next; setSelectedState(next); };
  const tableHeight = height - (filtering || filter ? 1 : 0) - (problems.length ? 1 : 0) - (picked.length ? 1 : 0);

  const ctx: ActionContext = { view: 'profiles', readOnly, canGoBack: false, row: rowFacts(row), filtered: filter !== '' };
  const ctxKey = JSON.stringify([ctx.row, ctx.filtered]);
  useEffect(() => { if (active) onContext({ row: ctx.row, filtered: ctx.filtered }); }, [active, ctxKey]);

  const move = (id: string) => () => {
    const step = cursorMoveForAction(id);
    if (step) setSelected(moveCursor(Math.min(selectedRef.current, rows.length - 1), step, rows.length, tableHeight - 1));
  };
  const withRow = (run: (name: string) => void) => () => { if (row) run(row.name); };
  const modalOpen = Boolean(form || exporting);
  useActions(['profiles', 'table'], ctx, {
    'table.down': move('table.down'), 'table.up': move('table.up'), 'table.top': move('table.top'),
    'table.bottom': move('table.bottom'), 'table.pageDown': move('table.pageDown'), 'table.pageUp': move('table.pageUp'),
    'table.filter': () => setFiltering(true),
    'table.clearFilter': () => setFilter(''),
    'profiles.use': withRow((name) => { dashboard.switchProfile(name); void dashboard.check(name, true); }),
    'profiles.pick': () => { if (row) { dashboard.togglePicked(row.name); move('table.down')(); } },
    'profiles.describe': withRow((name) => push({ id: 'profile-detail', profile: name })),
    'profiles.login': withRow((name) => void dashboard.logIn(name)),
    'profiles.mfa': withRow((name) => void dashboard.unlockWithMfa(name)),
    'profiles.refresh': withRow((name) => void dashboard.check(name, true)),
    'profiles.refreshAll': () => void dashboard.checkAll(true),
    'profiles.export': withRow(setExporting),
    'profiles.exec': withRow((name) => void dashboard.openSubshell(name)),
    'profiles.new': () => setForm(newProfileForm(profiles)),
    'profiles.edit': () => { if (row) setForm(editProfileForm(row.summary)); },
    'profiles.clone': () => { if (row) setForm(cloneProfileForm(row.summary, profiles)); },
    'profiles.rename': () => { if (row) setForm(renameProfileForm(row.summary, profiles)); },
    'profiles.default': withRow((name) => void dashboard.change({ type: 'make-default', profile: name })),
    'profiles.populate': withRow((name) => void dashboard.pickSsoSession(undefined, name).then((ssoSession) => {
      if (ssoSession) push({ id: 'populate', ssoSession, profile: name });
    })),
    'profiles.delete': withRow((name) => void dashboard.change({ type: 'delete', profile: name }, true)),
  }, 'view', active && !modalOpen && !filtering);

  if (form) {
    return <FormModal title={form.title} fields={form.fields} width={width} height={height} onCancel={() => setForm(undefined)}
      onDone={(values) => {
        setForm(undefined);
        // New SSO profiles come from the portal: the populate view for the chosen sso-session.
        if (values.type === SSO_FROM_PORTAL) push({ id: 'populate', ssoSession: values.sso_session, profile: row?.name });
        else void dashboard.change(form.toChange(values));
      }} />;
  }
  if (exporting) return <ExportPicker profile={exporting} width={width} onClose={() => setExporting(undefined)} />;
  return (
    <Box flexDirection="column" height={height}>
      {problems.length ? <Text {...theme.danger} wrap="truncate">⚠ {visibleText(problems.join('; '))}</Text> : null}
      {picked.length ? <Text {...theme.accent} wrap="truncate">{picked.length} picked: {visibleText(picked.join(', '))} · views opened with : list across them · space unpicks</Text> : null}
      <Table columns={profileColumns} rows={cells} toneOf={(i) => rows[i].tone} selected={cursor}
        width={width} height={tableHeight} emptyText={loading ? 'reading profiles…' : filter ? `no profile matches "${visibleText(filter)}"` : 'no profiles: n creates one'} />
      {filtering
        ? <CommandLine prefix="/" initial={filter} onChange={(text) => { setFilter(text); setSelected(0); }}
            onSubmit={() => setFiltering(false)} onCancel={() => { setFilter(''); setFiltering(false); }} />
        : filter ? <Text {...theme.muted} wrap="truncate">/{visibleText(filter)} ({rows.length} of {profiles.length}) esc clears</Text> : null}
    </Box>
  );
}
