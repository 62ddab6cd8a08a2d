// What rest-json and rest-xml share: URI templates, query-string, header and prefix-header
// bindings, payload members, and reading those parts back from a response.
import type { OperationModel, ServiceModel, Shape } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';
import type { HttpResponse, SerializedRequest } from '../http/types.js';
import { fromBase64, percentEncode, scalarString, toBase64 } from './encoding.js';
import { renderTimestamp, serializeTimestamp, timestampFormatOf } from './timestamps.js';
import { pyJsonDumps } from '../pyjson.js';
import { exactFloat, exactInt } from '../exact-json.js';
import { eventStreamOf } from '../eventstream/events.js';
import { expandHostPrefix, header, httpMethod, operationName, presentEntries, withIdempotencyTokens } from './common.js';

export interface RestBodyWriter {
  /** Body for the members left after the HTTP bindings (`input` is the whole input shape). */
  members(model: ServiceModel, input: Shape, params: Record<string, unknown>): string;
  /** Body for a structured payload member. */
  payload(model: ServiceModel, member: Shape, memberName: string, value: unknown): string;
  /** What an absent structured payload / empty member set sends. */
  emptyBody(input: Shape): string;
  /** Content-Type for a structured, non-empty body (unless the caller set one). */
  contentType?: string;
}

/** A URI label or query value: booleans lower-case, timestamps ISO 8601 unless the trait says otherwise. */
function uriValue(shape: Shape, value: unknown): string {
  if (shape.type === 'timestamp') return String(serializeTimestamp(value, timestampFormatOf(shape, 'iso8601')));
  return scalarString(value, shape.type);
}

/** Strings with `"` or `,` are quoted in a comma-joined header list. */
const headerListItem = (s: string) => (s.includes('"') || s.includes(',') ? `"${s.replace(/"/g, '\\"')}"` : s);

function headerValue(model: ServiceModel, shape: Shape, value: unknown): string {
  if (shape.type === 'timestamp') return String(serializeTimestamp(value, timestampFormatOf(shape, 'rfc822')));
  if (shape.type === 'list') {
    const item = resolveShape(model, shape.member);
    const items = (value as unknown[]).filter((v) => v !== null && v !== undefined);
    return items.map((v) => (item.type === 'string' ? headerListItem(String(v)) : headerValue(model, item, v))).join(',');
  }
  // Python's compact json.dumps (non-ASCII escaped), then base64.
  if (shape.jsonvalue) return toBase64(pyJsonDumps(value, { separators: [',', ':'] }));
  if (shape.type === 'blob') return toBase64(value);
  return scalarString(value, shape.type);
}

/** `requestUri` → path (labels filled) plus its literal query part (`?list-type=2`, `?tagging`). */
function renderRequestUri(template: string, labels: Record<string, string>): { path: string; query: Array<[string, string]> } {
  const [pathTemplate, literalQuery] = template.split('?', 2);
  const path = pathTemplate.replace(/\{([^}]+)\}/g, (_, label: string) => {
    const greedy = label.endsWith('+');
    const name = greedy ? label.slice(0, -1) : label;
    if (!(name in labels)) throw new Error(`Missing required URI parameter: ${name}`);
    return percentEncode(labels[name], greedy ? '/~' : '');
  });
  const query: Array<[string, string]> = [];
  for (const part of literalQuery ? literalQuery.split('&') : []) {
    const eq = part.indexOf('=');
    query.push(eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)]);
  }
  return { path, query };
}

export function serializeRest(model: ServiceModel, op: OperationModel, params: Record<string, unknown>, writer: RestBodyWriter): SerializedRequest {
  const filled = withIdempotencyTokens(model, op, params);
  const input = op.input ? resolveShape(model, op.input) : undefined;
  const labels: Record<string, string> = {};
  const query: Array<[string, string]> = [];
  const headers: Record<string, string> = {};
  const bodyParams: Record<string, unknown> = {};

  for (const [name, value] of input ? presentEntries(filled) : []) {
    const ref = input!.members?.[name];
    if (!ref) throw new Error(`Unknown parameter ${name}`);
    const member = resolveShape(model, ref);
    const wireName = member.locationName ?? name;
    switch (member.location) {
      case 'uri':
        labels[wireName] = uriValue(member, value);
        break;
      case 'querystring':
        if (member.type === 'map') {
          // A map of string or list-of-string spreads into its own keys.
          for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            for (const item of Array.isArray(v) ? v : [v]) query.push([k, String(item)]);
          }
        } else if (member.type === 'list') {
          const item = resolveShape(model, member.member);
          for (const v of value as unknown[]) query.push([wireName, uriValue(item, v)]);
        } else {
          query.push([wireName, uriValue(member, value)]);
        }
        break;
      case 'header':
        if (member.type === 'list' && (value as unknown[]).length === 0) break;
        headers[wireName] = headerValue(model, member, value);
        break;
      case 'headers':
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) headers[wireName + k] = String(v);
        break;
      default:
        bodyParams[name] = value;
    }
  }

  const rendered = renderRequestUri(op.http?.requestUri ?? '/', labels);
  const request: SerializedRequest = {
    method: httpMethod(op),
    path: rendered.path,
    query: [...rendered.query, ...query],
    headers,
    body: '',
  };
  if (input) {
    const { body, raw } = writeBody(model, input, filled, bodyParams, writer);
    request.body = body;
    const hasContentType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
    if (!raw && body !== '' && writer.contentType && !hasContentType) headers['Content-Type'] = writer.contentType;
  }
  const hostPrefix = expandHostPrefix(op, filled);
  if (hostPrefix !== undefined) request.hostPrefix = hostPrefix;
  return request;
}

