// The contract every wire protocol implements: pure functions of (model, operation, data).
import type { OperationModel, ServiceModel } from '../models/types.js';
import type { HttpResponse, SerializedRequest, ServiceErrorInfo } from '../http/types.js';

export interface ParseOptions {
  /** `iso8601` (the CLI default: Python isoformat strings) or `wire` (raw value untouched). */
  timestampFormat?: 'iso8601' | 'wire';
  /**
   * The params the request was serialized from, for the few parses that depend on them (S3 list
   * operations decode keys only when the caller did not choose an EncodingType).
   */
  requestParams?: Record<string, unknown>;
}

export interface Protocol {
  serialize(model: ServiceModel, op: OperationModel, params: Record<string, unknown>): SerializedRequest;
  /** Parsed output in model member order, without ResponseMetadata (the pipeline adds it). */
  parse(model: ServiceModel, op: OperationModel, res: HttpResponse, opts?: ParseOptions): Record<string, unknown>;
  /** Error code, message and extra fields, plus the request id if the body carries one. */
  parseError(model: ServiceModel, op: OperationModel, res: HttpResponse): { error: ServiceErrorInfo; requestId?: string; hostId?: string };
}
