// What every transfer operation runs with: the S3 client, the tuned config, and the shared limits.
import type { OperationResult } from '../http/client.js';
import type { CallOptions } from '../http/types.js';
import { DEFAULT_TRANSFER_CONFIG, type TransferConfig } from './config.js';
import { BandwidthLimiter, RequestSlots } from './limits.js';

/** The one client method transfers need (an AwsClient for `s3api` fits). */
export interface S3Caller {
  call(operation: string, params?: Record<string, unknown>, options?: CallOptions): Promise<OperationResult>;
}

export interface TransferContext {
  client: S3Caller;
  config: TransferConfig;
  slots: RequestSlots;
  bandwidth?: BandwidthLimiter;
}

export interface ObjectRef {
  bucket: string;
  key: string;
}

/** Progress in bytes as request and response bodies move (negative when a retried part starts over); the UI and the CLI's progress line read it. */
export type ProgressListener = (bytes: number) => void;

export function createTransferContext(client: S3Caller, config: TransferConfig = DEFAULT_TRANSFER_CONFIG): TransferContext {
  return {
    client,
    config,
    slots: new RequestSlots(config.maxConcurrentRequests),
    bandwidth: config.maxBandwidth ? new BandwidthLimiter(config.maxBandwidth) : undefined,
  };
}

/** Request parameters that belong on every part request, not only on the first one. */
const PER_PART_PARAMS = ['RequestPayer', 'SSECustomerAlgorithm', 'SSECustomerKey', 'SSECustomerKeyMD5', 'ExpectedBucketOwner'];

export function perPartParams(extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of PER_PART_PARAMS) if (extra[name] !== undefined) out[name] = extra[name];
  return out;
}

/** CompleteMultipartUpload and AbortMultipartUpload take only these (as s3transfer sends them). */
const COMPLETION_PARAMS = ['RequestPayer', 'ExpectedBucketOwner'];

export function completionParams(extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of COMPLETION_PARAMS) if (extra[name] !== undefined) out[name] = extra[name];
  return out;
}
