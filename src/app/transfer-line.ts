// The one line a transfer takes above the footer, as plain text parts (a pure function, so the
// bar, rate and ETA are tested without Ink): `download 2/5 [████░░░░] 40% 4.0 MiB/10.0 MiB 2.0 MiB/s ETA 0:03`.
import { humanBytes } from '../../services/format.js';
import type { TransferJob } from './transfers.js';

export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

export function progressBar(fraction: number, cells: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
  return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)}`;
}

/** `[head, bar, tail]`: the bar is drawn in its own colour. A finished job has no bar. */
export function transferLine(job: TransferJob): { head: string; bar?: string; tail: string } {
  const s = job.snapshot;
  if (job.summary !== undefined) {
    const moved = s.bytesDone ? `${humanBytes(s.bytesDone)} in ` : '';
    return { head: `${job.ok ? '✓' : '✗'} ${job.verb}: ${job.summary}`, tail: ` · ${moved}${(s.elapsedMs / 1000).toFixed(1)} s · ${job.target}` };
  }
  const byBytes = s.bytesTotal > 0;
  const fraction = byBytes ? s.bytesDone / s.bytesTotal : s.filesTotal ? s.filesDone / s.filesTotal : 0;
  const head = `${job.verb} ${s.filesDone}/${s.filesTotal} `;
  const amounts = byBytes ? ` ${humanBytes(s.bytesDone)}/${humanBytes(s.bytesTotal)} · ${humanBytes(Math.round(s.rate))}/s · ETA ${s.etaSeconds === undefined ? '…' : clock(s.etaSeconds)}` : '';
  return { head, bar: progressBar(fraction, 20), tail: ` ${Math.floor(fraction * 100)}%${amounts} · ${job.target}` };
}
