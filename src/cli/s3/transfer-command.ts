// cp, mv, rm and sync: check the paths as the CLI does, list what to transfer (filtered, and for
// sync compared with the destination), then run it all through one TransferRunner.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createTransferContext } from '../../engine/s3transfer/index.js';
import { CliArgumentError } from '../params/errors.js';
import { generateFiles, type FileStat, type Operation } from './file-generator.js';
import { PathFilter } from './filters.js';
import { integerOption, type S3CommandName, type S3Options } from './options.js';
import { destinationFor, findBucketKey, formatLocation, isS3Uri, type Locations } from './paths.js';
import { copyObjectParams, getObjectParams, headObjectParams, loadKeyFiles, putObjectParams, requestPayerParams } from './request-params.js';
import { TransferReporter, type PrintMode } from './results.js';
import type { S3Session } from './session.js';
import { compareListings } from './sync-compare.js';
import { TransferRunner } from './transfer-runner.js';

type TransferCommand = Extract<S3CommandName, 'cp' | 'mv' | 'rm' | 'sync'>;

const USAGE: Record<TransferCommand, string> = {
  cp: '<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>',
  mv: '<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>',
  rm: '<S3Uri>',
  sync: '<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>',
};

const ALLOWED: Record<string, TransferCommand[]> = { s3s3: ['cp', 'sync', 'mv'], s3local: ['cp', 'sync', 'mv'], locals3: ['cp', 'sync', 'mv'], s3: ['rm'] };
const OPERATION: Record<string, Operation> = { locals3: 'upload', s3s3: 'copy', s3local: 'download', s3: 'delete' };

const paramError = (message: string) => new CliArgumentError(message, 'param');

/** The CLI raises these as plain RuntimeErrors: exit 255 with the message. */
class CommandRuntimeError extends Error {
  readonly exitCode = 255;
}

export async function runTransferCommand(command: TransferCommand, options: S3Options, session: S3Session): Promise<number> {
  const { io } = session;
  loadKeyFiles(options, io);
  const paths = options.paths.map((p) => p);
  const pathsType = paths.map((p) => (isS3Uri(p) ? 's3' : 'local')).join('');
  if (!ALLOWED[pathsType]?.includes(command)) throw paramError(`usage: awsdeck s3 ${command} ${USAGE[command]}\nError: Invalid argument type`);
  // `s3://bucket` means the bucket's root, `s3://bucket/`.
  for (let i = 0; i < paths.length; i++) {
    if (isS3Uri(paths[i]) && !findBucketKey(paths[i].slice(5))[1] && !paths[i].endsWith('/')) paths[i] += '/';
  }
  const src = paths[0];
  const dest = paths[1] ?? paths[0];
  let dirOp = command === 'sync' || options.has('recursive');
  const isStream = src === '-' || dest === '-';
  if (isStream && (command !== 'cp' || dirOp)) throw paramError('Streaming currently is only compatible with non-recursive cp commands');
  if (isStream) dirOp = false;
  if (command === 'mv' && pathsType === 's3s3' && sameObject(src, dest)) throw paramError(`Cannot mv a file onto itself: '${src}' - '${dest}'`);
  const localSrc = pathsType === 'locals3' && !isStream ? src : undefined;
  if (localSrc !== undefined && !existsSync(localSrc)) throw new CommandRuntimeError(`The user-provided path ${localSrc} does not exist.`);
  if (pathsType === 's3local' && dirOp && !existsSync(dest)) mkdirSync(dest, { recursive: true });
  checkSseC(options, pathsType);

  const config = session.transferConfig();
  const pageSize = integerOption(options, 'pageSize');
  const sourceClient = pathsType === 's3s3' ? session.clientIn(options.get('sourceRegion')) : session.client;
  const reporter = new TransferReporter(io, printMode(command, options, isStream));
  const isDirectory = (p: string) => { try { return statSync(p).isDirectory(); } catch { return false; } };
  const locations: Locations = { src: formatLocation(src, dirOp, isDirectory, io.cwd), dest: formatLocation(dest, dirOp, isDirectory, io.cwd), dirOp };
  const runner = new TransferRunner({
    io,
    transfer: createTransferContext(session.client, config),
    sourceClient,
    reporter,
    isMove: command === 'mv',
    dryRun: options.has('dryrun'),
    guessMimeType: options.get<boolean>('guessMimeType') !== false,
    forceGlacierTransfer: options.has('forceGlacierTransfer'),
    ignoreGlacierWarnings: options.has('ignoreGlacierWarnings'),
    copyProps: options.get('copyProps') as 'none' | 'metadata-directive' | 'default' | undefined ?? 'default',
    metadataDirectiveGiven: options.has('metadataDirective'),
    dirOp,
    downloadRoot: pathsType === 's3local' && locations.dest.useSourceName ? locations.dest.path : undefined,
    expectedSize: options.get('expectedSize') !== undefined ? Number(options.get('expectedSize')) : undefined,
    // Mapped at the first transfer, as the CLI does: a bad --grants is then a fatal error (exit 1).
    params: () => ({
      put: putObjectParams(options), get: getObjectParams(options), copy: copyObjectParams(options),
      head: headObjectParams(options), delete: requestPayerParams(options),
    }),
  });

  try {
    for await (const file of filesToTransfer(command, options, session, locations, pathsType, { pageSize, sourceClient, reporter, isStream })) {
      await runner.submit(file);
    }
    reporter.allSubmitted(runner.submitted);
  } catch (err) {
    reporter.fatalError(err);
  }
  await runner.finish();
  reporter.flush();
  return reporter.exitCode;
}

