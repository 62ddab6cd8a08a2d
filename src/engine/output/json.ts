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
    const isList = Array.isArray(value);
    const entries: Array<[string | undefined, PyValue]> = isList ? value.map((item) => [undefined, item]) : Object.entries(value);
    const [open, close] = isList ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      out.push(open + close);
      return;
    }
    const inner = indent === undefined ? '' : '\n' + ' '.repeat(indent * (depth + 1));
    const separator = indent === undefined ? ', ' : ',' + inner;
    out.push(open + inner);
    entries.forEach(([key, item], i) => {
      if (i > 0) out.push(separator);
      if (key !== undefined) out.push(`${jsonString(key)}: `);
      dump(item, indent, depth + 1, out);
    });
    out.push((indent === undefined ? '' : '\n' + ' '.repeat(indent * depth)) + close);
  }
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

// Only quotes, backslashes and C0 controls are escaped; everything else is written raw.
function jsonString(text: string): string {
  const escaped = text.replace(/["\\\x00-\x1f]/g, (ch) =>
    JSON_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}
