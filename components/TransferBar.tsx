// The line above the footer while an S3 transfer runs (and for a minute after it ends): files,
// a bar, bytes, rate and time left. It reads the transfers store, which is refreshed on a timer.
import { Text } from 'ink';
import { useServices } from '../src/app/dashboard-context.js';
import { visibleText } from '../src/app/sanitize.js';
import { useStore } from '../src/app/store.js';
import { transferLine } from '../src/app/transfer-line.js';

export function TransferBar() {
  const { transfers, theme } = useServices();
  const { job } = useStore(transfers);
  if (!job) return null;
  const line = transferLine(job);
  const tone = job.summary === undefined ? theme.text : job.ok ? theme.ok : theme.danger;
  return (
    <Text wrap="truncate">
      <Text {...tone}>{visibleText(line.head)}</Text>
      {line.bar ? <Text {...theme.accent}>{line.bar}</Text> : null}
      <Text {...theme.muted}>{visibleText(line.tail)}</Text>
    </Text>
  );
}

/** Whether the line is shown (the body gives up a row for it). */
export function useTransferLineShown(): boolean {
  const { transfers } = useServices();
  return Boolean(useStore(transfers).job);
}

/** A transfer is still running (its cancel key is live). */
export function useTransferRunning(): boolean {
  const { transfers } = useServices();
  const { job } = useStore(transfers);
  return Boolean(job && job.summary === undefined);
}
