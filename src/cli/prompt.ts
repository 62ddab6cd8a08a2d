// Reads one line from the terminal for a plain CLI prompt (MFA codes and the like).
import { createInterface } from 'node:readline';
import type { CliIO } from './io.js';

export function promptLine(io: CliIO, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream, terminal: false });
    io.stderr.write(question);
    rl.once('line', (line) => {
      resolve(line.trim()); // before close(): closing emits 'close' at once
      rl.close();
    });
    rl.once('close', () => reject(new Error('no input: the prompt was closed')));
  });
}
