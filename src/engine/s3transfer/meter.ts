// Progress of a batch of transfers as a person reads it: bytes and files done of the total, the
// rate over the last few seconds (not since the start, so a stall shows), and the time left at
// that rate. A plain object updated by callbacks; whoever draws it reads `snapshot()` when it likes.

export interface TransferSnapshot {
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  skipped: number;
  failed: number;
  /** Bytes per second over the recent window; 0 before there is anything to measure. */
  rate: number;
  /** Seconds left at that rate, undefined while unknown. */
  etaSeconds?: number;
  elapsedMs: number;
}

const WINDOW_MS = 5000;

export class TransferMeter {
  private bytesDone = 0;
  private bytesTotal = 0;
  private filesDone = 0;
  private filesTotal = 0;
  private skipped = 0;
  private failed = 0;
  private readonly samples: Array<{ at: number; bytes: number }> = [];
  private readonly started: number;

  constructor(private readonly now: () => number = Date.now) {
    this.started = now();
    this.samples.push({ at: this.started, bytes: 0 });
  }

  /** More work became known (a listing page of a prefix). */
  add(files: number, bytes: number): void {
    this.filesTotal += files;
    this.bytesTotal += bytes;
  }

  progress(bytes: number): void {
    this.bytesDone += bytes;
    const at = this.now();
    this.samples.push({ at, bytes: this.bytesDone });
    while (this.samples.length > 2 && this.samples[1].at < at - WINDOW_MS) this.samples.shift();
  }

  fileDone(): void { this.filesDone++; }

  /** A file that needs no transfer: its bytes leave the total, so the ETA is about what is left. */
  fileSkipped(bytes: number): void {
    this.skipped++;
    this.filesDone++;
    this.bytesTotal -= bytes;
  }

  fileFailed(bytes: number, transferred: number): void {
    this.failed++;
    this.filesDone++;
    this.bytesTotal -= bytes - transferred;
  }

  snapshot(): TransferSnapshot {
    const at = this.now();
    const first = this.samples[0];
    const span = at - first.at;
    const rate = span > 0 ? ((this.bytesDone - first.bytes) / span) * 1000 : 0;
    const left = Math.max(0, this.bytesTotal - this.bytesDone);
    return {
      bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, filesDone: this.filesDone, filesTotal: this.filesTotal,
      skipped: this.skipped, failed: this.failed, rate, etaSeconds: rate > 0 ? left / rate : left === 0 ? 0 : undefined,
      elapsedMs: at - this.started,
    };
  }
}
