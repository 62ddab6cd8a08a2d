// `--output json`: Python json.dump(indent=4, ensure_ascii=False) followed by a newline.
import { PyFloat, isDict, pyFloatRepr, pyNumber, type PyValue } from './python-values.js';

/** The whole output for a (queried) response. An empty object prints nothing (operations with no output). */
export function formatJson(value: PyValue): string {
  if (isDict(value) && Object.keys(value).length === 0) return '';
  return `${pyJsonDumps(value, 4)}\n`;
}

/** json.dumps(value, indent=indent, ensure_ascii=False); without indent, Python's ", " / ": " separators. */
export function pyJsonDumps(value: PyValue, indent?: number): string {
  const out: string[] = [];
  dump(value, indent, 0, out);
  return out.join('');
}

// Pieces are pushed, not concatenated per level: a deeply nested value would otherwise be copied
// once per level of nesting.
function dump(value: PyValue, indent: number | undefined, depth: number, out: string[]): void {
  if (typeof value === 'string') out.push(jsonString(value));
  else if (value === null) out.push('null');
  else if (value === true) out.push('true');
  else if (value === false) out.push('false');
  else if (typeof value === 'number') out.push(jsonNumber(value));
  else if (typeof value === 'bigint') out.push(value.toString());
  else if (value instanceof PyFloat) out.push(pyFloatRepr(value.value));
  else {
    // A list and a dict differ only in their brackets and in a dict's `"key": ` before each item.
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const count = keys ? keys.length : (value as PyValue[]).length;
    const [open, closing] = keys ? ['{', '}'] : ['[', ']'];
    if (count === 0) {
      out.push(open + closing);
      return;
    }
    const [inner, separator, close] = layout(indent, depth);
    out.push(open + inner);
    for (let i = 0; i < count; i++) {
      if (i > 0) out.push(separator);
      if (keys) out.push(keyText(keys[i]));
      dump(keys ? (value as Record<string, PyValue>)[keys[i]] : (value as PyValue[])[i], indent, depth + 1, out);
    }
    out.push(close + closing);
  }
}

// A listing prints the same few keys thousands of times.
const keyTexts = new Map<string, string>();

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = `${jsonString(key)}: `;
    if (keyTexts.size < 10_000) keyTexts.set(key, text);
  }
  return text;
}

const layouts = new Map<number | undefined, Array<[string, string, string]>>();

/** What opens a container's first item, separates items, and precedes its closing bracket. */
function layout(indent: number | undefined, depth: number): [string, string, string] {
  let byDepth = layouts.get(indent);
  if (!byDepth) layouts.set(indent, (byDepth = []));
  if (!byDepth[depth]) {
    const inner = indent === undefined ? '' : '\n' + ' '.repeat(indent * (depth + 1));
    const close = indent === undefined ? '' : '\n' + ' '.repeat(indent * depth);
    byDepth[depth] = [inner, indent === undefined ? ', ' : ',' + inner, close];
  }
  return byDepth[depth];
}

function jsonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return pyNumber(value);
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
};

const NEEDS_ESCAPE = /["\\\x00-\x1f]/;

// Only quotes, backslashes and C0 controls are escaped; everything else is written raw.
function jsonString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  const escaped = text.replace(/["\\\x00-\x1f]/g, (ch) =>
    JSON_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}
