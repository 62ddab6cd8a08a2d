// `r`: pick the region for the active profile from a filterable list.
import { Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import { moveCursor } from '../src/app/list-cursor.js';
import { matchesFilter } from '../src/app/line-buffer.js';
import { Modal } from './Modal.js';
import { Table } from './Table.js';

const columns = [{ id: 'region', title: 'REGION', min: 10, grow: 1 }];

export function RegionPicker({ height, onClose }: { height: number; onClose(): void }) {
  const { dashboard, theme } = useServices();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState(0);
  const filterRef = useRef('');
  const regions = useMemo(() => dashboard.engine.regions().filter((r) => matchesFilter(r, filter)), [dashboard, filter]);
  useKeyLayer('modal', (key) => {
    if (key.name === 'escape') onClose();
    else if (key.name === 'enter' && regions[selected]) {
      dashboard.switchRegion(regions[selected]);
      onClose();
    } else if (key.name === 'down' || key.name === 'up') setSelected((s) => moveCursor(s, key.name as 'down' | 'up', regions.length, height));
    else if (key.name === 'backspace' || key.text) {
      filterRef.current = key.name === 'backspace' ? filterRef.current.slice(0, -1) : filterRef.current + key.text;
      setFilter(filterRef.current);
      setSelected(0);
    }
    return true;
  });
  return (
    <Modal title="Region" width={40} height={height} hint="type to filter  ↑↓ move  ⏎ choose  esc cancel">
      <Text {...theme.accent}>/{filter}</Text>
      <Table columns={columns} rows={regions.map((r) => [r])} selected={selected} width={36} height={height - 5} />
    </Modal>
  );
}
