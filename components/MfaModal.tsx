// Six digits for an MFA device. The previous attempt's error (the service's own message) is shown
// above the field; Esc cancels the action that asked.
import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeyLayer, useNow, useServices } from '../src/app/dashboard-context.js';
import type { MfaPrompt } from '../src/app/prompts.js';
import { visibleText } from '../src/app/sanitize.js';
import { Modal } from './Modal.js';

export function MfaModal({ prompt, width }: { prompt: MfaPrompt; width: number }) {
  const { dashboard, theme, demo } = useServices();
  const digits = useRef('');
  const [shown, setShown] = useState('');
  const [masked, setMasked] = useState(false);
  useNow(demo?.hint ? 1000 : 60_000); // the demo's hint is a live TOTP: it changes every 30 s
  useKeyLayer('modal', (key) => {
    if (key.name === 'escape') dashboard.prompts.cancel();
    else if (key.name === 'enter' && digits.current.length === 6) dashboard.prompts.submit(digits.current);
    else if (key.name === 'backspace') digits.current = digits.current.slice(0, -1);
    else if (key.name === 'tab') setMasked((m) => !m);
    else if (key.text && /^\d$/.test(key.text) && digits.current.length < 6) digits.current += key.text;
    setShown(digits.current);
    return true;
  });
  const field = (masked ? '•'.repeat(shown.length) : shown).padEnd(6, '_');
  return (
    <Modal title={`MFA code for ${prompt.profile}`} width={Math.min(width, 72)} hint="0-9 digits  ⏎ submit  tab mask  esc cancel">
      <Text wrap="truncate" {...theme.muted}>device {visibleText(prompt.serial)}</Text>
      {prompt.error ? <Text wrap="wrap" {...theme.danger}>{visibleText(prompt.error)}</Text> : null}
      <Text>code: <Text {...theme.accent} bold>{field.split('').join(' ')}</Text></Text>
      {demo?.hint ? <Text wrap="wrap" {...theme.info}>demo: the demo device shows {demo.hint()} now (a new code every 30 s)</Text> : null}
    </Modal>
  );
}
