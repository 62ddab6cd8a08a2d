// The browser's transfers as the dashboard shows them: the job running now (or the last one, for a
// while after it ends) with its meter read every 250 ms. Transfers call the meter for every part;
// only this timer touches the store, so a fast transfer never floods React with renders.
import { TransferMeter, type TransferSnapshot } from '../engine/s3transfer/index.js';
import { createStore } from './store.js';

export interface TransferJob {
  id: number;
  /** `download`, `upload`, `delete`. */
  verb: string;
  /** `s3://bucket/prefix → ./folder`. */
  target: string;
  snapshot: TransferSnapshot;
  /** Set when it has ended: `3 downloaded, 1 skipped (same size and ETag)`. */
  summary?: string;
  ok?: boolean;
}

export interface TransfersState { job?: TransferJob }

export interface TransferHandle {
  meter: TransferMeter;
  /** Aborted by `cancel()`: the batch starts no new file (those in flight finish). */
  signal: AbortSignal;
  finish(summary: string, ok: boolean): void;
}

const REFRESH_MS = 250;
/** How long the line of a finished transfer stays. */
const KEEP_DONE_MS = 60_000;

export function createTransfers(now: () => number = Date.now) {
  const store = createStore<TransfersState>({});
  let nextId = 1;
  const meters = new Map<number, TransferMeter>();
  const aborts = new Map<number, AbortController>();
  let timer: NodeJS.Timeout | undefined;
  let clearTimer: NodeJS.Timeout | undefined;
  // The line shows the newest job; it is redrawn from its meter while it runs.
  const refresh = () => {
    const job = store.get().job;
    const meter = job && job.summary === undefined ? meters.get(job.id) : undefined;
    if (job && meter) store.set({ job: { ...job, snapshot: meter.snapshot() } });
  };

  return {
    ...store,
    start(verb: string, target: string): TransferHandle {
      const meter = new TransferMeter(now);
      const id = nextId++;
      meters.set(id, meter);
      const abort = new AbortController();
      aborts.set(id, abort);
      if (clearTimer) clearTimeout(clearTimer);
      store.set({ job: { id, verb, target, snapshot: meter.snapshot() } });
      timer ??= setInterval(refresh, REFRESH_MS);
      return {
        meter,
        signal: abort.signal,
        finish(summary, ok) {
          meters.delete(id);
          aborts.delete(id);
          if (meters.size === 0 && timer) {
            clearInterval(timer);
            timer = undefined;
          }
          const job = store.get().job;
          if (job?.id !== id) return;
          store.set({ job: { ...job, snapshot: meter.snapshot(), summary, ok } });
          clearTimer = setTimeout(() => { if (store.get().job?.id === id) store.set({ job: undefined }); }, KEEP_DONE_MS);
          clearTimer.unref?.();
        },
      };
    },
    /** Stops every running transfer from starting more files. */
    cancel(): void {
      for (const abort of aborts.values()) abort.abort();
    },
    running: () => aborts.size > 0,
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
