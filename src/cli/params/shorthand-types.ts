// After shorthand parsing everything is a string; the model then fixes types as the CLI does:
// a lone value where a list belongs becomes a one-item list, integers/floats are converted and
// `true`/`false` become booleans (other text is left for validation to reject).
import type { ServiceModel, Shape } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { CliArgumentError, pyRepr } from './errors.js';
import { ShorthandParseError } from './shorthand.js';
import { isDocumentShape } from './arg-table.js';
import { pythonFloat, pythonInt } from './argparse-lite.js';

type Container = Record<string, unknown> | unknown[];

class DocumentTypeFound extends Error {}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

export function applyShorthandTypes(model: ServiceModel, shape: Shape, value: unknown): unknown {
  // The top level has no parent to rewrite, so a lone value there stays as it is.
  const holder: Record<string, unknown> = { '': value };
  visit(model, holder, shape, '', value, true);
  return value;
}

function visit(model: ServiceModel, parent: Container, shape: Shape, key: string | number, value: unknown, top = false): void {
  switch (shape.type) {
    case 'structure':
      if (value !== undefined && value !== null && isDocumentShape(shape)) throw new DocumentTypeFound();
      if (!isPlainObject(value)) return;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        try {
          visit(model, value, resolveShape(model, ref), name, Object.hasOwn(value, name) ? value[name] : undefined);
        } catch (err) {
          if (!(err instanceof DocumentTypeFound)) throw err;
          throw new ShorthandParseError(
            `Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: ${name}`,
          );
        }
      }
      return;
    case 'list':
      if (!Array.isArray(value)) {
        if (value !== undefined && !top) setAt(parent, key, [value]);
        return;
      }
      value.forEach((item, i) => visit(model, value, resolveShape(model, shape.member), i, item));
      return;
    case 'map':
      if (!isPlainObject(value)) return;
      for (const [k, v] of Object.entries(value)) visit(model, value, resolveShape(model, shape.value), k, v);
      return;
    default:
      visitScalar(parent, shape, key, value);
  }
}

function visitScalar(parent: Container, shape: Shape, key: string | number, value: unknown): void {
  if (value === undefined) return;
  const text = typeof value === 'string' ? value : undefined;
  if (shape.type === 'integer' || shape.type === 'long') {
    const n = text === undefined ? undefined : pythonInt(text);
    if (n === undefined) throw new CliArgumentError(intError(value), 'uncaught');
    setAt(parent, key, n);
  } else if (shape.type === 'float' || shape.type === 'double') {
    const n = text === undefined ? undefined : pythonFloat(text);
    if (n === undefined) throw new CliArgumentError(floatError(value), 'uncaught');
    setAt(parent, key, n);
  } else if (shape.type === 'boolean' && text !== undefined) {
    if (text.toLowerCase() === 'true') setAt(parent, key, true);
    else if (text.toLowerCase() === 'false') setAt(parent, key, false);
  }
}

function pyTypeName(value: unknown): string {
  return Array.isArray(value) ? 'list' : isPlainObject(value) ? 'dict' : 'bytes';
}

function intError(value: unknown): string {
  if (typeof value === 'string') return `invalid literal for int() with base 10: ${pyRepr(value)}`;
  return `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`;
}

function floatError(value: unknown): string {
  if (typeof value === 'string') return `could not convert string to float: ${pyRepr(value)}`;
  return `float() argument must be a string or a real number, not '${pyTypeName(value)}'`;
}

function setAt(parent: Container, key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}
