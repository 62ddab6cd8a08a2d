// Alternate screen for the dashboard, restored on every way out: normal quit, Ctrl-C (handled as a
// key in raw mode), a crash, SIGTERM/SIGHUP/SIGINT from outside, or process.exit anywhere.
// Restored means the normal screen back, the cursor shown and the terminal out of raw mode.

const enterAlt = '\x1b[?1049h\x1b[H';
const leaveAlt = '\x1b[?25h\x1b[?1049l';

interface Writable { write(chunk: string): unknown }
interface RawModeInput { isTTY?: boolean; setRawMode?(mode: boolean): unknown }

export interface FullScreenGuard {
  /** Leaves the alternate screen (idempotent) and drops the process hooks. */
  restore(): void;
}

export interface FullScreenOptions {
  /** The input Ink put in raw mode: a signal or a crash ends the process before Ink can undo it. */
  stdin?: RawModeInput;
  /**
   * Takes the renderer down while the alternate screen is still on: Ink's own exit hook would
   * otherwise draw its last frame, erasing lines above it, over the restored normal screen.
   */
  beforeLeave?: () => void;
  /** Records the crash (a report file) and returns the line to print about it. */
  onCrash?: (error: unknown) => string;
  proc?: NodeJS.Process;
}

export function enterFullScreen(stdout: Writable, options: FullScreenOptions = {}): FullScreenGuard {
  const proc = options.proc ?? process;
  let active = true;
  const restore = () => {
    if (!active) return;
    active = false;
    try {
      options.beforeLeave?.();
    } catch {
      // A renderer that fails to stop must not keep the terminal from being restored.
    }
    stdout.write(leaveAlt);
    leaveRawMode(options.stdin);
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
  // Restore before printing, so the message lands on the normal screen where it stays readable.
  const onCrash = (error: unknown) => {
    restore();
    let line: string;
    try {
      line = options.onCrash ? options.onCrash(error) : crashLine(error);
    } catch (reportError) {
      line = `${crashLine(error)} (no crash report: ${reportError instanceof Error ? reportError.message : String(reportError)})`;
    }
    proc.stderr.write(`${line}\n`);
    proc.exit(1);
  };
  stdout.write(enterAlt);
  proc.on('exit', restore);
  for (const [signal, handler] of signalHandlers) proc.on(signal, handler);
  proc.on('uncaughtException', onCrash);
  proc.on('unhandledRejection', onCrash);
  return { restore };
}

function crashLine(error: unknown): string {
  return `awsdeck crashed: ${error instanceof Error ? error.name : 'a non-error value was thrown'}`;
}

function leaveRawMode(stdin: RawModeInput | undefined): void {
  if (!stdin?.isTTY || !stdin.setRawMode) return;
  try {
    stdin.setRawMode(false);
  } catch {
    // The terminal may already be gone (SIGHUP): nothing left to restore.
  }
}
