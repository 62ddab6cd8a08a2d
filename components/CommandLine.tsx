// A one-line editor for `:` commands and `/` filters; the editing rules live in src/app/line-buffer.ts.
import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import { editLine, lineFrom, type LineBuffer } from '../src/app/line-buffer.js';

export interface CommandLineProps {
  prefix: ':' | '/';
  initial?: string;
  complete?: (text: string) => string | undefined;
  /** Called on every edit (filter as you type). */
  onChange?: (text: string) => void;
  onSubmit(text: string): void;
  onCancel(): void;
  error?: string;
}

export function CommandLine({ prefix, initial = '', complete, onChange, onSubmit, onCancel, error }: CommandLineProps) {
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
  const before = buffer.text.slice(0, buffer.cursor);
  const at = buffer.text[buffer.cursor] ?? ' ';
  const after = buffer.text.slice(buffer.cursor + 1);
  return (
    <Text wrap="truncate">
      <Text {...theme.accent}>{prefix}</Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
      {error ? <Text {...theme.danger}>  {error}</Text> : null}
    </Text>
  );
}
