// Python's notion of whitespace, so strip/indent decisions match configparser exactly
// (JS trim() differs: it strips U+FEFF, which Python keeps, and keeps U+001C–U+001F, which Python strips).
const PY_SPACE = new Set([
  '\t', '\n', '\v', '\f', '\r', '\x1c', '\x1d', '\x1e', '\x1f', ' ', '\x85', '\xa0', '\u1680',
  '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a',
  '\u2028', '\u2029', '\u202f', '\u205f', '\u3000',
]);

export function isPySpace(ch: string): boolean {
  return PY_SPACE.has(ch);
}

export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && PY_SPACE.has(s[start])) start++;
  while (end > start && PY_SPACE.has(s[end - 1])) end--;
  return s.slice(start, end);
}

export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && PY_SPACE.has(s[end - 1])) end--;
  return s.slice(0, end);
}

/** Index of the first non-whitespace character, or -1. */
export function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!PY_SPACE.has(s[i])) return i;
  return -1;
}

/** str.splitlines() without keepends: Python also breaks on \v, \f, \x1c–\x1e, \x85, U+2028/9. */
export function pySplitlines(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\r' && s[i + 1] === '\n') { out.push(cur); cur = ''; i++; continue; }
    if ('\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029'.includes(ch)) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Text-mode reading with universal newlines: \r\n, \r and \n all end a line; each line keeps a `\n`. */
export function universalLines(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n').map((l) => l + '\n');
  const last = lines.pop()!; // the piece after the final \n (or the whole text)
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

/** shlex.split in POSIX mode, enough for section headers; throws on unbalanced quotes as shlex does. */
export function shlexSplit(s: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  let inToken = false;
  let i = 0;
  const ws = ' \t\r\n';
  while (i < s.length) {
    const ch = s[i];
    if (ws.includes(ch)) {
      if (inToken) { tokens.push(cur); cur = ''; inToken = false; }
      i++;
    } else if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error('No closing quotation');
      cur += s.slice(i + 1, end); inToken = true; i = end + 1;
    } else if (ch === '"') {
      i++;
      inToken = true;
      let closed = false;
      while (i < s.length) {
        const c = s[i];
        if (c === '"') { closed = true; i++; break; }
        if (c === '\\' && i + 1 < s.length && '\\"'.includes(s[i + 1])) { cur += s[i + 1]; i += 2; continue; }
        cur += c; i++;
      }
      if (!closed) throw new Error('No closing quotation');
    } else if (ch === '\\') {
      if (i + 1 >= s.length) throw new Error('No escaped character');
      cur += s[i + 1];
      inToken = true; i += 2;
    } else {
      cur += ch; inToken = true; i++;
    }
  }
  if (inToken) tokens.push(cur);
  return tokens;
}

/** shlex.quote: single-quote anything outside the safe set. */
export function shlexQuote(s: string): string {
  if (s === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return "'" + s.replace(/'/g, `'"'"'`) + "'";
}
