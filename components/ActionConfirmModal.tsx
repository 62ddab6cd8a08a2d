// "Stop 2 instances?": what an action will change, then `y` — or, for what cannot be undone, the
// resource's id or name typed out. Esc or n cancels; nothing has been changed before this answer.
import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import type { ActionPrompt } from '../src/app/prompts.js';
import { visibleText } from '../src/app/sanitize.js';
import { Modal } from './Modal.js';

export function ActionConfirmModal({ prompt, width, height }: { prompt: ActionPrompt; width: number; height: number }) {
  const { dashboard, theme } = useServices();
  const typed = useRef('');
  const [shown, setShown] = useState('');
  useKeyLayer('modal', (key) => {
    if (key.name === 'escape') dashboard.prompts.cancel();
    else if (prompt.typed === undefined) {
      if (key.name === 'y') dashboard.prompts.submit('yes');
      else if (key.name === 'n') dashboard.prompts.cancel();
    } else if (key.name === 'enter') {
      if (typed.current === prompt.typed) dashboard.prompts.submit('yes');
    } else if (key.name === 'backspace') typed.current = typed.current.slice(0, -1);
    else if (key.text && key.text.length === 1 && key.text >= ' ') typed.current += key.text;
    setShown(typed.current);
    return true;
  });
  const room = Math.max(1, height - 6);
  const lines = prompt.lines.length > room ? [...prompt.lines.slice(0, room - 1), `… and ${prompt.lines.length - room + 1} more`] : prompt.lines;
  return (
    <Modal title={visibleText(prompt.title)} width={Math.min(width, 90)}
      hint={prompt.typed === undefined ? 'y go ahead  n/esc cancel' : '⏎ go ahead once it matches  esc cancel'}>
      {lines.map((line, i) => <Text key={i} wrap="truncate">{visibleText(line)}</Text>)}
      {prompt.typed === undefined ? null : (
        <Text wrap="truncate">type <Text {...theme.danger} bold>{visibleText(prompt.typed)}</Text> to confirm: <Text {...(shown === prompt.typed ? theme.ok : theme.accent)}>{visibleText(shown)}_</Text></Text>
      )}
    </Modal>
  );
}
