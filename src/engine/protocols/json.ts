// The json protocol (awsJson1_0 / 1_1: DynamoDB, CloudWatch Logs, SSO-OIDC's cousins, …).
import { resolveShape } from '../models/shapes.js';
import type { Shape } from '../models/types.js';
import { eventStreamMember, jsonEventStreamOutput } from '../eventstream/events.js';
import type { SerializedRequest } from '../http/types.js';
import type { ParseOptions, Protocol } from './types.js';
import { dumpsRequestJson, fromJsonValue, normalizeErrorCode, parseJsonBody, parseJsonErrorBody, toJsonValue } from './json-shapes.js';
import {
  ResponseParseError, expandHostPrefix, header, httpMethod, isGenericServerError, operationName, statusError,
  withCodeAndMessage, withIdempotencyTokens, type ParsedError,
} from './common.js';
import type { HttpResponse, ServiceErrorInfo } from '../http/types.js';

export const jsonProtocol: Protocol = {
  serialize(model, op, params): SerializedRequest {
    const filled = withIdempotencyTokens(model, op, params);
    const body = op.input ? toJsonValue(model, resolveShape(model, op.input), filled) : {};
    const headers: Record<string, string> = {
      'X-Amz-Target': `${model.metadata.targetPrefix}.${operationName(op)}`,
      'Content-Type': `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}`,
    };
    if (model.metadata.awsQueryCompatible) headers['x-amzn-query-mode'] = 'true';
    const request: SerializedRequest = { method: httpMethod(op), path: '/', query: [], headers, body: dumpsRequestJson(body) };
    const hostPrefix = expandHostPrefix(op, filled);
    if (hostPrefix !== undefined) request.hostPrefix = hostPrefix;
    return request;
  },

  parse(model, op, res, opts?: ParseOptions) {
    if (!op.output) return {};
    try {
      const ctx = { model, timestampMode: opts?.timestampFormat ?? 'iso8601' } as const;
      const output = resolveShape(model, op.output);
      const streamName = eventStreamMember(model, output);
      if (streamName !== undefined) {
        const readPayload = (shape: Shape, payload: Buffer) => fromJsonValue(ctx, shape, parseJsonBody(payload));
        return jsonEventStreamOutput(res, output, streamName, { ...ctx, operation: operationName(op), readPayload });
      }
      const value = fromJsonValue(ctx, output, parseJsonBody(res.body));
      return (value ?? {}) as Record<string, unknown>;
    } catch (e) {
      throw new ResponseParseError(operationName(op), (e as Error).message, res.body.toString('utf8'));
    }
  },

  parseError(_model, _op, res): ParsedError {
    const requestId = header(res, 'x-amzn-requestid');
    if (isGenericServerError(res)) return { error: statusError(res), ...(requestId !== undefined && { requestId }) };
    return { error: jsonErrorFields(res, parseJsonErrorBody(res.body)), ...(requestId !== undefined && { requestId }) };
  },
};

/** Code from `__type` (else the status), message from `message`/`Message`, query-compatible codes. */
export function jsonErrorFields(res: HttpResponse, body: Record<string, unknown>): ServiceErrorInfo {
  const message = body.message ?? body.Message ?? '';
  let code = normalizeErrorCode(typeof body.__type === 'string' ? body.__type : String(res.statusCode));
  const fields: Record<string, unknown> = { Code: code, Message: typeof message === 'string' ? message : JSON.stringify(message) };
  // awsQueryCompatible services name the old query error code in a header: `Code;Sender`.
  const queryError = header(res, 'x-amzn-query-error')?.split(';');
  if (queryError?.length === 2 && queryError[0]) {
    fields.QueryErrorCode = code;
    fields.Type = queryError[1];
    code = queryError[0];
    fields.Code = code;
  }
  return withCodeAndMessage(fields);
}
