// Byte-level encodings shared by the protocols: Python-compatible percent-encoding and base64.

const UNRESERVED = /[A-Za-z0-9_.~-]/;

/**
 * Percent-encode a string's UTF-8 bytes, keeping the RFC 3986 unreserved set plus `safe`.
 * Matches Python's `quote(s, safe)`, which the CLI uses for URI labels and query strings.
 */
export function percentEncode(value: string, safe = ''): string {
  let out = '';
  for (const ch of value) {
    if (UNRESERVED.test(ch) || safe.includes(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Python `urlencode` (quote_plus): spaces become `+`, everything outside `A-Za-z0-9_.-~` is escaped. */
export function formEncode(pairs: Array<[string, string]>): string {
  const plus = (s: string) => percentEncode(s, ' ').replace(/ /g, '+');
  return pairs.map(([k, v]) => `${plus(k)}=${plus(v)}`).join('&');
}

/** Python `unquote_plus`: `+` is a space, `%XX` sequences are UTF-8 bytes (bad ones kept literally). */
export function unquotePlus(value: string): string {
  if (!value.includes('%') && !value.includes('+')) return value;
  // Each run of %XX escapes is one byte sequence, decoded as UTF-8 (invalid bytes become U+FFFD).
  return value.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

export function toBase64(value: unknown): string {
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  throw new TypeError(`expected a string or bytes for a blob, got ${typeof value}`);
}

export function fromBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

/** Python's `str(float)`: integral floats keep `.0`, and exponents use at least two digits. */
export function pythonFloatString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [mantissa, exponent] = n.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return Number.isInteger(n) ? `${n.toFixed(0)}.0` : String(n);
}

/** How a scalar reads in a form body, URI label, query string or header (Python `str`). */
export function scalarString(value: unknown, type: string): string {
  if (type === 'boolean') return value ? 'true' : 'false';
  if ((type === 'float' || type === 'double') && typeof value === 'number') return pythonFloatString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}
