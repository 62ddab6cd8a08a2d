// `e`: export a profile's credentials in a shell format, copied to the terminal clipboard (OSC 52)
// or printed after the dashboard closes. The secret itself is never drawn.
import { Text } from 'ink';
import { useState } from 'react';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import type { ShellFormat } from '../src/app/engine-port.js';
import { Modal } from './Modal.js';

const formats: ShellFormat[] = ['env', 'env-no-export', 'fish', 'powershell', 'windows-cmd', 'process'];
const targets = ['copy to clipboard', 'print after quitting'] as const;

export function ExportPicker({ profile, width, onClose }: { profile: string; width: number; onClose(): void }) {
  const { dashboard, theme, deliverExport } = useServices();
  const [format, setFormat] = useState(0);
  const [target, setTarget] = useState(0);
  useKeyLayer('modal', (key) => {
    if (key.name === 'escape') onClose();
    else if (key.name === 'up' || key.name === 'k') setFormat((f) => (f + formats.length - 1) % formats.length);
    else if (key.name === 'down' || key.name === 'j') setFormat((f) => (f + 1) % formats.length);
    else if (key.name === 'tab' || key.name === 'left' || key.name === 'right') setTarget((t) => 1 - t);
    else if (key.name === 'enter') {
      onClose();
      void dashboard.exportCredentials(profile, formats[format]).then((text) => {
        if (text !== undefined) deliverExport(text, targets[target] === 'copy to clipboard' ? 'clipboard' : 'after-exit', profile);
      });
    }
    return true;
  });
  return (
    <Modal title={`Export credentials of ${profile}`} width={Math.min(width, 60)} hint="↑↓ format  tab copy/print  ⏎ export  esc cancel">
      {formats.map((f, i) => <Text key={f} {...(i === format ? theme.selection : theme.text)}>  {f}</Text>)}
      <Text>
        {targets.map((t, i) => <Text key={t} {...(i === target ? theme.accent : theme.muted)}>[{i === target ? 'x' : ' '}] {t}  </Text>)}
      </Text>
    </Modal>
  );
}
