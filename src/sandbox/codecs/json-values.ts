// Model-driven JSON values for the json and rest-json protocols, both directions.
import type { ServiceModel, ShapeRef } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { epochSeconds, httpDate, isoTimestamp, toDate } from '../wire.js';
import { fault } from '../fault.js';

function jsonKey(name: string, ref: ShapeRef): string {
  return typeof ref.locationName === 'string' ? ref.locationName : name;
}

/** Handler output → JSON-ready value (timestamps as epoch seconds unless the model says otherwise). */
export function toJsonValue(model: ServiceModel, ref: ShapeRef, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const shape = resolveShape(model, ref);
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const obj = value as Record<string, unknown>;
      for (const [name, memberRef] of Object.entries(shape.members ?? {})) {
        if (memberRef.location) continue;
        const v = toJsonValue(model, memberRef, obj[name]);
        if (v !== undefined) out[jsonKey(name, memberRef)] = v;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => toJsonValue(model, shape.member!, item));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toJsonValue(model, shape.value!, v);
      return out;
    }
    case 'timestamp':
      if (shape.timestampFormat === 'iso8601') return isoTimestamp(value);
      if (shape.timestampFormat === 'rfc822') return httpDate(value);
      return epochSeconds(value);
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value)).toString('base64');
    default:
      return value;
  }
}

/** JSON request value → handler input keyed by member names. */
export function fromJsonValue(model: ServiceModel, ref: ShapeRef, value: unknown, field = ''): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = resolveShape(model, ref);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(field);
      const obj = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, memberRef] of Object.entries(shape.members ?? {})) {
        if (memberRef.location) continue;
        const v = fromJsonValue(model, memberRef, obj[jsonKey(name, memberRef)], name);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list':
      if (!Array.isArray(value)) throw serializationError(field);
      return value.map((item) => fromJsonValue(model, shape.member!, item, field));
    case 'map': {
      if (typeof value !== 'object') throw serializationError(field);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fromJsonValue(model, shape.value!, v, field);
      return out;
    }
    case 'timestamp':
      return toDate(value);
    case 'blob':
      return Buffer.from(String(value), 'base64');
    case 'integer': case 'long': case 'short': case 'byte': case 'float': case 'double':
      if (typeof value !== 'number') throw serializationError(field);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(field);
      return value;
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

function serializationError(field: string): Error {
  return fault('SerializationException', `Unexpected value type for field ${field || '(root)'}`);
}
