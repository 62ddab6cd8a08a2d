// Recent errors with request ids; AccessDenied shows action, resource and principal, and Enter
// decodes the encoded authorization message (when the principal may call DecodeAuthorizationMessage).
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useActions, useReadOnly, useServices } from '../src/app/dashboard-context.js';
import { cursorMoveForAction, moveCursor } from '../src/app/list-cursor.js';
import { visibleLines, visibleText } from '../src/app/sanitize.js';
import { useStore } from '../src/app/store.js';
import type { Column } from '../src/app/table-layout.js';
import { Table } from './Table.js';
import type { ViewProps } from './ViewBody.js';

const columns: Column[] = [
  { id: 'time', title: 'TIME', min: 8, max: 8 },
  { id: 'profile', title: 'PROFILE', min: 7, max: 16 },
  { id: 'code', title: 'CODE', min: 8, max: 24 },
  { id: 'message', title: 'MESSAGE', min: 10, grow: 1 },
];

export function ErrorsView({ width, height, active, onContext }: ViewProps) {
  const { dashboard, theme } = useServices();
  const readOnly = useReadOnly();
  const { errors } = useStore(dashboard.errors);
  const [selected, setSelected] = useState(0);
  // Messages and codes come from services and files: drawn only escaped (a message may hold newlines too).
  const rows = useMemo(() => errors.map((e) => [e.at.toTimeString().slice(0, 8), visibleText(e.profile ?? ''), visibleText(e.code), visibleText(e.message)]), [errors]);
  const current = errors[Math.min(selected, errors.length - 1)];
  const details = current ? [
    current.operation ? `operation ${current.operation}` : '', current.requestId ? `request id ${current.requestId}` : '',
    current.principal ? `principal ${current.principal}` : '', current.action ? `action ${current.action}` : '',
    current.resource ? `resource ${current.resource}` : '',
  ].filter(Boolean).map(visibleText) : [];
  const extra = (current?.decoded ? 3 : 0) + details.length + (current?.encodedMessage && !current.decoded ? 1 : 0);
  const tableHeight = Math.max(2, height - extra - 1);
  const row = { encoded: String(Boolean(current?.encodedMessage && !current.decoded)) };
  useEffect(() => { if (active) onContext({ row }); }, [active, row.encoded]);
  const move = (id: string) => () => setSelected((s) => moveCursor(s, cursorMoveForAction(id)!, rows.length, tableHeight - 1));
  useActions(['errors', 'table'], { view: 'errors', readOnly, canGoBack: true, row }, {
    'table.down': move('table.down'), 'table.up': move('table.up'), 'table.top': move('table.top'), 'table.bottom': move('table.bottom'),
    'errors.decode': () => { if (current) void dashboard.decodeError(current.id); },
    'errors.clear': () => dashboard.errors.clear(),
  }, 'view', active);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Recent errors <Text {...theme.muted}>({errors.length})</Text></Text>
      <Table columns={columns} rows={rows} toneOf={() => 'danger'} selected={selected} width={width} height={tableHeight} emptyText="no errors" />
      {details.map((d) => <Text key={d} wrap="truncate" {...theme.muted}>{d}</Text>)}
      {current?.encodedMessage && !current.decoded ? <Text {...theme.info}>encoded authorization message: ⏎ decodes it</Text> : null}
      {current?.decoded ? <Box height={3} overflow="hidden"><Text wrap="wrap">{visibleLines(current.decoded)}</Text></Box> : null}
    </Box>
  );
}
