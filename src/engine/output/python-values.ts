// How the AWS CLI (Python) turns parsed response values into text: str(), repr() and key order.
// The formatters below work on a "Python-shaped" tree: dict = plain object, list = array,
// None = null, bool, int/float = number (see pyNumber), int beyond 2^53 = bigint, a float with an
// integral value = PyFloat (exact-json.ts), str = string.
import { PyFloat } from '../exact-json.js';
import { setOwn } from '../own-property.js';

export { PyFloat };
export type PyScalar = string | number | bigint | PyFloat | boolean | null;
export type PyValue = PyScalar | PyValue[] | { [key: string]: PyValue };
export type PyDict = { [key: string]: PyValue };

/**
 * Brings engine values into the shape the formatters expect: blobs (Buffer, Uint8Array) become
 * base64 text, as the CLI v2 keeps them; Dates become Python isoformat() text in UTC; object
 * members that are undefined are dropped (as JSON.stringify does) and undefined items become None.
 * A container that needs none of that is returned as it is, not copied: a 10,000-object listing
 * would otherwise be rebuilt once more only to be printed. A value nested deeper than `maxDepth`
 * throws `tooDeep()`, as the CLI cannot print it either.
 */
export function toPyValue(value: unknown, maxDepth = Infinity, tooDeep: () => Error = () => new Error('nested too deeply')): PyValue {
  return pyValueAt(value, 0, maxDepth, tooDeep);
}

function pyValueAt(value: unknown, depth: number, maxDepth: number, tooDeep: () => Error): PyValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof PyFloat) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return pyIsoFormat(value);
  if (depth >= maxDepth) throw tooDeep();
  if (Array.isArray(value)) {
    let copy: PyValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const py = pyValueAt(item, depth + 1, maxDepth, tooDeep);
      if (py !== item && !copy) copy = value.slice(0, i) as PyValue[];
      if (copy) copy.push(py);
    }
    return copy ?? (value as PyValue[]);
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let copy: PyDict | undefined;
  for (let i = 0; i < keys.length; i++) {
    const member = source[keys[i]];
    const py = member === undefined ? undefined : pyValueAt(member, depth + 1, maxDepth, tooDeep);
    // An undefined member is dropped, which takes a copy as much as a changed one does.
    if ((py !== member || py === undefined) && !copy) {
      copy = {};
      for (let j = 0; j < i; j++) setOwn(copy, keys[j], source[keys[j]] as PyValue);
    }
    if (copy && py !== undefined) setOwn(copy, keys[i], py);
  }
  return copy ?? (source as PyDict);
}

function pyIsoFormat(date: Date): string {
  const iso = date.toISOString(); // 2020-01-01T00:00:00.123Z
  const millis = date.getUTCMilliseconds();
  const fraction = millis ? `.${String(millis * 1000).padStart(6, '0')}` : '';
  return `${iso.slice(0, 19)}${fraction}+00:00`;
}

export function isDict(value: unknown): value is PyDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

/** Python's test "not isinstance(x, (list, dict))". */
export function isScalar(value: unknown): value is PyScalar {
  return typeof value !== 'object' || value === null || value instanceof PyFloat;
}

/** Python truthiness, used where the CLI writes `if not value`. */
export function isFalsy(value: PyValue): boolean {
  if (value === null || value === false || value === '' || value === 0 || value === 0n) return true;
  if (value instanceof PyFloat) return value.value === 0;
  if (Array.isArray(value)) return value.length === 0;
  if (isDict(value)) return Object.keys(value).length === 0;
  return false;
}

/** Python compares str by code point; JS `<` compares UTF-16 units, which differs past U+FFFF. */
export function comparePyStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) - codePointOrder(y);
  }
  return a.length - b.length;
}

// Surrogates (U+D800–DFFF) stand for code points above U+FFFF, so they must sort after U+E000–FFFF.
function codePointOrder(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort(comparePyStrings);
}

/**
 * A plain number that is integral and below 1e16 is a Python int; anything else a Python float, so
 * 1.5 → `1.5` and 1e16 → `1e+16`. Parsed responses keep integral floats as PyFloat and integers
 * beyond 2^53 as bigint (exact-json.ts), so a plain number is only ambiguous for values built here.
 */
export function pyNumber(value: number): string {
  if (isPyInt(value)) return String(value === 0 ? 0 : value);
  return pyFloatRepr(value);
}

export function isPyInt(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 1e16;
}

/** Python float repr(): shortest round-trip digits, exponent form below 1e-4 or from 1e16. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fracPart = digits.slice(exponent + 1) || '0';
  return `${sign}${intPart}.${fracPart}`;
}

/** Python str(value). Containers print as their repr, as `str(['a'])` does. */
export function pyStr(value: PyValue): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  return pyRepr(value);
}

export function pyRepr(value: PyValue): string {
  if (typeof value === 'string') return pyStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isDict(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return pyStr(value);
}

// str.isprintable() is false for these general categories (space excepted).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
