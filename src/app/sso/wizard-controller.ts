// The Ink wizard's state: a transcript of what was said and answered, and the one open prompt.
// The script awaits ask/choose; the components answer or cancel. Plain data, testable without Ink.
import { WizardCancelled, promptText, type AskPrompt, type ChoosePrompt, type WizardUI } from './wizard-ui.js';

export type OpenPrompt =
  | { kind: 'ask'; prompt: AskPrompt; resolve(value: string): void }
  | { kind: 'choose'; prompt: ChoosePrompt<unknown>; resolve(value: unknown): void };

export class WizardController implements WizardUI {
  transcript: string[] = [];
  open?: OpenPrompt;
  private rejectOpen?: (err: Error) => void;
  private listeners = new Set<() => void>();
  cancelled = false;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  say(text: string): void {
    this.transcript = [...this.transcript, ...text.replace(/\n$/, '').split('\n')];
    this.changed();
  }

  ask(prompt: AskPrompt): Promise<string> {
    return this.openPrompt<string>((resolve) => ({ kind: 'ask', prompt, resolve: (v: string) => {
      this.transcript = [...this.transcript, promptText(prompt) + v];
      resolve(v);
    } }));
  }

  choose<T>(prompt: ChoosePrompt<T>): Promise<T> {
    return this.openPrompt<T>((resolve) => ({ kind: 'choose', prompt: prompt as ChoosePrompt<unknown>, resolve: (v: unknown) => {
      const label = prompt.items.find((i) => i.value === v)?.label ?? String(v);
      this.transcript = [...this.transcript, `${prompt.title} ${label}`];
      resolve(v as T);
    } }));
  }

  private openPrompt<T>(make: (resolve: (v: T) => void) => OpenPrompt): Promise<T> {
    if (this.cancelled) return Promise.reject(new WizardCancelled());
    return new Promise<T>((resolve, reject) => {
      this.rejectOpen = reject;
      this.open = make((v: T) => {
        this.open = undefined;
        this.rejectOpen = undefined;
        resolve(v);
        this.changed();
      });
      this.changed();
    });
  }

  /** Ctrl-C: the open prompt fails, and so does any later one; nothing gets written. */
  cancel(): void {
    this.cancelled = true;
    this.open = undefined;
    this.rejectOpen?.(new WizardCancelled());
    this.rejectOpen = undefined;
    this.changed();
  }
}
