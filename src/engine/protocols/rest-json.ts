// The rest-json protocol (Lambda, SSO, SSO-OIDC, …).
import type { Shape } from '../models/types.js';
import type { Protocol } from './types.js';
import { dumpsRequestJson, fromJsonValue, normalizeErrorCode, parseJsonBody, parseJsonErrorBody, toJsonValue } from './json-shapes.js';
import { jsonErrorFields } from './json.js';
import { parseRest, serializeRest, type RestBodyWriter } from './rest.js';
import { ResponseParseError, header, isGenericServerError, operationName, statusError, withCodeAndMessage } from './common.js';

const jsonBodyWriter: RestBodyWriter = {
  members: (model, input, params) => dumpsRequestJson(toJsonValue(model, input, params)),
  payload: (model, member, _name, value) => dumpsRequestJson(toJsonValue(model, member, value)),
  // `{}` whenever the input has any member that would travel in the body.
  emptyBody: (input: Shape) => (Object.values(input.members ?? {}).some((m) => !m.location) ? '{}' : ''),
  contentType: 'application/json',
};

export const restJsonProtocol: Protocol = {
  serialize: (model, op, params) => serializeRest(model, op, params, jsonBodyWriter),

  parse(model, op, res, opts) {
    const ctx = { model, timestampMode: opts?.timestampFormat ?? 'iso8601', looseBooleans: true } as const;
    try {
      return parseRest(ctx, op, res, {
        members: (output, body) => (fromJsonValue(ctx, output, parseJsonBody(body)) ?? {}) as Record<string, unknown>,
        payload: (member, body) => fromJsonValue(ctx, member, parseJsonBody(body)),
      });
    } catch (e) {
      throw new ResponseParseError(operationName(op), (e as Error).message, res.body.toString('utf8'));
    }
  },

  parseError(_model, _op, res) {
    // Error responses take their request id from x-amzn-requestid only (S3-style ids are for successes).
    const requestId = header(res, 'x-amzn-requestid');
    const ids = requestId === undefined ? {} : { requestId };
    if (isGenericServerError(res)) return { error: statusError(res), ...ids };
    const body = parseJsonErrorBody(res.body);
    const fields = jsonErrorFields(res, body);
    // The x-amzn-ErrorType header, then a body `code`, beat `__type`.
    const override = header(res, 'x-amzn-errortype') ?? ('code' in body || 'Code' in body ? (body.code ?? body.Code ?? '') : undefined);
    if (typeof override === 'string') fields.Code = normalizeErrorCode(override);
    return { error: withCodeAndMessage(fields), ...ids };
  },
};
