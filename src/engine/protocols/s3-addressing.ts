// Where an S3 request goes: virtual-hosted (`bucket.host/key`) or path style (`host/bucket/key`).
import { percentEncode } from './encoding.js';

export type AddressingStyle = 'auto' | 'virtual' | 'path';

export interface S3AddressingInput {
  /** The serialized path, `/{Bucket}/{Key+}` already filled in and encoded. */
  path: string;
  bucket: string;
  /** Endpoint host name (a port, if any, stays on the URL and is not part of this). */
  hostname: string;
  /** True for `--endpoint-url` / configured endpoints: those get path style unless told `virtual`. */
  customEndpoint: boolean;
  style: AddressingStyle;
  /** Over https a dotted bucket cannot be virtual-hosted (the certificate covers one label). */
  secure?: boolean;
}

export interface S3Addressing {
  hostname: string;
  path: string;
  style: 'virtual' | 'path';
}

const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A bucket that can be a single DNS label: 3–63 chars, lower case, no dots, not an IP. */
export function isVirtualHostableBucket(bucket: string, allowDots = false): boolean {
  if (bucket.length < 3 || bucket.length > 63 || IPV4.test(bucket)) return false;
  const labels = allowDots ? bucket.split('.') : [bucket];
  return labels.every((label) => DNS_LABEL.test(label));
}

/** Object keys in a path: percent-encoded, keeping `/` and `~`. */
export function encodeS3Key(key: string): string {
  return percentEncode(key, '/~');
}

export function resolveS3Addressing(input: S3AddressingInput): S3Addressing {
  const pathStyle: S3Addressing = { hostname: input.hostname, path: input.path, style: 'path' };
  if (input.style === 'path') return pathStyle;
  if (input.style === 'auto' && input.customEndpoint) return pathStyle;
  // Only an explicit `virtual` over plain http may put dots in the host.
  const allowDots = input.style === 'virtual' && input.secure === false;
  if (!isVirtualHostableBucket(input.bucket, allowDots)) return pathStyle;
  const bucketSegment = `/${percentEncode(input.bucket)}`;
  if (input.path !== bucketSegment && !input.path.startsWith(`${bucketSegment}/`)) return pathStyle;
  return { hostname: `${input.bucket}.${input.hostname}`, path: input.path.slice(bucketSegment.length) || '/', style: 'virtual' };
}

/** The endpoint rule set's refusals of an S3 configuration: the CLI prints the message, exit 255. */
export class S3EndpointConfigError extends Error {
  readonly exitCode = 255;
}

export interface AccelerateInput {
  path: string;
  bucket: string;
  operation: string;
  /** `--endpoint-url` or a configured endpoint: the rule set refuses acceleration with one. */
  customEndpoint: boolean;
  partitionId: string;
  dualstack: boolean;
}

/**
 * `use_accelerate_endpoint = true`: `bucket.s3-accelerate[.dualstack].amazonaws.com`, always
 * virtual-hosted (addressing_style is ignored, as the CLI forces path style off), with the rule
 * set's errors where that cannot be done. Operations without a bucket keep the regional endpoint.
 */
export function resolveAccelerateAddressing(input: AccelerateInput): S3Addressing {
  if (input.customEndpoint) throw new S3EndpointConfigError('Host override cannot be combined with Dualstack, FIPS, or S3 Accelerate');
  if (input.partitionId === 'aws-cn') throw new S3EndpointConfigError('S3 Accelerate cannot be used in this region');
  // GetBucketLocation is always path style (botocore forces it), which acceleration cannot be.
  if (input.operation === 'GetBucketLocation' || !isVirtualHostableBucket(input.bucket)) {
    throw new S3EndpointConfigError('Path-style addressing cannot be used with S3 Accelerate');
  }
  const bucketSegment = `/${percentEncode(input.bucket)}`;
  const path = input.path.startsWith(bucketSegment) ? input.path.slice(bucketSegment.length) || '/' : input.path;
  const host = `s3-accelerate${input.dualstack ? '.dualstack' : ''}.amazonaws.com`;
  return { hostname: `${input.bucket}.${host}`, path, style: 'virtual' };
}
