// Converting scalar wire text into typed values by shape, shared by the request decoders.
import type { Shape } from '../../engine/models/types.js';
import { fault } from '../fault.js';

/** Parse one scalar from its text form; `field` names it in the InvalidParameterValue message. */
export function scalarFromText(shape: Shape, text: string, field: string): unknown {
  switch (shape.type) {
    case 'integer': case 'long': case 'short': case 'byte': {
      if (!/^-?\d+$/.test(text.trim())) throw invalidValue(field, text, 'integer');
      return Number(text);
    }
    case 'float': case 'double': case 'bigdecimal': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw invalidValue(field, text, 'number');
      return n;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw invalidValue(field, text, 'boolean');
      return lower === 'true';
    }
    case 'timestamp': {
      const d = /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
      if (Number.isNaN(d.getTime())) throw invalidValue(field, text, 'timestamp');
      return d;
    }
    case 'blob':
      return Buffer.from(text, 'base64');
    default:
      return text;
  }
}

function invalidValue(field: string, text: string, kind: string): Error {
  return fault('InvalidParameterValue', `Value (${text}) for parameter ${field} is invalid. Expected a valid ${kind}.`);
}
