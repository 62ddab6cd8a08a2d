// A windowed table: only the visible rows are mounted, each as one <Text> whose padding comes from
// the pure formatter in src/app/table-layout.ts. Rows come as an array, or (for listings of
// 100,000 rows) as a count and an accessor with the content widths already known.
import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import { columnWidths, fitWidths, formatRow, windowStart, type Column } from '../src/app/table-layout.js';
import type { Token } from '../src/app/theme.js';
import { useServices } from '../src/app/dashboard-context.js';

export interface TableProps {
  columns: Column[];
  rows?: string[][];
  /** Instead of `rows`: how many, each one's cells, the widest cell per column, and a version that changes with them. */
  source?: { count: number; cellsAt(index: number): string[]; naturalWidths: number[]; version: unknown };
  /** Colour of each row by index (state colours); default `text`. */
  toneOf?: (index: number) => Token | undefined;
  selected: number;
  width: number;
  /** Lines available, including the header line. */
  height: number;
  emptyText?: string;
}

export function Table({ columns, rows, source, toneOf, selected, width, height, emptyText = 'nothing here' }: TableProps) {
  const { theme } = useServices();
  const count = source ? source.count : rows?.length ?? 0;
  const cellsAt = source ? source.cellsAt : (i: number) => rows![i];
  const widths = useMemo(() => (source ? fitWidths(columns, source.naturalWidths, width, { hideOverflow: true }) : columnWidths(columns, rows ?? [], width)),
    [columns, rows, source?.version, source?.naturalWidths.join(), width]);
  // Formatted lines live as long as the data and widths: a cursor move re-pads nothing.
  const lines = useMemo(() => new Map<number, string>(), [rows, source?.version, columns, widths]);
  const lineOf = (index: number) => {
    let line = lines.get(index);
    if (line === undefined) lines.set(index, (line = formatRow(cellsAt(index), columns, widths)));
    return line;
  };
  const bodyHeight = Math.max(1, height - 1);
  const start = useRef(0);
  start.current = windowStart(selected, start.current, bodyHeight, count);
  const visible = Math.max(0, Math.min(bodyHeight, count - start.current));
  const header = formatRow(columns.map((c) => c.title), columns, widths);
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text {...theme.header} wrap="truncate">{header}</Text>
      {count === 0 ? <Text {...theme.muted}>{emptyText}</Text> : null}
      {Array.from({ length: visible }, (_, offset) => {
        const index = start.current + offset;
        const tone = theme[toneOf?.(index) ?? 'text'];
        const style = index === selected ? { ...tone, ...theme.selection } : tone;
        return <Text key={index} {...style} wrap="truncate">{lineOf(index)}</Text>;
      })}
    </Box>
  );
}
