// Alternate screen for the dashboard, restored on every way out: normal quit, Ctrl-C (handled as a
// key in raw mode), a crash, SIGTERM/SIGHUP/SIGINT from outside, or process.exit anywhere.

const enterAlt = '\x1b[?1049h\x1b[H';
const leaveAlt = '\x1b[?25h\x1b[?1049l';

interface Writable { write(chunk: string): unknown }

export interface FullScreenGuard {
  /** Leaves the alternate screen (idempotent) and drops the process hooks. */
  restore(): void;
}

export function enterFullScreen(stdout: Writable, proc: NodeJS.Process = process): FullScreenGuard {
  let active = true;
  const restore = () => {
    if (!active) return;
    active = false;
    stdout.write(leaveAlt);
    proc.off('exit', restore);
    for (const [signal, handler] of signalHandlers) proc.off(signal, handler);
    proc.off('uncaughtException', onCrash);
    proc.off('unhandledRejection', onCrash);
  };
  const onSignal = (code: number) => () => {
    restore();
    proc.exit(code);
  };
  const signalHandlers: Array<[NodeJS.Signals, () => void]> = [
    ['SIGTERM', onSignal(143)], ['SIGHUP', onSignal(129)], ['SIGINT', onSignal(130)],
  ];
  // Restore before printing, so the stack trace lands on the normal screen where it stays readable.
  const onCrash = (error: unknown) => {
    restore();
    process.stderr.write(`awsdeck crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    proc.exit(1);
  };
  stdout.write(enterAlt);
  proc.on('exit', restore);
  for (const [signal, handler] of signalHandlers) proc.on(signal, handler);
  proc.on('uncaughtException', onCrash);
  proc.on('unhandledRejection', onCrash);
  return { restore };
}
