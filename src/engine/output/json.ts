// `--output json`: Python json.dump(indent=4, ensure_ascii=False) followed by a newline.
import { PyFloat, isDict, pyFloatRepr, pyNumber, type PyValue } from './python-values.js';

/** The whole output for a (queried) response. An empty object prints nothing (operations with no output). */
export function formatJson(value: PyValue): string {
  if (isDict(value) && Object.keys(value).length === 0) return '';
  return `${pyJsonDumps(value, 4)}\n`;
}

/** json.dumps(value, indent=indent, ensure_ascii=False); without indent, Python's ", " / ": " separators. */
export function pyJsonDumps(value: PyValue, indent?: number): string {
  return dump(value, indent, 0);
}

function dump(value: PyValue, indent: number | undefined, depth: number): string {
  if (typeof value === 'string') return jsonString(value);
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return jsonNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  const entries: string[] = Array.isArray(value)
    ? value.map((item) => dump(item, indent, depth + 1))
    : Object.entries(value).map(([k, v]) => `${jsonString(k)}: ${dump(v, indent, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  if (indent === undefined) return open + entries.join(', ') + close;
  const inner = '\n' + ' '.repeat(indent * (depth + 1));
  const outer = '\n' + ' '.repeat(indent * depth);
  return open + inner + entries.join(',' + inner) + outer + close;
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
