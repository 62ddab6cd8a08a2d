// What a view task (S3 download, upload, …) is given, and what the S3 ones share: the rows split
// into objects and prefixes, a transfer context over an audited client, and the end-of-job summary.
import type { Scope } from '../../../../services/types.js';
import { createTransferContext, type BatchOutcome, type TransferContext, type TransferMeter } from '../../../engine/s3transfer/index.js';
import type { Dashboard } from '../../dashboard-model.js';
import type { Interaction } from '../../engine-port.js';
import type { Transfers } from '../../transfers.js';
import { auditedS3Caller } from '../audit-call.js';

export interface TaskContext {
  dashboard: Dashboard;
  transfers: Transfers;
  copyToClipboard(text: string): void;
  /** The folder awsdeck started in (the default download folder, where relative paths start). */
  cwd: string;
  profile: string;
  region: string;
  scope: Scope;
  /** The picked rows, else the selected one; empty for tasks on the view. */
  items: Array<Record<string, unknown>>;
  /** Lists the view again once something in it changed. */
  reload(): void;
}

/** Resolves when the task has finished (a transfer: when its last file is done). */
export type TaskRunner = (ctx: TaskContext) => Promise<void>;

/** Rows of an S3 objects view: objects by key (with size and ETag), folders by prefix. */
export function splitRows(items: Array<Record<string, unknown>>) {
  const objects = items.filter((i) => typeof i.Key === 'string').map((i) => ({
    key: i.Key as string, size: Number(i.Size ?? 0), etag: typeof i.ETag === 'string' ? i.ETag : undefined,
    lastModified: typeof i.LastModified === 'string' ? i.LastModified : undefined,
  }));
  const prefixes = items.filter((i) => typeof i.Prefix === 'string').map((i) => i.Prefix as string);
  return { objects, prefixes };
}

/** Runs `work` with a transfer context for the view's bucket region, signing in first if needed. */
export function withTransfer<T>(ctx: TaskContext, work: (transfer: TransferContext, interaction: Interaction) => Promise<T>): Promise<T> {
  const { dashboard, profile, region } = ctx;
  const config = dashboard.engine.transferConfig(profile);
  return dashboard.withSignIn(profile, (interaction) => {
    const caller = dashboard.engine.service(profile, region, 's3api', interaction);
    return work(createTransferContext(auditedS3Caller(dashboard, profile, region, caller), config), interaction);
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 files downloaded, 1 skipped (already there), 1 failed (! lists why)`; failures go to the error log. */
export function summarise(ctx: TaskContext, verb: string, outcome: BatchOutcome): { text: string; ok: boolean } {
  const parts = [`${plural(outcome.done.length, 'object')} ${verb}`];
  const reasons = new Map<string, number>();
  for (const s of outcome.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  for (const [reason, count] of reasons) parts.push(`${count} skipped (${reason})`);
  if (outcome.failed.length) parts.push(`${outcome.failed.length} failed (! lists why)`);
  for (const failure of outcome.failed.slice(0, 20)) {
    const error = failure.error as Error;
    ctx.dashboard.errors.record(Object.assign(new Error(`s3://${ctx.scope.Bucket}/${failure.key}: ${error.message}`), { code: (error as { code?: string }).code }), ctx.profile);
  }
  // Refused keys are recorded too: someone put them in the bucket, and the person should know.
  for (const refused of outcome.skipped.filter((s) => s.reason.endsWith('not written')).slice(0, 20)) {
    ctx.dashboard.errors.record(new Error(`s3://${ctx.scope.Bucket}/${refused.key}: ${refused.reason}`), ctx.profile);
  }
  return { text: parts.join(', '), ok: outcome.failed.length === 0 };
}

/**
 * Runs a batch as a job on the transfer line: `verb` names it (`download`), `done` is what
 * happened to each object (`downloaded`). The line ends with the summary, or with the failure.
 */
export async function runJob(
  ctx: TaskContext, verb: string, done: string, target: string,
  work: (transfer: TransferContext, options: { meter: TransferMeter; signal: AbortSignal }) => Promise<BatchOutcome>,
): Promise<void> {
  const job = ctx.transfers.start(verb, target);
  try {
    const outcome = await withTransfer(ctx, (transfer) => work(transfer, { meter: job.meter, signal: job.signal }));
    const summary = summarise(ctx, done, outcome);
    const left = job.meter.snapshot().filesTotal - job.meter.snapshot().filesDone;
    job.finish(job.signal.aborted ? `cancelled (${left} not started): ${summary.text}` : summary.text, summary.ok && !job.signal.aborted);
  } catch (error) {
    job.finish(`failed: ${(error as Error).message}`, false);
    throw error;
  }
}
