// The S3 objects view's transfers: download the picked objects and prefixes into a folder, upload a
// file or folder into the prefix on screen, delete objects and prefixes. Each asks first, then runs
// in the background through the transfer engine while the line above the footer shows its progress.
import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { humanBytes } from '../../../../services/format.js';
import { guessContentType } from '../../../cli/s3/mime-types.js';
import { deleteKeys, downloadObjects, localFilesFor, objectsUnder, uploadFiles, type RemoteObject } from '../../../engine/s3transfer/index.js';
import { ActionProblem } from '../row-actions.js';
import { runJob, splitRows, withTransfer, type TaskContext } from './task-context.js';

/** Above this many objects a delete wants the count typed, not just `y`. */
export const TYPED_DELETE_ABOVE = 100;

const where = (ctx: TaskContext) => `s3://${ctx.scope.Bucket}/${ctx.scope.Prefix ?? ''}`;
const localPath = (ctx: TaskContext, typed: string) => resolve(ctx.cwd, typed === '~' || typed.startsWith('~/') ? `${homedir()}${typed.slice(1)}` : typed);

export async function downloadTask(ctx: TaskContext): Promise<void> {
  const { objects, prefixes } = splitRows(ctx.items);
  const what = objects.length + prefixes.length === 1 ? (objects[0]?.key ?? prefixes[0]) : `${objects.length + prefixes.length} rows`;
  const { folder } = await ctx.dashboard.prompts.askForm(`Download ${what} from s3://${ctx.scope.Bucket}`, [
    { id: 'folder', label: 'into folder (^u clears; made if missing)', kind: 'text', initial: ctx.cwd },
  ]);
  const root = localPath(ctx, folder);
  await mkdir(root, { recursive: true });
  await runJob(ctx, 'download', 'downloaded', `${where(ctx)} → ${root}`, (transfer, options) => {
    async function* pages(): AsyncGenerator<RemoteObject[]> {
      if (objects.length) yield objects;
      yield* objectsUnder(transfer, ctx.scope.Bucket, prefixes);
    }
    return downloadObjects(transfer, ctx.scope.Bucket, pages(), root, ctx.scope.Prefix ?? '', options);
  });
}

export async function uploadTask(ctx: TaskContext): Promise<void> {
  const { path } = await ctx.dashboard.prompts.askForm(`Upload to ${where(ctx)}`, [
    { id: 'path', label: 'local file or folder (^u clears)', kind: 'text', initial: ctx.cwd },
  ]);
  const source = localPath(ctx, path);
  const exists = await stat(source).then(() => true, () => false);
  if (!exists) throw new ActionProblem(`${source} does not exist.`);
  const files = await localFilesFor(source, ctx.scope.Prefix ?? '');
  if (!files.length) throw new ActionProblem(`${source} holds no files.`);
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const threshold = ctx.dashboard.engine.transferConfig(ctx.profile).multipartThreshold;
  await ctx.dashboard.prompts.confirmAction(
    `Upload ${files.length === 1 ? files[0].key : `${files.length} files`} (${humanBytes(bytes)}) to s3://${ctx.scope.Bucket} (${ctx.profile}, ${ctx.region})`,
    [...files.map((f) => `${f.key}  ${humanBytes(f.size)}${f.size >= threshold ? '  multipart' : ''}`), '', 'an object with the same key is replaced'],
  );
  try {
    await runJob(ctx, 'upload', 'uploaded', `${source} → ${where(ctx)}`, (transfer, options) => uploadFiles(transfer, ctx.scope.Bucket, files, {
      ...options,
      // As `s3 cp`: the Content-Type guessed from the file name.
      extraFor: (file) => { const type = guessContentType(file.path); return type ? { ContentType: type } : {}; },
    }));
  } finally {
    ctx.reload();
  }
}

export async function deleteTask(ctx: TaskContext): Promise<void> {
  const { objects, prefixes } = splitRows(ctx.items);
  // Every key under a picked prefix is listed first: the confirmation names the real count.
  const keys = await withTransfer(ctx, async (transfer) => {
    const all = objects.map((o) => o.key);
    for await (const page of objectsUnder(transfer, ctx.scope.Bucket, prefixes)) all.push(...page.map((o) => o.key));
    return [...new Set(all)];
  });
  if (!keys.length) throw new ActionProblem('Nothing to delete: the picked prefixes hold no objects.');
  const typed = keys.length > TYPED_DELETE_ABOVE ? String(keys.length) : undefined;
  await ctx.dashboard.prompts.confirmAction(
    `Delete ${keys.length === 1 ? keys[0] : `${keys.length} objects`} from s3://${ctx.scope.Bucket} (${ctx.profile}, ${ctx.region})`,
    [...keys, ...(prefixes.length ? ['', `(every object under ${prefixes.join(', ')})`] : [])],
    typed,
  );
  try {
    await runJob(ctx, 'delete', 'deleted', `s3://${ctx.scope.Bucket}`, (transfer, options) => deleteKeys(transfer, ctx.scope.Bucket, keys, options));
  } finally {
    ctx.reload();
  }
}