interface ListingContext {
  pageSize?: number;
  sourceClient: S3Session['client'];
  reporter: TransferReporter;
  isStream: boolean;
}

async function* filesToTransfer(
  command: TransferCommand, options: S3Options, session: S3Session, locations: Locations, pathsType: string, ctx: ListingContext,
): AsyncGenerator<FileStat> {
  const operation = OPERATION[pathsType];
  if (ctx.isStream) {
    const srcPath = locations.src.path;
    const { dest, compareKey } = destinationFor(locations, srcPath);
    yield { src: options.paths[0] === '-' ? '-' : srcPath, dest: options.paths[1] === '-' ? '-' : dest, compareKey, srcType: locations.src.type, destType: locations.dest.type, operation };
    return;
  }
  const warn = (message: string) => ctx.reporter.warning(message);
  const listExtra = requestPayerParams(options);
  const common = { followSymlinks: options.get<boolean>('followSymlinks') !== false, pageSize: ctx.pageSize, listExtra, warn };
  const sources = generateFiles(locations, { ...common, client: ctx.sourceClient, operation, headExtra: { ...headObjectParams(options), ...copySourceHead(options, pathsType) } });
  const filter = new PathFilter(options.filters, options.paths[0], options.paths[1] ?? options.paths[0], locations.dirOp, session.io.cwd);
  const filtered = options.filters.length ? keep(sources, filter) : sources;
  if (command !== 'sync') {
    yield* filtered;
    return;
  }
  const reversed: Locations = { src: locations.dest, dest: locations.src, dirOp: true };
  const destinations = generateFiles(reversed, { ...common, client: session.client, operation: '', headExtra: {} });
  const destFiltered = options.filters.length ? keep(destinations, filter) : destinations;
  yield* compareListings(filtered, destFiltered, {
    sizeOnly: options.has('sizeOnly'), exactTimestamps: options.has('exactTimestamps'), delete: options.has('delete'),
  });
}

async function* keep(files: AsyncIterable<FileStat>, filter: PathFilter): AsyncGenerator<FileStat> {
  for await (const file of files) if (filter.includes(file.src)) yield file;
}

/** For an s3-to-s3 copy, HeadObject on the source needs the source's SSE-C key. */
function copySourceHead(options: S3Options, pathsType: string): Record<string, unknown> {
  if (pathsType !== 's3s3' || options.values.get('sseCCopySource') === undefined) return {};
  return { SSECustomerAlgorithm: options.get('sseCCopySource') ?? 'AES256', SSECustomerKey: options.values.get('sseCCopySourceKey') };
}

function sameObject(src: string, dest: string): boolean {
  if (src === dest) return true;
  return dest.endsWith('/') && src === dest + src.split('/').pop();
}

function printMode(command: TransferCommand, options: S3Options, isStream: boolean): PrintMode {
  if (options.has('quiet')) return 'quiet';
  if (options.has('onlyShowErrors') || isStream) return 'errors-only';
  // rm has no --no-progress option, and so (as in the CLI) never shows the progress line.
  if (command === 'rm' || options.get<boolean>('progress') === false) return 'no-progress';
  return 'all';
}

function checkSseC(options: S3Options, pathsType: string): void {
  const pairs: Array<[string, string, string, string]> = [
    ['sseC', 'sseCKey', '--sse-c', '--sse-c-key'],
    ['sseCCopySource', 'sseCCopySourceKey', '--sse-c-copy-source', '--sse-c-copy-source-key'],
  ];
  for (const [algorithm, key, algorithmFlag, keyFlag] of pairs) {
    const hasAlgorithm = options.values.get(algorithm) !== undefined;
    // Python's truth: an empty key (text or file) counts as none.
    const hasKey = ((options.values.get(key) as string | Uint8Array | undefined)?.length ?? 0) > 0;
    if (hasAlgorithm && !hasKey) throw paramError(`If ${algorithmFlag} is specified, ${keyFlag} must be specified as well.`);
    if (hasKey && !hasAlgorithm) throw paramError(`If ${keyFlag} is specified, ${algorithmFlag} must be specified as well.`);
  }
  if (options.values.get('sseCCopySource') !== undefined && pathsType !== 's3s3') throw paramError('--sse-c-copy-source is only supported for copy operations.');
}
