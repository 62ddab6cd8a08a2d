// Turning one flag's raw text into the parameter value, in the CLI's order: a `file://` value is
// replaced by the file, then complex values are read as shorthand or JSON, and scalars converted.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServiceModel, Shape } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { CliArgumentError, paramError, pyRepr } from './errors.js';
import { ParamFileError, expandPath, readParamFile, type ParamFileContext } from './paramfile.js';
import { parsePythonJson, PythonJsonError } from './python-json.js';
import { ShorthandParseError, ShorthandParser, type ShorthandValue } from './shorthand.js';
import { applyShorthandTypes } from './shorthand-types.js';
import { isDocumentShape } from './arg-table.js';
import { pythonFloat, pythonInt } from './argparse-lite.js';

export type RawValue = string | string[] | Uint8Array;

export interface UnpackContext extends ParamFileContext {
  model: ServiceModel;
  /** CLI service and operation names, for the CLI's few per-operation shorthand exceptions. */
  serviceName: string;
  operationCliName: string;
}

// Lists of one-member structures that the old parser accepted as bare values (`--instances i-1 i-2`).
const OLD_LIST_CASES: Record<string, Record<string, string[]>> = {
  firehose: { 'put-record-batch': ['records'] },
  workspaces: {
    'reboot-workspaces': ['reboot-workspace-requests'],
    'rebuild-workspaces': ['rebuild-workspace-requests'],
    'terminate-workspaces': ['terminate-workspace-requests'],
  },
  elb: {
    'remove-tags': ['tags'],
    'describe-instance-health': ['instances'],
    'deregister-instances-from-load-balancer': ['instances'],
    'register-instances-with-load-balancer': ['instances'],
  },
};

const PY_SPACE_RE = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g;
const pyStrip = (s: string): string => s.replace(PY_SPACE_RE, '');

function isComplex(shape: Shape): boolean {
  return shape.type === 'structure' || shape.type === 'list' || shape.type === 'map';
}

function isDocumentContainer(model: ServiceModel, shape: Shape): boolean {
  if (isDocumentShape(shape)) return true;
  if (shape.type === 'list') return isDocumentContainer(model, resolveShape(model, shape.member));
  if (shape.type === 'map') return isDocumentContainer(model, resolveShape(model, shape.value));
  return false;
}

function supportsShorthand(model: ServiceModel, shape: Shape): boolean {
  if (isDocumentContainer(model, shape) || !isComplex(shape)) return false;
  return shape.type !== 'list' || isComplex(resolveShape(model, shape.member));
}

/** Python's bytes→str for values read with fileb:// where text is needed. */
function asText(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('latin1');
}

/** The value of one member flag. `cliName` is `--flag`. */
export function unpackMemberValue(ctx: UnpackContext, cliName: string, shape: Shape, raw: RawValue): unknown {
  let value: RawValue = raw;
  const candidate = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof candidate === 'string') {
    try {
      const loaded = readParamFile(candidate, ctx);
      if (loaded !== undefined) value = loaded;
    } catch (err) {
      if (err instanceof ParamFileError) throw paramError(cliName, err.message);
      throw err;
    }
  }
  const special = specialCase(ctx, cliName, shape, value);
  if (special !== undefined) return special;
  if (shouldParseShorthand(ctx.model, shape, value)) return parseShorthandValue(ctx, cliName, shape, value);
  return unpackDefault(ctx, cliName, shape, value);
}

function specialCase(ctx: UnpackContext, cliName: string, shape: Shape, value: RawValue): unknown {
  if (shape.type === 'list' && Array.isArray(value)) {
    const member = resolveShape(ctx.model, shape.member);
    const names = Object.keys(member.members ?? {});
    const cases = OLD_LIST_CASES[ctx.serviceName]?.[ctx.operationCliName] ?? [];
    if (member.type === 'structure' && names.length === 1 && cases.includes(cliName.slice(2))) {
      return value.map((v) => ({ [names[0]]: v }));
    }
  }
  if (shape.type === 'structure' && typeof value === 'string') {
    const names = Object.keys(shape.members ?? {});
    if (names.length === 1 && names[0] === 'Value' && resolveShape(ctx.model, shape.members!.Value).type === 'string' && !value.includes('=')) {
      return { Value: value };
    }
  }
  return undefined;
}

