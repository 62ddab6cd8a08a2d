// The `s3` section of a profile (max_concurrent_requests, multipart_threshold, …) turned into
// the numbers the transfer engine runs with. Sizes accept the CLI's suffixes (8MB, 10MiB) and
// rates its B/s or b/s forms; bad values fail with the CLI's messages before any request.

export interface TransferConfig {
  multipartThreshold: number;
  multipartChunksize: number;
  maxConcurrentRequests: number;
  maxQueueSize: number;
  /** Bytes per second across all transfers; undefined for no limit. */
  maxBandwidth?: number;
  preferredTransferClient: string;
}

export const MiB = 1024 * 1024;

export const DEFAULT_TRANSFER_CONFIG: TransferConfig = {
  multipartThreshold: 8 * MiB,
  multipartChunksize: 8 * MiB,
  maxConcurrentRequests: 10,
  maxQueueSize: 1000,
  maxBandwidth: undefined,
  preferredTransferClient: 'default',
};

/**
 * Files up to this size are read and written with one synchronous call each: a thread-pool round
 * trip per open/read/close costs more than the copy itself, and syncing hundreds of small files
 * is the common case. Larger ones stream through file handles.
 */
export const SMALL_FILE = 256 * 1024;

/** S3's own limits on multipart uploads. */
export const MAX_PARTS = 10_000;
export const MIN_PART_SIZE = 5 * MiB;
export const MAX_PART_SIZE = 5 * 1024 * MiB;
export const MAX_SINGLE_UPLOAD_SIZE = 5 * 1024 * 1024 * MiB;

export class TransferConfigError extends Error {
  readonly exitCode = 255;
}

const SIZE_SUFFIXES: Record<string, number> = {
  kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4,
  kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4,
};

/** `10MB`, `10MiB`, `1048576`: bytes, with 1024-based suffixes as the CLI reads them. */
export function parseHumanSize(text: string): number {
  const value = text.toLowerCase();
  const suffix = value.endsWith('ib') ? value.slice(-3) : value.slice(-2);
  const multiplier = value.length >= 2 ? SIZE_SUFFIXES[suffix] : undefined;
  const digits = multiplier === undefined ? value : value.slice(0, -suffix.length);
  if (!/^\s*[+-]?\d+\s*$/.test(digits)) throw new TransferConfigError(`Invalid size value: ${text}`);
  return Number(digits.trim()) * (multiplier ?? 1);
}

function parseRate(text: string): number {
  if (text.endsWith('B/s')) return parseHumanSize(text.slice(0, -2));
  if (text.endsWith('b/s')) return Math.floor(parseHumanSize(text.slice(0, -2)) / 8);
  throw new TransferConfigError(
    `Invalid rate: ${text}. The value must be expressed as a rate in terms of bytes per second ` +
    '(e.g. 10MB/s or 800KB/s) or bits per second (e.g. 10Mb/s or 800Kb/s)',
  );
}

function positive(name: string, raw: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new TransferConfigError(`Value for ${name} must be a positive integer: ${raw}`);
  return value;
}

function integer(name: string, raw: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw new TransferConfigError(`Value for ${name} must be a positive integer: ${raw}`);
  return positive(name, raw, Number(raw.trim()));
}

/** Build the config from the profile's nested `s3` section (string values, as in the file). */
export function transferConfigFromSection(section: Record<string, string> | undefined): TransferConfig {
  const config = { ...DEFAULT_TRANSFER_CONFIG };
  if (!section) return config;
  const get = (key: string) => (Object.prototype.hasOwnProperty.call(section, key) ? section[key] : undefined);
  const threshold = get('multipart_threshold');
  if (threshold !== undefined) config.multipartThreshold = positive('multipart_threshold', threshold, parseHumanSize(threshold));
  const chunksize = get('multipart_chunksize');
  if (chunksize !== undefined) config.multipartChunksize = positive('multipart_chunksize', chunksize, parseHumanSize(chunksize));
  const concurrency = get('max_concurrent_requests');
  if (concurrency !== undefined) config.maxConcurrentRequests = integer('max_concurrent_requests', concurrency);
  const queue = get('max_queue_size');
  if (queue !== undefined) config.maxQueueSize = integer('max_queue_size', queue);
  const bandwidth = get('max_bandwidth');
  if (bandwidth !== undefined) config.maxBandwidth = positive('max_bandwidth', bandwidth, /^\s*\d+\s*$/.test(bandwidth) ? Number(bandwidth) : parseRate(bandwidth));
  const client = get('preferred_transfer_client');
  if (client !== undefined) {
    if (client !== 'default' && client !== 'crt') {
      throw new TransferConfigError(`Invalid value: "${client}" for configuration option: "preferred_transfer_client". Supported values are: default, crt`);
    }
    config.preferredTransferClient = client;
  }
  return config;
}

/** The part size for an upload of `size` bytes: the configured one, raised to fit 10,000 parts. */
export function partSizeFor(size: number, chunksize: number): number {
  let part = Math.min(Math.max(chunksize, MIN_PART_SIZE), MAX_PART_SIZE);
  while (Math.ceil(size / part) > MAX_PARTS) part *= 2;
  return part;
}
