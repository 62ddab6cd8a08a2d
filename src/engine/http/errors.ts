// Errors the request pipeline raises. Each knows the AWS CLI v2 exit code it maps to (reference §9).
import { ExitCodeError } from '../errors.js';
import type { ServiceErrorInfo } from './types.js';

export class ServiceError extends Error {
  readonly code: string;
  readonly operation: string;
  readonly statusCode: number;
  readonly requestId?: string;
  readonly info: ServiceErrorInfo;
  /** The response's headers (lower-case), e.g. x-amz-bucket-region for S3 redirects. */
  headers?: Record<string, string>;
  /** Retries made before giving up (set when retries ran out). */
  retries = 0;
  maxRetriesReached = false;
  readonly exitCode = 254;

  constructor(operation: string, statusCode: number, info: ServiceErrorInfo, requestId?: string) {
    super(info.Message);
    this.name = 'ServiceError';
    this.code = info.Code;
    this.operation = operation;
    this.statusCode = statusCode;
    this.info = info;
    this.requestId = requestId;
  }

  /** The CLI's one-line rendering, `An error occurred (Code) when calling the Op operation: Msg`. */
  override toString(): string {
    const retries = this.maxRetriesReached ? ` (reached max retries: ${this.retries})` : '';
    return `An error occurred (${this.code || 'Unknown'}) when calling the ${this.operation} operation${retries}: ${this.message || 'Unknown'}`;
  }
}

/** Connection, timeout and TLS failures: the CLI reports these with exit code 255. */
export class TransportError extends ExitCodeError {
  readonly kind: 'connect' | 'read-timeout' | 'connect-timeout' | 'tls' | 'closed' | 'proxy' | 'proxy-auth';
  constructor(kind: TransportError['kind'], message: string, readonly endpoint: string) {
    super(message, 255);
    this.kind = kind;
  }
}

/** Bad input detected before sending (exit 252), e.g. a missing required parameter. */
export class ParamValidationError extends ExitCodeError {
  constructor(message: string) {
    super(message, 252);
  }
}

/** Missing region or credentials, bad configuration (exit 253). */
export class ConfigurationError extends ExitCodeError {
  constructor(message: string, readonly kind: 'NoRegion' | 'NoCredentials' | 'Configuration' = 'Configuration') {
    super(message, 253);
  }
}

/** Paginator failures such as a repeated token (exit 255 like botocore's PaginationError). */
export class PaginationError extends ExitCodeError {
  constructor(message: string) {
    super(message, 255);
  }
}

/** A checksum asked for with an algorithm botocore lacks, or a response whose checksum is wrong (exit 255). */
export class FlexibleChecksumError extends ExitCodeError {
  constructor(message: string) {
    super(message, 255);
  }
}
