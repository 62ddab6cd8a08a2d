// What the s3 transfer commands print while they run, line for line as the CLI: one line per
// finished transfer (`upload: a to s3://b/a`) on stdout, failures and warnings on stderr, and a
// progress line ending in `\r` that later lines overwrite (padded to its length).
import { ServiceError } from '../../engine/http/errors.js';
import type { CliIO } from '../io.js';
import { pyRepr } from '../params/errors.js';
import { humanReadableSize } from './human-size.js';

export type PrintMode = 'all' | 'no-progress' | 'errors-only' | 'quiet';

export interface TransferLabel {
  type: string;
  src: string;
  dest?: string;
}

const location = (label: TransferLabel) => (label.dest === undefined ? label.src : `${label.src} to ${label.dest}`);

export class TransferReporter {
  private bytesTransferred = 0;
  private bytesFailed = 0;
  private expectedBytes = 0;
  private filesTransferred = 0;
  private expectedFiles = 0;
  private finalFiles: number | undefined;
  private startTime: number | undefined;
  private progressLength = 0;
  private fatal = false;
  filesFailed = 0;
  filesWarned = 0;
  errors = 0;

  constructor(private readonly io: CliIO, private readonly mode: PrintMode) {}

  queued(size: number | undefined): void {
    this.startTime ??= Date.now();
    if (size) this.expectedBytes += size;
    this.expectedFiles++;
  }

  progress(bytes: number): void {
    this.bytesTransferred += bytes;
    if (this.mode === 'all') this.printProgress();
  }

  succeeded(label: TransferLabel): void {
    this.filesTransferred++;
    if (this.mode === 'all' || this.mode === 'no-progress') this.out(`${label.type}: ${location(label)}`);
    this.redisplayProgress();
  }

  failed(label: TransferLabel, size: number | undefined, transferred: number, error: unknown): void {
    if (size !== undefined) this.bytesFailed += size - transferred;
    this.filesFailed++;
    this.filesTransferred++;
    if (this.mode !== 'quiet') this.err(`${label.type} failed: ${location(label)} ${errorText(error)}`);
    this.redisplayProgress();
  }

  dryRun(label: TransferLabel): void {
    if (this.mode === 'all' || this.mode === 'no-progress') this.out(`(dryrun) ${label.type}: ${location(label)}`);
  }

  warning(message: string): void {
    this.filesWarned++;
    if (this.mode !== 'quiet') this.err(message);
    this.redisplayProgress();
  }

  /** An error that stops the command (a failed listing, a missing source object). */
  fatalError(error: unknown): void {
    this.errors++;
    if (this.fatal) return;
    this.fatal = true;
    if (this.mode !== 'quiet') this.err(`fatal error: ${errorText(error)}`);
  }

  /** Every transfer has been submitted: totals are final from here on. */
  allSubmitted(total: number): void {
    this.finalFiles = total;
    if (this.progressLength && !this.hasRemaining() && this.mode === 'all') this.write('stdout', `${''.padEnd(this.progressLength)}\n`);
  }

  get exitCode(): number {
    if (this.filesFailed + this.errors > 0) return 1;
    return this.filesWarned > 0 ? 2 : 0;
  }

  private totalsFinal(): boolean {
    return this.finalFiles === this.expectedFiles;
  }

  private hasRemaining(): boolean {
    return !this.totalsFinal() || this.filesTransferred !== this.expectedFiles;
  }

  private redisplayProgress(): void {
    this.progressLength = 0;
    if (this.mode === 'all' && this.hasRemaining()) this.printProgress();
  }

  private printProgress(): void {
    if (this.fatal) return;
    const estimate = (text: string) => (this.totalsFinal() ? text : `~${text}`);
    const remaining = estimate(String(this.expectedFiles - this.filesTransferred));
    let line: string;
    if (this.expectedBytes > 0) {
      const elapsed = (Date.now() - (this.startTime ?? Date.now())) / 1000;
      const speed = elapsed > 0 ? this.bytesTransferred / elapsed : 0;
      line = `Completed ${humanReadableSize(this.bytesTransferred + this.bytesFailed)}/${estimate(humanReadableSize(this.expectedBytes))} `
        + `(${humanReadableSize(speed)}/s) with ${remaining} file(s) remaining`;
    } else {
      line = `Completed ${this.filesTransferred} file(s) with ${remaining} file(s) remaining`;
    }
    if (!this.totalsFinal()) line += ' (calculating...)';
    line = line.padEnd(this.progressLength);
    this.progressLength = line.length;
    // Progress now moves with every chunk: a line not yet written out is replaced, not added to.
    if (this.pendingProgressAt >= 0) this.pending = this.pending.slice(0, this.pendingProgressAt);
    this.write('stdout', `${line}\r`);
    this.pendingProgressAt = this.pending.length - line.length - 1;
  }

  private out(line: string): void {
    this.write('stdout', `${line.padEnd(this.progressLength)}\n`);
  }

  private err(line: string): void {
    this.write('stderr', `${line.padEnd(this.progressLength)}\n`);
  }

  /**
   * stdout is gathered and written once per turn of the event loop: one write per line costs
   * more than the transfer of a small file. stderr goes out at once, after what is pending.
   */
  private pending = '';
  private flushScheduled = false;
  /** Where the last line of `pending` starts when it is a progress line; -1 otherwise. */
  private pendingProgressAt = -1;

  private write(stream: 'stdout' | 'stderr', text: string): void {
    this.pendingProgressAt = -1;
    if (stream === 'stderr') {
      this.flush();
      this.io.stderr.write(text);
      return;
    }
    this.pending += text;
    if (this.pending.length > 64 * 1024) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Write out what is pending (also called when the command ends). */
  flush(): void {
    this.flushScheduled = false;
    this.pendingProgressAt = -1;
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.io.stdout.write(text);
  }
}

/** strerror texts Python shows for the errors a transfer meets on local files. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory', EACCES: 'Permission denied', EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory', ENOTDIR: 'Not a directory', EEXIST: 'File exists', ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system', ENAMETOOLONG: 'File name too long',
};

export function errorText(error: unknown): string {
  if (error instanceof ServiceError) return error.toString();
  // A local file error as Python's OSError prints it: `[Errno 21] Is a directory: '/x/d/'`.
  const system = error as { code?: string; errno?: number; path?: string };
  if (system?.code && STRERROR[system.code] && typeof system.errno === 'number') {
    return `[Errno ${Math.abs(system.errno)}] ${STRERROR[system.code]}${system.path !== undefined ? `: ${pyRepr(system.path)}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
