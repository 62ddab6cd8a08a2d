// Step-by-step forms (new profile, edit a key, rename, clone) as a plain model: one field at a time,
// fields can depend on earlier answers, secrets are masked, and validation stays on the field.
import type { KeyPress } from './keys.js';

export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'secret' | 'choice';
  choices?: string[];
  initial?: string;
  /** The starting text from the answers so far (e.g. the current value of the chosen key). */
  initialFrom?: (values: Record<string, string>) => string | undefined;
  optional?: boolean;
  /** Asked only when this holds for the answers so far. */
  when?: (values: Record<string, string>) => boolean;
  validate?: (value: string, values: Record<string, string>) => string | undefined;
}

export interface FormState {
  index: number;
  values: Record<string, string>;
  input: string;
  choice: number;
  error?: string;
}

export type FormOutcome = { state: FormState; done?: Record<string, string>; cancelled?: boolean };

const applies = (field: FormField, values: Record<string, string>) => !field.when || field.when(values);

function nextIndex(fields: FormField[], from: number, values: Record<string, string>): number {
  let i = from;
  while (i < fields.length && !applies(fields[i], values)) i++;
  return i;
}

function enter(fields: FormField[], index: number, values: Record<string, string>): FormState {
  const field = fields[index];
  const choice = Math.max(0, field?.choices?.indexOf(field.initial ?? '') ?? 0);
  const initial = field?.initialFrom?.(values) ?? field?.initial ?? '';
  return { index, values, input: field?.kind === 'choice' ? '' : initial, choice };
}

export function startForm(fields: FormField[]): FormState {
  return enter(fields, nextIndex(fields, 0, {}), {});
}

export function formReducer(fields: FormField[], state: FormState, key: KeyPress): FormOutcome {
  const field = fields[state.index];
  if (key.name === 'escape') return { state, cancelled: true };
  if (field.kind === 'choice') {
    const count = field.choices?.length ?? 0;
    if (key.name === 'down' || key.name === 'j' || key.name === 'tab') return { state: { ...state, choice: (state.choice + 1) % count } };
    if (key.name === 'up' || key.name === 'k') return { state: { ...state, choice: (state.choice - 1 + count) % count } };
  } else if (key.name === 'backspace') {
    return { state: { ...state, input: state.input.slice(0, -1), error: undefined } };
  } else if (key.name === 'ctrl+u') {
    // As in a shell: the whole line goes (a suggested folder replaced by another).
    return { state: { ...state, input: '', error: undefined } };
  } else if (key.text !== undefined) {
    return { state: { ...state, input: state.input + key.text, error: undefined } };
  }
  if (key.name !== 'enter') return { state };
  const value = field.kind === 'choice' ? field.choices?.[state.choice] ?? '' : state.input.trim();
  const error = !value && !field.optional ? `${field.label} is required` : value ? field.validate?.(value, state.values) : undefined;
  if (error) return { state: { ...state, error } };
  const values = { ...state.values, [field.id]: value };
  const index = nextIndex(fields, state.index + 1, values);
  if (index >= fields.length) return { state: { ...state, values }, done: values };
  return { state: enter(fields, index, values) };
}
