// Runs the transfers a command decided on: each FileStat becomes an upload, download, copy or
// delete through the shared transfer engine, reported to the TransferReporter as the CLI reports
// it (queued → progress → `type: src to dest`, or a failure line). Warnings that skip a file
// (glacier objects, keys that would leave the destination folder) are checked first.
import { utimesSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative, resolve } from 'node:path';
import type { AwsClient } from '../../engine/http/client.js';
import { copyObject, downloadToFile, downloadToWriter, uploadFile, uploadStream, type TransferContext } from '../../engine/s3transfer/index.js';
import { MAX_SINGLE_UPLOAD_SIZE } from '../../engine/s3transfer/config.js';
import type { CliIO } from '../io.js';
import type { FileStat } from './file-generator.js';
import { skipWarning } from './file-generator.js';
import { humanReadableSize } from './human-size.js';
import { guessContentType } from './mime-types.js';
import { findBucketKey, displayLocalPath } from './paths.js';
import { METADATA_DIRECTIVE_PROPERTIES, type Params } from './request-params.js';
import type { TransferLabel, TransferReporter } from './results.js';

export interface RunnerOptions {
  io: CliIO;
  transfer: TransferContext;
  /** The client of the source bucket (differs with --source-region). */
  sourceClient: Pick<AwsClient, 'call'>;
  reporter: TransferReporter;
  isMove: boolean;
  dryRun: boolean;
  guessMimeType: boolean;
  forceGlacierTransfer: boolean;
  ignoreGlacierWarnings: boolean;
  copyProps: 'none' | 'metadata-directive' | 'default';
  metadataDirectiveGiven: boolean;
  dirOp: boolean;
  /** The local destination folder of downloads: nothing may be written outside it. */
  downloadRoot?: string;
  expectedSize?: number;
  params: () => RequestParams;
}

interface RequestParams { put: Params; get: Params; copy: Params; head: Params; delete: Params }

export class TransferRunner {
  private readonly inFlight = new Set<Promise<void>>();
  submitted = 0;

  private mapped?: RequestParams;

  constructor(private readonly options: RunnerOptions) {}

  private get params(): RequestParams {
    this.mapped ??= this.options.params();
    return this.mapped;
  }

  /** Start one transfer; waits first while max_queue_size transfers are outstanding. */
  async submit(file: FileStat): Promise<void> {
    if (this.skipWithWarning(file)) return;
    void this.params; // the CLI maps the options when it submits, so bad ones fail here
    const label = this.label(file);
    if (this.options.dryRun) {
      this.options.reporter.dryRun(label);
      return;
    }
    while (this.inFlight.size >= this.options.transfer.config.maxQueueSize) await Promise.race(this.inFlight);
    this.submitted++;
    const task = this.run(file, label);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  async finish(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight);
  }

  private label(file: FileStat): TransferLabel {
    const cwd = this.options.io.cwd;
    const local = (path: string) => (path === '-' ? '-' : displayLocalPath(path, cwd));
    const s3 = (path: string) => `s3://${path}`;
    const type = this.options.isMove && file.operation !== 'delete' ? 'move' : file.operation;
    switch (file.operation) {
      case 'upload': return { type, src: local(file.src), dest: s3(file.dest) };
      case 'download': return { type, src: s3(file.src), dest: local(file.dest) };
      case 'copy': return { type, src: s3(file.src), dest: s3(file.dest) };
      default: return { type: 'delete', src: file.srcType === 's3' ? s3(file.src) : local(file.src) };
    }
  }

  private skipWithWarning(file: FileStat): boolean {
    const { reporter } = this.options;
    if (file.operation === 'upload' && file.size !== undefined && file.size > MAX_SINGLE_UPLOAD_SIZE) {
      const path = displayLocalPath(file.src, this.options.io.cwd);
      reporter.warning(`warning: ${`File ${path} exceeds s3 upload limit of ${humanReadableSize(MAX_SINGLE_UPLOAD_SIZE)}.`}`);
    }
    if ((file.operation === 'download' || file.operation === 'copy') && this.isGlacier(file) && !this.options.forceGlacierTransfer) {
      if (!this.options.ignoreGlacierWarnings) {
        const op = file.operation;
        reporter.warning(skipWarning(`s3://${file.src}`, `Object is of storage class GLACIER. Unable to perform ${op} operations on GLACIER objects. You must restore the object to be able to perform the operation. See awsdeck s3 ${op} help for additional parameter options to ignore or force these transfers.`));
      }
      return true;
    }
    if (file.operation === 'download' && file.dest !== '-' && this.escapesDestination(file)) {
      reporter.warning(skipWarning(file.compareKey, 'File references a parent directory.'));
      return true;
    }
    return false;
  }

  private isGlacier(file: FileStat): boolean {
    const storageClass = file.response?.StorageClass;
    const restored = String(file.response?.Restore ?? '').includes('ongoing-request="false"');
    return (storageClass === 'GLACIER' || storageClass === 'DEEP_ARCHIVE') && !restored;
  }

  /** The CLI's check (the key normalises to `../…`) plus a plain containment check of the result. */
  private escapesDestination(file: FileStat): boolean {
    if (posix.normalize(file.compareKey).startsWith('../')) return true;
    const root = this.options.downloadRoot;
    if (root === undefined) return false;
    const inside = relative(resolve(root), resolve(file.dest));
    return inside === '..' || inside.startsWith('../') || isAbsolute(inside);
  }

