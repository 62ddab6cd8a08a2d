// Text from data (config files, API responses, error messages) is drawn only through these: a
// control character or escape sequence written raw would drive the terminal (retitle it, move the
// cursor, recolour, reorder text with bidi overrides). Each such character is shown as a visible
// escape instead, so widths are measured on exactly what is drawn.

/** Controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width, BOM, tags),
 *  line/paragraph separators and lone surrogates: none of them may reach the terminal as they are. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED: Record<string, string> = { '\x1b': '\\e', '\t': '\\t', '\r': '\\r', '\n': '\\n' };

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `\\x${hex(code, 2)}`;
  if (code > 0xffff) return `\\u{${hex(code, 1)}}`;
  return `\\u${hex(code, 4)}`;
}

/**
 * The text with every unsafe character replaced by a visible escape: ESC → `\e`, TAB/CR/LF →
 * `\t`/`\r`/`\n`, other C0 and DEL → `\x07`, C1 and format characters → `\u0085`, `\u202e`.
 * A literal backslash is left as it is.
 */
export function visibleText(text: string): string {
  // Runs on every table cell: printable ASCII (the usual case) is returned untouched.
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return text.replace(UNSAFE, escapeOne);
}

/** Any value as one safe line of text: null/undefined are empty, objects are JSON. */
export function visibleValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return visibleText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object') {
    try {
      const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      if (json !== undefined) return visibleText(json);
    } catch {
      // circular structures fall through to String()
    }
  }
  return visibleText(String(value));
}

/** For text meant to span lines (a message body): each line escaped, the line breaks kept for Ink to lay out. */
export function visibleLines(text: string): string {
  if (/^[\x20-\x7e\n]*$/.test(text)) return text;
  return text.split(/\r?\n/).map(visibleText).join('\n');
}
