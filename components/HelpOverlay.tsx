// `?`: every key of this view, from the same registry that handles them, including those that
// work only on some rows. j/k scroll.
import { useMemo, useState } from 'react';
import { isViewScope, viewActions, type ActionContext } from '../src/app/actions.js';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import { displayKey } from '../src/app/keys.js';
import { moveCursor } from '../src/app/list-cursor.js';
import { visibleText } from '../src/app/sanitize.js';
import type { Column } from '../src/app/table-layout.js';
import { Modal } from './Modal.js';
import { Table } from './Table.js';

const columns: Column[] = [
  { id: 'keys', title: 'KEYS', min: 6, max: 18 },
  { id: 'what', title: 'WHAT', min: 10, grow: 1 },
  { id: 'where', title: 'WHERE', min: 8, max: 10 },
];

/** A view's own actions are scoped `view:<descriptor id>`: to a reader they are this view's. */
const whereLabel = (scope: string) => (isViewScope(scope) ? 'this view' : scope);

export function HelpOverlay({ scopes, ctx, width, height, onClose }: { scopes: string[]; ctx: ActionContext; width: number; height: number; onClose(): void }) {
  const { actions } = useServices();
  const rows = useMemo(() => viewActions(actions, scopes, ctx)
    // Keys may come from the user's overrides file: escaped like any other data.
    .map((a) => [visibleText(a.keys.map(displayKey).join(' ')), visibleText(`${a.description}${a.dangerous ? ' (asks first)' : ''}`), whereLabel(a.scope)]), [actions, scopes, ctx]);
  const [selected, setSelected] = useState(0);
  const page = height - 4;
  useKeyLayer('modal', (key) => {
    if (key.name === 'escape' || key.name === '?' || key.name === 'q') onClose();
    else if (key.name === 'j' || key.name === 'down') setSelected((s) => moveCursor(s, 'down', rows.length, page));
    else if (key.name === 'k' || key.name === 'up') setSelected((s) => moveCursor(s, 'up', rows.length, page));
    return true;
  });
  return (
    <Modal title="Keys (some depend on the selected row)" width={width} height={height} hint="j/k scroll  esc close">
      <Table columns={columns} rows={rows} selected={selected} width={width - 4} height={page} />
    </Modal>
  );
}
