// Pieces every protocol shares: the parse error type, generic HTTP-status errors, idempotency
// tokens, host prefixes and the small lookups on an operation model.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { OperationModel, ServiceModel } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';
import type { HttpResponse, ServiceErrorInfo } from '../http/types.js';

/** A response body that cannot be read as the protocol says it should be. */
export class ResponseParseError extends Error {
  constructor(
    readonly operation: string,
    detail: string,
    readonly body?: string,
  ) {
    super(`Unable to parse the response of the ${operation} operation: ${detail}`);
    this.name = 'ResponseParseError';
  }
}

export interface ParsedError {
  error: ServiceErrorInfo;
  requestId?: string;
  hostId?: string;
}

export const operationName = (op: OperationModel) => op.name ?? 'unknown';

export function httpMethod(op: OperationModel): string {
  return op.http?.method ?? 'POST';
}

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? '';
}

/** The error made from the status line alone (empty, HTML or unreadable bodies). */
export function statusError(res: HttpResponse): ServiceErrorInfo {
  return { Code: String(res.statusCode), Message: reasonPhrase(res.statusCode) };
}

/** 5xx with an empty or HTML body carries no protocol error, whatever the protocol. */
export function isGenericServerError(res: HttpResponse): boolean {
  if (res.statusCode < 500) return false;
  const body = res.body.toString('utf8').trim();
  return body === '' || body.startsWith('<html>');
}

/** Code and Message always present: `Unknown` stands in for a missing one (an empty one stays, as in the CLI). */
export function withCodeAndMessage(fields: Record<string, unknown>): ServiceErrorInfo {
  const info = { ...fields } as ServiceErrorInfo;
  if (typeof info.Code !== 'string') info.Code = 'Unknown';
  if (typeof info.Message !== 'string') info.Message = 'Unknown';
  return info;
}

/** A response header (names in HttpResponse are lower-cased). */
export function header(res: HttpResponse, name: string): string | undefined {
  return res.headers[name.toLowerCase()];
}

/** Top-level members marked idempotencyToken get a fresh uuid4 when the caller left them out. */
export function withIdempotencyTokens(model: ServiceModel, op: OperationModel, params: Record<string, unknown>): Record<string, unknown> {
  const input = op.input ? resolveShape(model, op.input) : undefined;
  if (!input?.members) return params;
  let out = params;
  for (const [name, ref] of Object.entries(input.members)) {
    if (!ref.idempotencyToken || params[name] !== undefined) continue;
    if (out === params) out = { ...params };
    out[name] = randomUUID();
  }
  return out;
}

const HOST_LABEL = /^[A-Za-z0-9.-]+$/;

/** `endpoint.hostPrefix` with its `{Label}` members filled in (they must be DNS-safe). */
export function expandHostPrefix(op: OperationModel, params: Record<string, unknown>): string | undefined {
  const template = op.endpoint?.hostPrefix;
  if (template === undefined) return undefined;
  return template.replace(/\{([^}]+)\}/g, (_, label: string) => {
    const value = params[label];
    if (typeof value !== 'string' || !HOST_LABEL.test(value)) {
      throw new Error(`Invalid value for parameter(s): ${label}. Must contain only alphanumeric characters, hyphen, or period.`);
    }
    return value;
  });
}

/** Defined, non-null params in the caller's order (the wire follows the caller's order). */
export function presentEntries(params: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(params).filter(([, v]) => v !== undefined && v !== null);
}
