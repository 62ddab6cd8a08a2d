// JSON parsing with Python's json.loads rules and error texts (`Expecting value: line 1 column 10
// (char 9)`), because the CLI quotes that text when a parameter's JSON is invalid.
// Accepts NaN/Infinity like Python; keeps key order; the last duplicate key wins.
import { setOwn } from './shorthand.js';

export class PythonJsonError extends Error {
  constructor(readonly reason: string, doc: string, pos: number) {
    // Python counts positions in code points.
    const before = [...doc.slice(0, pos)];
    const char = before.length;
    const lastNewline = before.lastIndexOf('\n');
    const line = before.filter((c) => c === '\n').length + 1;
    const column = char - lastNewline;
    super(`${reason}: line ${line} column ${column} (char ${char})`);
    this.name = 'PythonJsonError';
  }
}

const SPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parsePythonJson(doc: string): unknown {
  if (doc.startsWith('\ufeff')) throw new PythonJsonError('Unexpected UTF-8 BOM (decode using utf-8-sig)', doc, 0);
  let pos = 0;
  const skip = (): void => {
    while (pos < doc.length && SPACE.has(doc[pos])) pos++;
  };
  const fail = (reason: string, at: number): never => {
    throw new PythonJsonError(reason, doc, at);
  };

  function parseString(start: number): string {
    // `start` is the opening quote.
    let out = '';
    let i = start + 1;
    for (;;) {
      if (i >= doc.length) fail('Unterminated string starting at', start);
      const ch = doc[i];
      if (ch === '"') {
        pos = i + 1;
        return out;
      }
      if (ch === '\\') {
        if (i + 1 >= doc.length) fail('Unterminated string starting at', start);
        const esc = doc[i + 1];
        if (esc === 'u') {
          const code = readHex4(i + 1);
          i += 6;
          if (code >= 0xd800 && code <= 0xdbff && doc[i] === '\\' && doc[i + 1] === 'u') {
            const low = readHex4(i + 1);
            if (low >= 0xdc00 && low <= 0xdfff) {
              out += String.fromCharCode(code, low);
              i += 6;
              continue;
            }
          }
          out += String.fromCharCode(code);
          continue;
        }
        const mapped = ESCAPES[esc];
        if (mapped === undefined) fail('Invalid \\escape', i);
        out += mapped;
        i += 2;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) fail('Invalid control character at', i);
      out += ch;
      i++;
    }
  }

  function readHex4(uIndex: number): number {
    const hex = doc.slice(uIndex + 1, uIndex + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape', uIndex);
    return parseInt(hex, 16);
  }

  function parseValue(): unknown {
    const ch = doc[pos];
    if (ch === '"') return parseString(pos);
    if (ch === '{') return parseObject();
    if (ch === '[') return parseArray();
    if (doc.startsWith('null', pos)) return (pos += 4), null;
    if (doc.startsWith('true', pos)) return (pos += 4), true;
    if (doc.startsWith('false', pos)) return (pos += 5), false;
    if (doc.startsWith('NaN', pos)) return (pos += 3), NaN;
    if (doc.startsWith('Infinity', pos)) return (pos += 8), Infinity;
    if (doc.startsWith('-Infinity', pos)) return (pos += 9), -Infinity;
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(doc);
    if (m && m[0] !== '-') {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail('Expecting value', pos);
  }

  function parseObject(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    pos++;
    skip();
    if (doc[pos] === '}') {
      pos++;
      return obj;
    }
    for (;;) {
      if (doc[pos] !== '"') fail('Expecting property name enclosed in double quotes', pos);
      const key = parseString(pos);
      skip();
      if (doc[pos] !== ':') fail("Expecting ':' delimiter", pos);
      pos++;
      skip();
      if (pos >= doc.length) fail('Expecting value', pos);
      setOwn(obj, key, parseValue());
      skip();
      if (doc[pos] === '}') {
        pos++;
        return obj;
      }
      if (doc[pos] !== ',') fail("Expecting ',' delimiter", pos);
      pos++;
      skip();
    }
  }

  function parseArray(): unknown[] {
    const arr: unknown[] = [];
    pos++;
    skip();
    if (doc[pos] === ']') {
      pos++;
      return arr;
    }
    for (;;) {
      arr.push(parseValue());
      skip();
      if (doc[pos] === ']') {
        pos++;
        return arr;
      }
      if (doc[pos] !== ',') fail("Expecting ',' delimiter", pos);
      pos++;
      skip();
    }
  }

  skip();
  const value = parseValue();
  skip();
  if (pos !== doc.length) fail('Extra data', pos);
  return value;
}
