import { Text } from 'ink';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import type { MessagePrompt } from '../src/app/prompts.js';
import { visibleLines } from '../src/app/sanitize.js';
import { Modal } from './Modal.js';

/** A message that needs acknowledging (a failed write, a failed login). Enter or Esc closes it. */
export function MessageModal({ prompt, width }: { prompt: MessagePrompt; width: number }) {
  const { dashboard } = useServices();
  useKeyLayer('modal', (key) => {
    if (key.name === 'enter' || key.name === 'escape') dashboard.prompts.close();
    return true;
  });
  return (
    <Modal title={prompt.title} width={width} hint="⏎/esc close">
      <Text wrap="wrap">{visibleLines(prompt.body)}</Text>
    </Modal>
  );
}