  private async run(file: FileStat, label: TransferLabel): Promise<void> {
    const { reporter } = this.options;
    let transferred = 0;
    const onProgress = (bytes: number) => {
      transferred += bytes;
      reporter.progress(bytes);
    };
    const size = file.src === '-' ? this.options.expectedSize : file.size;
    reporter.queued(file.operation === 'delete' ? 0 : size);
    try {
      await this.execute(file, onProgress);
      reporter.succeeded(label);
    } catch (err) {
      reporter.failed(label, size, transferred, err);
    }
  }

  private async execute(file: FileStat, onProgress: (bytes: number) => void): Promise<void> {
    const { transfer } = this.options;
    const { params } = this;
    switch (file.operation) {
      case 'upload': {
        const [bucket, key] = findBucketKey(file.dest);
        const extra = { ...params.put };
        if (this.options.guessMimeType && !extra.ContentType && file.src !== '-') {
          const type = guessContentType(file.src);
          if (type) extra.ContentType = type;
        }
        if (file.src === '-') await uploadStream(transfer, this.options.io.stdin, { bucket, key }, extra, this.options.expectedSize, onProgress);
        else await uploadFile(transfer, file.src, file.size ?? 0, { bucket, key }, extra, onProgress);
        if (this.options.isMove) await unlink(file.src);
        return;
      }
      case 'download': {
        const [bucket, key] = findBucketKey(file.src);
        if (file.dest === '-') {
          const size = file.size ?? Number((await transfer.slots.use(() => transfer.client.call('HeadObject', { Bucket: bucket, Key: key, ...params.head }))).ContentLength ?? 0);
          await downloadToWriter(transfer, { bucket, key }, size, params.get, (chunk) => writeOut(this.options.io, chunk), onProgress);
          return;
        }
        await this.ensureDirectory(dirname(file.dest));
        await downloadToFile(transfer, { bucket, key }, file.size ?? 0, file.dest, params.get, onProgress);
        await this.setModifiedTime(file);
        if (this.options.isMove) await this.options.sourceClient.call('DeleteObject', { Bucket: bucket, Key: key, ...params.delete });
        return;
      }
      case 'copy': {
        const [bucket, key] = findBucketKey(file.dest);
        const [srcBucket, srcKey] = findBucketKey(file.src);
        const extra = await this.copyParams(file, srcBucket, srcKey);
        await copyObject(transfer, { bucket: srcBucket, key: srcKey }, file.size ?? 0, { bucket, key }, extra, onProgress);
        if (this.options.isMove) await this.options.sourceClient.call('DeleteObject', { Bucket: srcBucket, Key: srcKey, ...params.delete });
        return;
      }
      case 'delete': {
        if (file.srcType === 'local') {
          await unlink(file.src);
          return;
        }
        const [bucket, key] = findBucketKey(file.src);
        await transfer.slots.use(() => transfer.client.call('DeleteObject', { Bucket: bucket, Key: key, ...params.delete }));
        return;
      }
      default:
        return;
    }
  }

  /** --copy-props: which of the source's properties and tags the copy keeps. */
  private async copyParams(file: FileStat, bucket: string, key: string): Promise<Params> {
    const extra = { ...this.params.copy };
    if (this.options.metadataDirectiveGiven) return extra; // an explicit --metadata-directive turns copy-props off
    if (this.options.copyProps === 'none') {
      extra.MetadataDirective = 'REPLACE';
      extra.TaggingDirective = 'REPLACE';
      return extra;
    }
    const multipart = (file.size ?? 0) >= this.options.transfer.config.multipartThreshold;
    const explicit = METADATA_DIRECTIVE_PROPERTIES.some((name) => extra[name] !== undefined);
    if (multipart || explicit) {
      if (explicit && !multipart) extra.MetadataDirective = 'REPLACE';
      const head = !this.options.dirOp && file.response?.ContentLength !== undefined
        ? file.response
        : await this.options.sourceClient.call('HeadObject', { Bucket: bucket, Key: key, ...this.params.head });
      for (const name of METADATA_DIRECTIVE_PROPERTIES) if (extra[name] === undefined && head[name] !== undefined) extra[name] = head[name];
    }
    if (this.options.copyProps === 'metadata-directive') extra.TaggingDirective = 'REPLACE';
    else if (multipart) await this.copyTags(extra, bucket, key);
    return extra;
  }

  private async copyTags(extra: Params, bucket: string, key: string): Promise<void> {
    const tags = (await this.options.sourceClient.call('GetObjectTagging', { Bucket: bucket, Key: key })).TagSet as Array<{ Key: string; Value: string }> | undefined;
    if (tags?.length) extra.Tagging = tags.map((t) => `${encodeURIComponent(t.Key)}=${encodeURIComponent(t.Value)}`).join('&');
  }

  private readonly directories = new Set<string>();

  /** Each folder is created once per command, not once per file in it. */
  private async ensureDirectory(path: string): Promise<void> {
    if (this.directories.has(path)) return;
    await mkdir(path, { recursive: true });
    this.directories.add(path);
  }

  private async setModifiedTime(file: FileStat): Promise<void> {
    if (file.lastModified === undefined) return;
    const seconds = Math.floor(file.lastModified / 1000);
    try {
      utimesSync(file.dest, seconds, seconds);
    } catch (err) {
      this.options.reporter.warning(skipWarning(file.dest, `Successfully Downloaded ${file.dest} but was unable to update the last modified time. ${(err as Error).message}`));
    }
  }
}

function writeOut(io: CliIO, chunk: Buffer): Promise<void> {
  return new Promise((resolvePromise) => {
    if (io.stdout.write(chunk) === false && 'once' in io.stdout) (io.stdout as NodeJS.WritableStream).once('drain', () => resolvePromise());
    else resolvePromise();
  });
}
