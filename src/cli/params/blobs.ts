// v2's default `cli_binary_format = base64`: text given for a blob member is base64 and is decoded
// before the call (bytes from fileb:// are sent as they are).
import type { OperationModel, ServiceModel, Shape } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { CliArgumentError } from './errors.js';

/** Python's non-strict base64.b64decode: ignores foreign characters, insists on padding. */
export function pythonB64Decode(text: string): Uint8Array | undefined {
  const cleaned = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const firstPad = cleaned.indexOf('=');
  const data = firstPad < 0 ? cleaned : cleaned.slice(0, firstPad);
  const pads = firstPad < 0 ? 0 : cleaned.slice(firstPad).replace(/[^=]/g, '').length;
  const rest = data.length % 4;
  if (rest === 1) return undefined;
  if (rest !== 0 && pads < 4 - rest) return undefined;
  const bytes = Buffer.from(data, 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function decodeBase64Blobs(model: ServiceModel, op: OperationModel, params: Record<string, unknown>): void {
  if (!op.input) return;
  visit(model, resolveShape(model, op.input), params, new Set());
}

function visit(model: ServiceModel, shape: Shape, value: unknown, path: Set<unknown>): unknown {
  if (value === null || value === undefined) return value;
  if (shape.type === 'blob') {
    if (typeof value !== 'string') return value;
    const decoded = pythonB64Decode(value);
    if (!decoded) throw new CliArgumentError(`Invalid base64: "${value}"`, 'uncaught');
    return decoded;
  }
  if (typeof value !== 'object' || path.has(value)) return value;
  path.add(value);
  if (shape.type === 'structure' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (Object.hasOwn(obj, name)) obj[name] = visit(model, resolveShape(model, ref), obj[name], path);
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    const member = resolveShape(model, shape.member);
    value.forEach((item, i) => { value[i] = visit(model, member, item, path); });
  } else if (shape.type === 'map' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const valueShape = resolveShape(model, shape.value);
    for (const key of Object.keys(obj)) obj[key] = visit(model, valueShape, obj[key], path);
  }
  path.delete(value);
  return value;
}
