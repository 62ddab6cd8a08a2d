// A list that filters as you type: only the visible window is mounted, so thousands of accounts
// stay instant. Up/Down/PgUp/PgDn move, Enter picks, Backspace edits the filter.
import { useMemo, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { FilterList, visibleWindow } from '../../src/app/sso/filter-list.js';
import type { ChoosePrompt } from '../../src/app/sso/wizard-ui.js';
import type { Theme } from '../../src/app/theme.js';
import { visibleText } from '../../src/app/sanitize.js';

const HEIGHT = 10;

export function FilterSelect({ prompt, onSubmit, theme }: { prompt: ChoosePrompt<unknown>; onSubmit(value: unknown): void; theme: Theme }) {
  const list = useMemo(() => new FilterList(prompt.items), [prompt]);
  const [view, setView] = useState({ query: '', cursor: 0 });
  // Keys can arrive faster than React re-renders: the handler works on the latest state in a ref.
  const latest = useRef({ query: '', cursor: 0, matches: list.matches('') });
  const { query } = view;
  const matches = latest.current.query === query ? latest.current.matches : list.matches(query);
  const at = Math.min(view.cursor, Math.max(0, matches.length - 1));

  useInput((input, key) => {
    const s = latest.current;
    const last = Math.max(0, s.matches.length - 1);
    const move = (cursor: number) => { latest.current = { ...s, cursor: Math.max(0, Math.min(last, cursor)) }; };
    const filter = (q: string) => { latest.current = { query: q, cursor: 0, matches: list.matches(q) }; };
    if (key.return) {
      const index = s.matches[Math.min(s.cursor, last)];
      if (index !== undefined) onSubmit(prompt.items[index]!.value);
      return;
    }
    if (key.upArrow) move(s.cursor - 1);
    else if (key.downArrow) move(s.cursor + 1);
    else if (key.pageUp) move(s.cursor - HEIGHT);
    else if (key.pageDown) move(s.cursor + HEIGHT);
    else if (key.backspace || key.delete) filter(s.query.slice(0, -1));
    else if (input && !key.ctrl && !key.meta && !key.escape && !key.tab) filter(s.query + input);
    else return;
    setView({ query: latest.current.query, cursor: latest.current.cursor });
  });

  const { start, end } = visibleWindow(matches.length, at, HEIGHT);
  return (
    <Box flexDirection="column">
      <Text>{visibleText(prompt.title)} <Text {...theme.muted}>type to filter:</Text> <Text {...theme.accent}>{visibleText(query)}</Text><Text inverse> </Text></Text>
      {matches.slice(start, end).map((index, row) => (
        <Text key={index} wrap="truncate" {...(start + row === at ? theme.selection : theme.text)}>
          {start + row === at ? '> ' : '  '}{visibleText(prompt.items[index]!.label)}
        </Text>
      ))}
      <Text {...theme.muted}>{matches.length === 0 ? `Nothing matches "${visibleText(query)}"` : `${at + 1}/${matches.length}${matches.length < prompt.items.length ? ` of ${prompt.items.length}` : ''}  ↑↓ move  Enter choose  Ctrl-C cancel`}</Text>
    </Box>
  );
}
