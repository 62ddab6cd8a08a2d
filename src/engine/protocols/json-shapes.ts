// JSON values ↔ model shapes, shared by the json and rest-json protocols.
import type { ServiceModel, Shape } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';
import { fromBase64, pythonFloatString, toBase64 } from './encoding.js';
import { pyString } from '../pyjson.js';
import { renderTimestamp, serializeTimestamp, timestampFormatOf } from './timestamps.js';
import { presentEntries } from './common.js';
import { PyFloat, parseExactJson, toDouble } from '../exact-json.js';
import { setOwn } from '../own-property.js';


/** Python `json.dumps` of a request body (`, ` and `: ` separators, ASCII only, floats as floats). */
export function dumpsRequestJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  // A float member's value: Python writes floats as `50.0`, never `50`, and the CLI passes floats.
  if (value instanceof PyFloat) return pythonFloatString(value.value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : pythonFloatString(value);
  if (typeof value === 'string') return pyString(value, true);
  if (Array.isArray(value)) return `[${value.map(dumpsRequestJson).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pyString(k, true)}: ${dumpsRequestJson(v)}`).join(', ')}}`;
}

const isDocument = (shape: Shape) => Boolean((shape as { document?: boolean }).document);

/** A param value as it goes into a JSON body (timestamps epoch seconds, blobs base64). */
export function toJsonValue(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (shape.type) {
    case 'structure': {
      if (isDocument(shape)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, memberValue] of presentEntries(value as Record<string, unknown>)) {
        const ref = shape.members?.[key];
        if (!ref) throw new Error(`Unknown parameter ${key}`);
        const member = resolveShape(model, ref);
        out[member.locationName ?? key] = toJsonValue(model, member, memberValue);
      }
      return out;
    }
    case 'list': {
      const item = resolveShape(model, shape.member);
      return (value as unknown[]).map((v) => toJsonValue(model, item, v));
    }
    case 'map': {
      const valueShape = resolveShape(model, shape.value);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) setOwn(out, k, toJsonValue(model, valueShape, v));
      return out;
    }
    case 'timestamp':
      return serializeTimestamp(value, timestampFormatOf(shape, 'unixTimestamp'));
    case 'blob':
      return toBase64(value);
    case 'float':
    case 'double':
      // Non-finite floats travel as strings.
      if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
      return typeof value === 'number' ? new PyFloat(value) : value;
    default:
      return value;
  }
}

export interface JsonReadContext {
  model: ServiceModel;
  timestampMode: 'iso8601' | 'wire';
}

/** A response JSON value read as a shape: members in model order, null members left out. */
export function fromJsonValue(ctx: JsonReadContext, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (shape.type) {
    case 'structure': {
      if (isDocument(shape)) return value;
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`expected an object for ${shape.name ?? 'a structure'}, got ${JSON.stringify(value)}`);
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const member = resolveShape(ctx.model, ref);
        if (member.location) continue;
        const raw = (value as Record<string, unknown>)[member.locationName ?? name];
        if (raw !== null && raw !== undefined) out[name] = fromJsonValue(ctx, member, raw);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
      const item = resolveShape(ctx.model, shape.member);
      return value.map((v) => fromJsonValue(ctx, item, v));
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`expected a map, got ${JSON.stringify(value)}`);
      const valueShape = resolveShape(ctx.model, shape.value);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) setOwn(out, k, fromJsonValue(ctx, valueShape, v));
      return out;
    }
    case 'timestamp':
      // `wire` (cli_timestamp_format none) prints the value as sent, so 1.7E9 stays a float.
      if (ctx.timestampMode === 'wire') return value;
      return renderTimestamp(typeof value === 'string' ? value : toDouble(value as number), ctx.timestampMode);
    case 'blob':
      return fromBase64(String(value));
    default:
      return value;
  }
}

/** Parse a JSON body with Python's number types; an empty body is `{}`. Throws on malformed text. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  return text.trim() === '' ? {} : parseExactJson(text);
}

/** Error bodies are read leniently: text that is not JSON becomes the message. */
export function parseJsonErrorBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (text === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return { message: text };
  }
}

/** `ns#Code:extra` → `Code`: cut at the first `:`, keep what follows the last `#`. */
export function normalizeErrorCode(code: string): string {
  const beforeColon = code.split(':', 1)[0];
  return beforeColon.slice(beforeColon.lastIndexOf('#') + 1);
}