function shouldParseShorthand(model: ServiceModel, shape: Shape, value: RawValue): boolean {
  const check = Array.isArray(value) && value.length ? value[0] : value;
  if (typeof check === 'string' && /^[[{]/.test(pyStrip(check))) return false;
  return supportsShorthand(model, shape);
}

function parseShorthandValue(ctx: UnpackContext, cliName: string, shape: Shape, value: RawValue): unknown {
  const parser = new ShorthandParser((v) => {
    try {
      return readParamFile(v, ctx);
    } catch (err) {
      if (err instanceof ParamFileError) throw paramError(cliName, err.message);
      throw err;
    }
  });
  try {
    const parsed: ShorthandValue = Array.isArray(value) ? value.map((v) => parser.parse(v)) : parser.parse(asText(value));
    return applyShorthandTypes(ctx.model, shape, parsed);
  } catch (err) {
    if (err instanceof ShorthandParseError) throw paramError(cliName, err.message);
    throw err;
  }
}

function parseJson(cliName: string, text: string): unknown {
  try {
    return parsePythonJson(text);
  } catch (err) {
    if (err instanceof PythonJsonError) throw paramError(cliName, `Invalid JSON: ${err.message}\nJSON received: ${text}`);
    throw err;
  }
}

function unpackDefault(ctx: UnpackContext, cliName: string, shape: Shape, value: RawValue): unknown {
  const jsonHeader = shape.type === 'string' && shape.jsonvalue === true && shape.location === 'header';
  if (jsonHeader || isDocumentShape(shape)) return parseJson(cliName, asText(value as string));
  if (!isComplex(shape)) return unpackScalar(ctx, cliName, shape, value);
  if (shape.type === 'structure' || shape.type === 'map') {
    const text = asText(value as string);
    if (!text.trimStart()) throw new CliArgumentError('string index out of range', 'uncaught');
    if (text.trimStart()[0] === '{') return parseJson(cliName, text);
    throw paramError(cliName, `Invalid JSON:\n${text}`);
  }
  // A list.
  if (typeof value === 'string' || value instanceof Uint8Array) {
    const text = asText(value);
    if (!text.trimStart()) throw new CliArgumentError('string index out of range', 'uncaught');
    if (text.trimStart()[0] === '[') return parseJson(cliName, text);
    // The CLI iterates the characters of a lone string here.
    return unpackItems(ctx, cliName, shape, [...text]);
  }
  if (value.length === 1) {
    const single = pyStrip(value[0]);
    if (single && single[0] === '[') return parseJson(cliName, value[0]);
  }
  return unpackItems(ctx, cliName, shape, value);
}

function unpackItems(ctx: UnpackContext, cliName: string, shape: Shape, items: string[]): unknown[] {
  const member = resolveShape(ctx.model, shape.member);
  try {
    return items.map((item) => unpackDefault(ctx, cliName, member, item));
  } catch (err) {
    // A bad item is reported as the first item, as the CLI does.
    if (err instanceof ScalarConversionError) throw paramError(cliName, items[0]);
    throw err;
  }
}

class ScalarConversionError extends CliArgumentError {}

function unpackScalar(ctx: ParamFileContext, cliName: string, shape: Shape, value: RawValue | number): unknown {
  // argparse already converted long, float and double flags.
  if (typeof value === 'number') return value;
  switch (shape.type) {
    case 'integer':
    case 'long': {
      const n = pythonInt(asText(value as string));
      if (n === undefined) throw new ScalarConversionError(`invalid literal for int() with base 10: ${pyRepr(asText(value as string))}`, 'uncaught');
      return n;
    }
    case 'float':
    case 'double': {
      const n = pythonFloat(asText(value as string));
      if (n === undefined) throw new ScalarConversionError(`could not convert string to float: ${pyRepr(asText(value as string))}`, 'uncaught');
      return n;
    }
    case 'blob':
      if (shape.streaming) return readStreamingBlob(cliName, value, ctx);
      return value;
    case 'boolean':
      return typeof value === 'string' && value.toLowerCase() === 'false' ? false : Boolean(value);
    default:
      if (shape.keyBytes && value instanceof Uint8Array) return value;
      return typeof value === 'string' || Array.isArray(value) ? value : asText(value);
  }
}

function readStreamingBlob(cliName: string, value: RawValue, ctx: ParamFileContext): Uint8Array {
  if (typeof value !== 'string') throw paramError(cliName, 'Blob values must be a path to a file.');
  const path = resolve(ctx.cwd ?? process.cwd(), expandPath(value, ctx.env));
  if (!existsSync(path) || !statSync(path).isFile()) throw paramError(cliName, 'Blob values must be a path to a file.');
  const bytes = readFileSync(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
