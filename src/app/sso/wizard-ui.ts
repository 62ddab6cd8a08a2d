// What the `configure sso` script needs from a UI. Two implementations: plain line prompts (no
// TTY) and the Ink wizard's controller; the script and its prompt sequence are shared.
export interface AskPrompt {
  /** The CLI's prompt text without the brackets, e.g. `SSO start URL`. */
  label: string;
  /** Shown in brackets and used when the answer is empty; null shows `[None]`; undefined shows no brackets. */
  current?: string | null;
  validate?(value: string): string | undefined;
}

export interface ChoosePrompt<T> {
  title: string;
  items: Array<{ label: string; value: T }>;
}

export interface WizardUI {
  say(text: string): void;
  ask(prompt: AskPrompt): Promise<string>;
  choose<T>(prompt: ChoosePrompt<T>): Promise<T>;
}

export class WizardCancelled extends Error {
  readonly exitCode = 130;
  constructor() {
    super('Cancelled: the config file was not changed.');
    this.name = 'WizardCancelled';
  }
}

export function promptText(p: AskPrompt): string {
  if (p.current === undefined) return `${p.label}: `;
  return `${p.label} [${p.current ?? 'None'}]: `;
}
