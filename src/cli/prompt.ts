// Reads one line from the terminal for a plain CLI prompt (MFA codes and the like). What was read
// past the line is kept for the next prompt on the same input, so piped answers to two prompts in a
// row (an MFA code asked again) both arrive. Input is paused between prompts: a terminal left
// flowing would keep the process alive after the command.
import type { Readable } from 'node:stream';
import type { CliIO } from './io.js';

interface Unread { text: string; ended: boolean }
const unreadByInput = new WeakMap<object, Unread>();

export async function promptLine(io: CliIO, question: string): Promise<string> {
  io.stderr.write(question);
  let unread = unreadByInput.get(io.stdin);
  if (!unread) unreadByInput.set(io.stdin, (unread = { text: '', ended: io.stdin.readableEnded }));
  for (;;) {
    const newline = unread.text.indexOf('\n');
    if (newline >= 0) {
      const line = unread.text.slice(0, newline);
      unread.text = unread.text.slice(newline + 1);
      return line.trim();
    }
    if (unread.ended) {
      const rest = unread.text;
      unread.text = '';
      if (rest) return rest.trim();
      throw new Error('no input: the prompt was closed');
    }
    await readMore(io.stdin, unread);
  }
}

function readMore(input: Readable, unread: Unread): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer | string) => { unread.text += String(chunk); done(); };
    const onEnd = () => { unread.ended = true; done(); };
    const done = () => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.pause();
      resolve();
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}