/** `raw` marks a blob/string payload, which is sent as given and never labelled as JSON. */
function writeBody(
  model: ServiceModel, input: Shape, params: Record<string, unknown>, bodyParams: Record<string, unknown>, writer: RestBodyWriter,
): { body: string | Uint8Array; raw: boolean } {
  const payloadName = input.payload;
  if (payloadName !== undefined) {
    const member = resolveShape(model, input.members?.[payloadName]);
    const value = params[payloadName];
    if (member.type === 'blob' || member.type === 'string') {
      // Raw payloads go as given (a string stays text; bytes stay bytes).
      const body = value === undefined || value === null ? '' : (value as string | Uint8Array);
      return { body, raw: true };
    }
    const body = value === undefined || value === null ? writer.emptyBody(input) : writer.payload(model, member, payloadName, value);
    return { body, raw: false };
  }
  if (Object.keys(bodyParams).length) return { body: writer.members(model, input, bodyParams), raw: false };
  return { body: writer.emptyBody(input), raw: false };
}

// ---- responses ----

export interface RestReadContext {
  model: ServiceModel;
  timestampMode: 'iso8601' | 'wire';
  /** rest-json reads header booleans case-insensitively; rest-xml wants the literal `true`. */
  looseBooleans: boolean;
}

function readHeaderScalar(ctx: RestReadContext, shape: Shape, raw: string): unknown {
  switch (shape.type) {
    case 'boolean':
      return ctx.looseBooleans ? raw.toLowerCase() === 'true' : raw === 'true';
    case 'integer':
    case 'long':
    case 'short':
    case 'byte': {
      if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw new Error(`invalid integer header value ${JSON.stringify(raw)}`);
      return exactInt(raw);
    }
    case 'float':
    case 'double':
      return exactFloat(Number(raw));
    case 'timestamp':
      return renderTimestamp(raw, ctx.timestampMode);
    case 'blob':
      return fromBase64(raw);
    default:
      return shape.jsonvalue ? JSON.parse(fromBase64(raw).toString('utf8')) : raw;
  }
}

function readHeaderValue(ctx: RestReadContext, shape: Shape, raw: string): unknown {
  if (shape.type === 'list') {
    const item = resolveShape(ctx.model, shape.member);
    return raw.split(',').map((part) => readHeaderScalar(ctx, item, part.trim()));
  }
  return readHeaderScalar(ctx, shape, raw);
}

/** Members bound to the status line and headers, in model order (they come first in the output). */
export function readLocatedMembers(ctx: RestReadContext, output: Shape, res: HttpResponse): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(output.members ?? {})) {
    const member = resolveShape(ctx.model, ref);
    if (member.location === 'statusCode') out[name] = res.statusCode;
    else if (member.location === 'headers') {
      const prefix = (member.locationName ?? '').toLowerCase();
      const map: Record<string, string> = {};
      for (const [headerName, value] of Object.entries(res.headers)) {
        if (headerName.toLowerCase().startsWith(prefix)) map[headerName.slice(prefix.length)] = value;
      }
      out[name] = map;
    } else if (member.location === 'header') {
      const raw = header(res, member.locationName ?? name);
      if (raw !== undefined) out[name] = readHeaderValue(ctx, member, raw);
    }
  }
  return out;
}

export interface RestBodyReader {
  /** The whole body as the output structure (non-located members). */
  members(output: Shape, body: Buffer): Record<string, unknown>;
  /** The whole body as one structured payload member. */
  payload(member: Shape, body: Buffer): unknown;
}

/** Located members first, then the payload or body members, as the CLI's output orders them. */
export function parseRest(ctx: RestReadContext, op: OperationModel, res: HttpResponse, reader: RestBodyReader): Record<string, unknown> {
  if (!op.output) return {};
  const output = resolveShape(ctx.model, op.output);
  const out = readLocatedMembers(ctx, output, res);
  const payloadName = output.payload;
  if (payloadName === undefined) return Object.assign(out, reader.members(output, res.body));
  const member = resolveShape(ctx.model, output.members?.[payloadName]);
  if (member.eventstream) out[payloadName] = eventStreamOf(res, member, { ...ctx, operation: operationName(op), readPayload: reader.payload });
  else if (member.type === 'blob') out[payloadName] = res.body;
  else if (member.type === 'string') out[payloadName] = res.body.toString('utf8');
  else out[payloadName] = reader.payload(member, res.body);
  return out;
}

/** Request id from headers: `x-amzn-requestid`, else S3's `x-amz-request-id` with `x-amz-id-2`. */
export function requestIdFromHeaders(res: HttpResponse): { requestId?: string; hostId?: string } {
  const amzn = header(res, 'x-amzn-requestid');
  if (amzn !== undefined) return { requestId: amzn };
  const s3 = header(res, 'x-amz-request-id');
  if (s3 !== undefined) return { requestId: s3, hostId: header(res, 'x-amz-id-2') ?? '' };
  return {};
}
