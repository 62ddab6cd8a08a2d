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
  // A listing decodes every key of every page, so this is a scan rather than regular expressions.
  let out = '';
  let copied = 0;
  for (let i = 0; i < value.length; ) {
    const c = value.charCodeAt(i);
    if (c === 0x2b /* + */) {
      out += value.slice(copied, i) + ' ';
      copied = ++i;
    } else if (c === 0x25 /* % */ && hexByte(value, i) >= 0) {
      // Each run of %XX escapes is one byte sequence, decoded as UTF-8 (invalid bytes become U+FFFD).
      const bytes: number[] = [];
      let ascii = true;
      let end = i;
      for (let byte = hexByte(value, end); byte >= 0; byte = hexByte(value, end)) {
        bytes.push(byte);
        if (byte > 0x7f) ascii = false;
        end += 3;
      }
      out += value.slice(copied, i) + (ascii ? String.fromCharCode(...bytes) : Buffer.from(bytes).toString('utf8'));
      copied = i = end;
    } else i++;
  }
  return out + value.slice(copied);
}

/** The byte of a `%XX` escape at `at`, or -1. */
function hexByte(text: string, at: number): number {
  if (text.charCodeAt(at) !== 0x25) return -1;
  const high = hexDigit(text.charCodeAt(at + 1));
  const low = hexDigit(text.charCodeAt(at + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
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
