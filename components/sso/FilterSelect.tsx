// A list that filters as you type: only the visible window is mounted, so thousands of accounts
// stay instant. Up/Down/PgUp/PgDn move, Enter picks, Backspace edits the filter.
import { useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { FilterList, visibleWindow } from '../../src/app/sso/filter-list.js';
import type { ChoosePrompt } from '../../src/app/sso/wizard-ui.js';
import type { Theme } from '../../src/app/theme.js';

const HEIGHT = 10;

export function FilterSelect({ prompt, onSubmit, theme }: { prompt: ChoosePrompt<unknown>; onSubmit(value: unknown): void; theme: Theme }) {
  const list = useMemo(() => new FilterList(prompt.items), [prompt]);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const matches = useMemo(() => list.matches(query), [list, query]);
  const at = Math.min(cursor, Math.max(0, matches.length - 1));

  useInput((input, key) => {
    if (key.return) {
      const index = matches[at];
      if (index !== undefined) onSubmit(prompt.items[index]!.value);
      return;
    }
    if (key.upArrow) setCursor(Math.max(0, at - 1));
    else if (key.downArrow) setCursor(Math.min(matches.length - 1, at + 1));
    else if (key.pageUp) setCursor(Math.max(0, at - HEIGHT));
    else if (key.pageDown) setCursor(Math.min(matches.length - 1, at + HEIGHT));
    else if (key.backspace || key.delete) { setQuery((q) => q.slice(0, -1)); setCursor(0); }
    else if (input && !key.ctrl && !key.meta && !key.escape && !key.tab) { setQuery((q) => q + input); setCursor(0); }
  });

  const { start, end } = visibleWindow(matches.length, at, HEIGHT);
  return (
    <Box flexDirection="column">
      <Text>{prompt.title} <Text {...theme.muted}>type to filter:</Text> <Text {...theme.accent}>{query}</Text><Text inverse> </Text></Text>
      {matches.slice(start, end).map((index, row) => (
        <Text key={index} wrap="truncate" {...(start + row === at ? theme.selection : theme.text)}>
          {start + row === at ? '> ' : '  '}{prompt.items[index]!.label}
        </Text>
      ))}
      <Text {...theme.muted}>{matches.length === 0 ? `Nothing matches "${query}"` : `${at + 1}/${matches.length}${matches.length < prompt.items.length ? ` of ${prompt.items.length}` : ''}  ↑↓ move  Enter choose  Ctrl-C cancel`}</Text>
    </Box>
  );
}
