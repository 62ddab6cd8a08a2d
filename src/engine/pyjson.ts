// Python's `json.dumps` output, byte for byte: the AWS CLI writes pagination tokens and cache
// files with it, and sharing those with the CLI means writing the same bytes.
import { PyFloat } from './exact-json.js';
import { pyFloatRepr, pyNumber } from './output/python-values.js';

export interface PyJsonOptions {
  /** json.dumps default: escape every non-ASCII character as \uXXXX. */
  ensureAscii?: boolean;
  /** Item and key separators; Python's defaults are `, ` and `: `. */
  separators?: [string, string];
  /** Indentation (json.dumps indent=N); undefined means one line. */
  indent?: number;
}

export function pyJsonDumps(value: unknown, opts: PyJsonOptions = {}): string {
  const ensureAscii = opts.ensureAscii ?? true;
  const [itemSep, keySep] = opts.separators ?? (opts.indent !== undefined ? [',', ': '] : [', ', ': ']);
  const encode = (v: unknown, depth: number): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return pyFloatOrInt(v);
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof PyFloat) return pyFloatOrInt(v.value, true);
    if (typeof v === 'string') return pyString(v, ensureAscii);
    if (v instanceof Date) return pyString(v.toISOString(), ensureAscii);
    const pad = opts.indent !== undefined ? '\n' + ' '.repeat(opts.indent * (depth + 1)) : '';
    const close = opts.indent !== undefined ? '\n' + ' '.repeat(opts.indent * depth) : '';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return '[' + pad + v.map((x) => encode(x, depth + 1)).join(itemSep + pad) + close + ']';
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return '{' + pad + entries.map(([k, x]) => pyString(k, ensureAscii) + keySep + encode(x, depth + 1)).join(itemSep + pad) + close + '}';
  };
  return encode(value, 0);
}

function pyFloatOrInt(n: number, float = false): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return float ? pyFloatRepr(n) : pyNumber(n);
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function pyString(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (code < 0x20 || (ensureAscii && code > 0x7e)) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
