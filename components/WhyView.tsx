// "Why this identity?": every setting in effect with where it came from, and warnings when the
// environment overrides the profile the person picked.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { useActions, useServices } from '../src/app/dashboard-context.js';
import { principalOf, stateLabel } from '../src/app/identity-state.js';
import { cursorMoveForAction, moveCursor } from '../src/app/list-cursor.js';
import { visibleText, visibleValue } from '../src/app/sanitize.js';
import { useStore } from '../src/app/store.js';
import type { Column } from '../src/app/table-layout.js';
import { useExplanation } from '../src/app/use-explanation.js';
import { Table } from './Table.js';
import type { ViewProps } from './ViewBody.js';

const columns: Column[] = [
  { id: 'name', title: 'SETTING', min: 8, max: 24 },
  { id: 'value', title: 'VALUE', min: 8, max: 40, grow: 1 },
  { id: 'source', title: 'SOURCE', min: 10, grow: 2 },
];

export function WhyView({ entry, width, height, active }: ViewProps) {
  const { dashboard, theme, readOnly } = useServices();
  const session = useStore(dashboard.session);
  const { identities, profiles } = useStore(dashboard.profiles);
  const profile = entry.profile ?? session.profile;
  // The detail of another profile uses that profile's own region, not the active one.
  const region = entry.id === 'why' ? session.region : profiles.find((p) => p.name === profile)?.region;
  const { explanation, error, loading } = useExplanation(dashboard, profile, region, profiles);
  const [selected, setSelected] = useState(0);
  const rows = useMemo(() => (explanation?.settings ?? []).map((s) => [visibleText(s.name), visibleValue(s.value), visibleText(s.source)]), [explanation]);
  const lint = profiles.find((p) => p.name === profile)?.lint ?? [];
  const state = profile ? identities[profile] : undefined;
  const notes = [...(explanation?.warnings ?? []).map((w) => ({ text: `⚠ ${visibleText(w)}`, tone: theme.warn })), ...lint.map((l) => ({ text: `lint: ${visibleText(l)}`, tone: theme.info }))];
  const tableHeight = Math.max(2, height - 2 - notes.length);
  const move = (id: string) => () => setSelected((s) => moveCursor(s, cursorMoveForAction(id)!, rows.length, tableHeight - 1));
  useActions(['table'], { view: entry.id, readOnly, canGoBack: true }, {
    'table.down': move('table.down'), 'table.up': move('table.up'), 'table.top': move('table.top'), 'table.bottom': move('table.bottom'),
  }, 'view', active);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">{entry.id === 'why' ? 'Why this identity? ' : 'Profile '}{profile !== undefined ? visibleText(profile) : '(none)'}
        <Text {...theme.muted}>  {visibleText(state?.identity ? principalOf(state.identity.arn) : stateLabel(state, Date.now()))}</Text></Text>
      {notes.map((n, i) => <Text key={i} {...n.tone} wrap="truncate">{n.text}</Text>)}
      {error ? <Text {...theme.danger} wrap="wrap">{visibleText(error)}</Text> : null}
      <Table columns={columns} rows={rows} selected={selected} width={width} height={tableHeight} emptyText={loading ? 'resolving…' : 'no settings'} />
    </Box>
  );
}
