// A one-line editor for `:` commands, `/` filters and the query bar; the editing rules live in
// src/app/line-buffer.ts. Optional second line: the parser's caret under an error, or matches.
import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import { charAtCursor, editLine, lineFrom, type LineBuffer } from '../src/app/line-buffer.js';
import { visibleText } from '../src/app/sanitize.js';

export interface CommandLineProps {
  prefix: string;
  initial?: string;
  complete?: (text: string) => string | undefined;
  /** Called on every edit (filter as you type). */
  onChange?: (text: string) => void;
  onSubmit(text: string): void;
  onCancel(): void;
  error?: string;
  /** Where in the text the error is (a caret is drawn under it). */
  errorPosition?: number;
  /** Completions of what is typed so far, shown under the line. */
  matches?: string[];
}

export function CommandLine({ prefix, initial = '', complete, onChange, onSubmit, onCancel, error, errorPosition, matches }: CommandLineProps) {
  const { theme } = useServices();
  // The ref is the truth (several keys may arrive before React re-renders); state only redraws.
  const current = useRef<LineBuffer>(lineFrom(initial));
  const [buffer, setBuffer] = useState<LineBuffer>(current.current);
  useKeyLayer('prompt', (key) => {
    const previous = current.current;
    const { buffer: next, outcome } = editLine(previous, key, complete);
    if (outcome === 'submit') onSubmit(next.text);
    else if (outcome === 'cancel') onCancel();
    else if (outcome === 'edited') {
      current.current = next;
      setBuffer(next);
      if (next.text !== previous.text) onChange?.(next.text);
    }
    // A prompt owns the keyboard while open: nothing leaks into the view underneath.
    return true;
  });
  const before = visibleText(buffer.text.slice(0, buffer.cursor));
  const atCursor = charAtCursor(buffer);
  const at = visibleText(atCursor ?? ' ');
  const after = visibleText(buffer.text.slice(buffer.cursor + (atCursor?.length ?? 1)));
  const caret = errorPosition !== undefined && error ? `${' '.repeat(prefix.length + errorPosition)}^ ${visibleText(error)}` : undefined;
  const line = (
    <Text wrap="truncate">
      <Text {...theme.accent}>{prefix}</Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
      {error && !caret ? <Text {...theme.danger}>  {visibleText(error)}</Text> : null}
    </Text>
  );
  if (!caret && !matches?.length) return line;
  return (
    <Box flexDirection="column">
      {matches?.length ? <Text wrap="truncate" {...theme.muted}>{matches.map(visibleText).join('  ')}</Text> : null}
      {line}
      {caret ? <Text wrap="truncate" {...theme.danger}>{caret}</Text> : null}
    </Box>
  );
}
