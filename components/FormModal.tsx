// Draws a form from src/app/form-model.ts one field at a time; answers so far are listed above
// (secrets as dots, never their text).
import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeyLayer, useServices } from '../src/app/dashboard-context.js';
import { formReducer, startForm, type FormField } from '../src/app/form-model.js';
import { visibleText } from '../src/app/sanitize.js';
import { Modal } from './Modal.js';

export interface FormModalProps {
  title: string;
  fields: FormField[];
  width: number;
  height: number;
  onDone(values: Record<string, string>): void;
  onCancel(): void;
}

export function FormModal({ title, fields, width, height, onDone, onCancel }: FormModalProps) {
  const { theme } = useServices();
  const state = useRef(startForm(fields));
  const [shown, setShown] = useState(state.current);
  useKeyLayer('modal', (key) => {
    const outcome = formReducer(fields, state.current, key);
    state.current = outcome.state;
    setShown(outcome.state);
    if (outcome.cancelled) onCancel();
    else if (outcome.done) onDone(outcome.done);
    return true;
  });
  const field = fields[shown.index];
  const answered = fields.filter((f) => f.id in shown.values);
  const mask = (f: FormField, v: string) => (f.kind === 'secret' ? '•'.repeat(Math.min(v.length, 12)) : visibleText(v));
  const choices = field?.choices ?? [];
  return (
    <Modal title={title} width={width} height={height} hint={field?.kind === 'choice' ? '↑↓ choose  ⏎ next  esc cancel' : '⏎ next  esc cancel'}>
      {answered.map((f) => <Text key={f.id} {...theme.muted} wrap="truncate">{visibleText(f.label)}: {mask(f, shown.values[f.id])}</Text>)}
      {field ? <Text wrap="truncate" {...theme.accent}>{visibleText(field.label)}{field.optional ? ' (optional)' : ''}:</Text> : null}
      {field && field.kind !== 'choice' ? <Text wrap="truncate">› {mask(field, shown.input)}<Text inverse> </Text></Text> : null}
      {field?.kind === 'choice'
        ? choices.slice(Math.max(0, shown.choice - 4), Math.max(0, shown.choice - 4) + 6).map((c) => (
          <Text key={c} wrap="truncate" {...(choices[shown.choice] === c ? theme.selection : theme.text)}>  {visibleText(c)}</Text>))
        : null}
      {shown.error ? <Text {...theme.danger} wrap="truncate">{visibleText(shown.error)}</Text> : null}
    </Modal>
  );
}
