// The wizard without a TTY: the CLI's plain `Label [current]: ` prompts read line by line from
// stdin; a list is printed numbered and answered with a number or a filter text.
import { createInterface } from 'node:readline';
import type { CliIO } from '../io.js';
import { WizardCancelled, promptText, type AskPrompt, type ChoosePrompt, type WizardUI } from '../../app/sso/wizard-ui.js';
import { FilterList } from '../../app/sso/filter-list.js';

export function plainPrompts(io: CliIO): WizardUI & { close(): void } {
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  const rl = createInterface({ input: io.stdin, terminal: false });
  rl.on('line', (line) => { const w = waiting.shift(); if (w) w(line); else lines.push(line); });
  rl.on('close', () => { ended = true; for (const w of waiting.splice(0)) w(undefined); });
  const nextLine = (): Promise<string | undefined> => {
    if (lines.length) return Promise.resolve(lines.shift());
    if (ended) return Promise.resolve(undefined);
    return new Promise((r) => waiting.push(r));
  };
  const readAnswer = async (): Promise<string> => {
    const line = await nextLine();
    if (line === undefined) throw new WizardCancelled();
    return line.trim();
  };

  return {
    say: (text) => { io.stdout.write(text.endsWith('\n') ? text : `${text}\n`); },
    async ask(p: AskPrompt) {
      for (;;) {
        io.stdout.write(promptText(p));
        const raw = await readAnswer();
        const value = raw === '' && p.current ? p.current : raw;
        const problem = p.validate?.(value);
        if (!problem) return value;
        io.stdout.write(`${problem}\n`);
      }
    },
    async choose<T>(p: ChoosePrompt<T>) {
      const list = new FilterList(p.items);
      let shown = p.items.map((_, i) => i);
      for (;;) {
        io.stdout.write(`${shown.map((i, n) => `  ${n + 1}) ${p.items[i]!.label}`).join('\n')}\n${p.title} (number, or text to filter): `);
        const answer = await readAnswer();
        const n = Number(answer);
        if (Number.isInteger(n) && n >= 1 && n <= shown.length) return p.items[shown[n - 1]!]!.value;
        const found = list.matches(answer);
        if (found.length === 1) return p.items[found[0]!]!.value;
        if (found.length === 0) io.stdout.write(`Nothing matches "${answer}".\n`);
        else shown = found;
      }
    },
    close: () => rl.close(),
  };
}
