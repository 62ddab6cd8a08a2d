// The frame every prompt is drawn in: a bordered box with a title, taking the body's place.
// Titles often carry a profile name, so they are drawn escaped.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useServices } from '../src/app/dashboard-context.js';
import { visibleText } from '../src/app/sanitize.js';
import { borderColour } from '../src/app/theme.js';

export function Modal({ title, width, height, children, hint }: { title: string; width?: number; height?: number; children: ReactNode; hint?: string }) {
  const { theme } = useServices();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={borderColour(theme)} paddingX={1} width={width} height={height} overflow="hidden">
      <Text {...theme.header} wrap="truncate">{visibleText(title)}</Text>
      {children}
      {hint ? <Text {...theme.muted} wrap="truncate">{visibleText(hint)}</Text> : null}
    </Box>
  );
}
