// A windowed table: only the visible rows are mounted, each as one <Text> whose padding comes from
// the pure formatter in src/app/table-layout.ts.
import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import { columnWidths, formatRow, windowStart, type Column } from '../src/app/table-layout.js';
import type { Token } from '../src/app/theme.js';
import { useServices } from '../src/app/dashboard-context.js';

export interface TableProps {
  columns: Column[];
  rows: string[][];
  /** Colour of each row by index (state colours); default `text`. */
  toneOf?: (index: number) => Token;
  selected: number;
  width: number;
  /** Lines available, including the header line. */
  height: number;
  emptyText?: string;
}

export function Table({ columns, rows, toneOf, selected, width, height, emptyText = 'nothing here' }: TableProps) {
  const { theme } = useServices();
  const widths = useMemo(() => columnWidths(columns, rows, width), [columns, rows, width]);
  // Formatted lines live as long as the data and widths: a cursor move re-pads nothing.
  const lines = useMemo(() => new Map<number, string>(), [rows, columns, widths]);
  const lineOf = (index: number) => {
    let line = lines.get(index);
    if (line === undefined) lines.set(index, (line = formatRow(rows[index], columns, widths)));
    return line;
  };
  const bodyHeight = Math.max(1, height - 1);
  const start = useRef(0);
  start.current = windowStart(selected, start.current, bodyHeight, rows.length);
  const visible = rows.slice(start.current, start.current + bodyHeight);
  const header = formatRow(columns.map((c) => c.title), columns, widths);
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text {...theme.header} wrap="truncate">{header}</Text>
      {rows.length === 0 ? <Text {...theme.muted}>{emptyText}</Text> : null}
      {visible.map((_, offset) => {
        const index = start.current + offset;
        const style = index === selected ? { ...theme[toneOf?.(index) ?? 'text'], ...theme.selection } : theme[toneOf?.(index) ?? 'text'];
        return <Text key={index} {...style} wrap="truncate">{lineOf(index)}</Text>;
      })}
    </Box>
  );
}
