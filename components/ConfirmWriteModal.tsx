// Every change to the config files is shown as a diff first; nothing is written without `y`.
import { Text } from 'ink';
import { useState } from 'react';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import type { ConfirmPrompt } from '../src/app/prompts.js';
import { visibleText } from '../src/app/sanitize.js';
import { Modal } from './Modal.js';

export function ConfirmWriteModal({ prompt, width, height }: { prompt: ConfirmPrompt; width: number; height: number }) {
  const { dashboard, theme } = useServices();
  const lines = prompt.write.diff.split('\n');
  const visible = Math.max(1, height - 5);
  const [top, setTop] = useState(0);
  useKeyLayer('modal', (key) => {
    if (key.name === 'y') dashboard.prompts.submit('yes');
    else if (key.name === 'escape' || key.name === 'n') dashboard.prompts.cancel();
    else if (key.name === 'j' || key.name === 'down') setTop((t) => Math.min(Math.max(0, lines.length - visible), t + 1));
    else if (key.name === 'k' || key.name === 'up') setTop((t) => Math.max(0, t - 1));
    return true;
  });
  const toneOf = (line: string) => (line.startsWith('+') && !line.startsWith('+++') ? theme.ok : line.startsWith('-') && !line.startsWith('---') ? theme.danger : line.startsWith('@@') ? theme.info : theme.text);
  return (
    <Modal title={prompt.write.title} width={width} height={height}
      hint={`${prompt.dangerous ? 'DANGEROUS · ' : ''}y write  n/esc cancel  j/k scroll`}>
      {lines.slice(top, top + visible).map((line, i) => <Text key={top + i} {...toneOf(line)} wrap="truncate">{visibleText(line) || ' '}</Text>)}
    </Modal>
  );
}
