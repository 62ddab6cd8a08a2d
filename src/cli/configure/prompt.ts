// Line prompts on the command's stdin/stderr. Input is read through one shared buffer so that
// several prompts in a row work with piped input too.
import type { CliIO } from '../io.js';

const buffers = new WeakMap<object, { text: string; ended: boolean; waiters: Array<() => void> }>();

function bufferFor(io: CliIO) {
  let buf = buffers.get(io.stdin);
  if (!buf) {
    const state = { text: '', ended: false, waiters: [] as Array<() => void> };
    const wake = () => { const w = state.waiters.splice(0); w.forEach((f) => f()); };
    io.stdin.on('data', (chunk: Buffer | string) => { state.text += chunk.toString(); wake(); });
    io.stdin.on('end', () => { state.ended = true; wake(); });
    io.stdin.resume();
    buffers.set(io.stdin, state);
    buf = state;
  }
  return buf;
}

/** Writes the prompt (to stdout, as Python's input() does; secrets to stderr like getpass) and reads one line. */
export async function promptLine(io: CliIO, prompt: string, opts: { secret?: boolean } = {}): Promise<string> {
  (opts.secret ? io.stderr : io.stdout).write(prompt);
  const buf = bufferFor(io);
  for (;;) {
    const nl = buf.text.search(/\r?\n/);
    if (nl >= 0) {
      const line = buf.text.slice(0, nl);
      buf.text = buf.text.slice(buf.text[nl] === '\r' ? nl + 2 : nl + 1);
      if (opts.secret) io.stderr.write('\n');
      return line;
    }
    if (buf.ended) {
      const line = buf.text;
      buf.text = '';
      if (!line) throw new EofError();
      return line;
    }
    await new Promise<void>((resolve) => buf.waiters.push(resolve));
  }
}

export class EofError extends Error {
  readonly exitCode = 255;
  constructor() {
    super('EOF when reading a line');
    this.name = 'EofError';
  }
}

export function stopReading(io: CliIO): void {
  io.stdin.pause();
}
