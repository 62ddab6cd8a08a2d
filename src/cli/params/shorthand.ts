// The CLI's shorthand syntax (`Name=a,Values=b,c`, `{...}`, `[...]`, quoting), implemented to the
// grammar of awscli v2's parser so the same text gives the same value and the same error text.
// `key@=file://path` loads the value from a file, as newer CLIs do.
import { setOwn } from '../../engine/own-property.js';

export class ShorthandParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShorthandParseError';
  }
}

/** The input with a caret under `index` (a code point index), cut at the newlines around it like the CLI. */
function errorLocation(value: string, index: number): string {
  const chars = [...value];
  const before = chars.slice(0, index);
  const after = chars.slice(index);
  const lastNewline = before.lastIndexOf('\n');
  const spaces = lastNewline < 0 ? index : index - lastNewline - 1;
  const nextNewline = after.indexOf('\n');
  if (nextNewline < 0) return `${value}\n${' '.repeat(spaces)}^`;
  const consumed = chars.slice(0, index + nextNewline).join('');
  const remaining = chars.slice(index + nextNewline).join('');
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

/** Positions are in code points (Python's), not UTF-16 units. */
export class ShorthandSyntaxError extends ShorthandParseError {
  constructor(value: string, expected: string, actual: string, index: number) {
    super(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`);
  }
}

export class DuplicateKeyError extends ShorthandParseError {
  constructor(key: string, value: string, index: number) {
    super(
      `Second instance of key "${key}" encountered for input:\n${errorLocation(value, index)}\n` +
        'This is often because there is a preceding "," instead of a space.',
    );
  }
}

/** Lists and maps nested deeper than the CLI's Python could read (its recursion limit is 1000). */
export class ShorthandNestingError extends ShorthandParseError {
  constructor(value: string, index: number) {
    super(`Nesting deeper than ${MAX_NESTING} levels for input:\n${errorLocation(value, index)}`);
  }
}

const MAX_NESTING = 1000;

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue } | Uint8Array;

// Python's \s for str patterns (wider than JS's \s in the control range, narrower at U+FEFF).
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const START_CHARS = '!#-&(-+\\--<>-Z\\\\-z|-\\uffff';
const FIRST_FOLLOW = `${PY_SPACE}!#-&(-+\\--\\\\^-|~-\\uffff`;
const SECOND_FOLLOW = `${PY_SPACE}!#-&(-+\\--<>-\\uffff`;
const ESCAPED_COMMA = '\\\\,';
const FIRST_VALUE = new RegExp(`(?:${ESCAPED_COMMA}|[${START_CHARS}])(?:${ESCAPED_COMMA}|[${FIRST_FOLLOW}])*`, 'uy');
const SECOND_VALUE = new RegExp(`(?:${ESCAPED_COMMA}|[${START_CHARS}])(?:${ESCAPED_COMMA}|[${SECOND_FOLLOW}])*`, 'uy');
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/uy;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/uy;
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
// string.whitespace: what the parser skips between tokens.
const SKIPPED_SPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
// Python str.rstrip() strips every Unicode space.
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`, 'u');

export type ParamFileReader = (value: string) => string | Uint8Array | undefined;

export class ShorthandParser {
  private input = '';
  /** Code points of the input, so indices match Python's. */
  private chars: string[] = [];
  private index = 0;
  private depth = 0;
  private resolveFiles = false;

  /** `readParamFile` returns a file's contents for `file://…`/`fileb://…`, else undefined. */
  constructor(private readonly readParamFile?: ParamFileReader) {}

  parse(value: string): { [key: string]: ShorthandValue } {
    this.input = value;
    this.chars = [...value];
    this.index = 0;
    this.depth = 0;
    return this.parameter();
  }

  private parameter(): { [key: string]: ShorthandValue } {
    const params: { [key: string]: ShorthandValue } = {};
    const [firstKey, firstValue] = this.keyval();
    setOwn(params, firstKey, firstValue);
    let lastIndex = this.index;
    while (this.index < this.chars.length) {
      this.expect(',', true);
      const [key, val] = this.keyval();
      if (Object.hasOwn(params, key)) throw new DuplicateKeyError(key, this.input, lastIndex + 1);
      setOwn(params, key, val);
      lastIndex = this.index;
    }
    return params;
  }

  private keyval(): [string, ShorthandValue] {
    const key = this.keyAndAssignment();
    return [key, this.values()];
  }

  /** `key=` or `key@=` (the value is then read from a file); returns the key. */
  private keyAndAssignment(): string {
    const key = this.key();
    this.resolveFiles = false;
    if (this.peekAfterSpace() === '@') {
      this.consumeWhitespace();
      this.index++;
      this.resolveFiles = true;
    }
    this.expect('=', true);
    return key;
  }

  private peekAfterSpace(): string | undefined {
    let i = this.index;
    while (i < this.chars.length && SKIPPED_SPACE.has(this.chars[i])) i++;
    return this.chars[i];
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.test(this.chars[this.index])) this.index++;
    return this.chars.slice(start, this.index).join('');
  }

  private values(): ShorthandValue {
    if (this.atEof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.chars[this.index] !== ',') return first;
    this.expect(',', true);
    const list: ShorthandValue[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (err) {
        // `a=b,c=d`: the text after the comma was the next key, so step back to that comma.
        if (!(err instanceof ShorthandSyntaxError) || this.atEof()) throw err;
        this.backtrackTo(',');
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private bareValue(): ShorthandValue {
    const matched = this.matchRegex(FIRST_VALUE);
    if (matched === undefined) return '';
    return this.maybeFromFile(unescapeBare(matched));
  }

  private explicitList(): ShorthandValue[] {
    this.enterNested();
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValue());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    this.depth--;
    return values;
  }

  private explicitValue(): ShorthandValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): { [key: string]: ShorthandValue } {
    this.enterNested();
    this.expect('{', true);
    const keyvals: { [key: string]: ShorthandValue } = {};
    while (this.current() !== '}') {
      const key = this.keyAndAssignment();
      const value = this.explicitValue();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      setOwn(keyvals, key, value);
    }
    this.expect('}');
    this.depth--;
    return keyvals;
  }

  // The parser recurses per level: past the limit a clear error, not a stack overflow.
  private enterNested(): void {
    if (++this.depth > MAX_NESTING) throw new ShorthandNestingError(this.input, this.index);
  }

  private firstValue(): ShorthandValue {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.bareValue();
  }

  private secondValue(): ShorthandValue {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.maybeFromFile(unescapeBare(this.mustMatch(SECOND_VALUE, 'second')));
  }

  private quoted(regex: RegExp, quote: string): ShorthandValue {
    const name = quote === "'" ? 'singled quoted' : 'double quoted';
    const raw = this.mustMatch(regex, name).slice(1, -1);
    return this.maybeFromFile(raw.split(`\\${quote}`).join(quote).split('\\\\').join('\\'));
  }

  private maybeFromFile(value: string): ShorthandValue {
    if (!this.resolveFiles || !this.readParamFile) return value;
    return this.readParamFile(value) ?? value;
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.chars.length) throw new ShorthandSyntaxError(this.input, char, 'EOF', this.index);
    const actual = this.chars[this.index];
    if (actual !== char) throw new ShorthandSyntaxError(this.input, char, actual, this.index);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private matchRegex(regex: RegExp): string | undefined {
    const rest = this.chars.slice(this.index).join('');
    regex.lastIndex = 0;
    const match = regex.exec(rest);
    if (!match) return undefined;
    this.index += [...match[0]].length;
    return match[0];
  }

  private mustMatch(regex: RegExp, name: string): string {
    const matched = this.matchRegex(regex);
    if (matched === undefined) throw new ShorthandSyntaxError(this.input, `<${name}>`, '<none>', this.index);
    return matched;
  }

  private current(): string | undefined {
    return this.index < this.chars.length ? this.chars[this.index] : undefined;
  }

  private atEof(): boolean {
    return this.index >= this.chars.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.chars[this.index] !== char) this.index--;
  }

  private consumeWhitespace(): void {
    while (this.index < this.chars.length && SKIPPED_SPACE.has(this.chars[this.index])) this.index++;
  }
}

function unescapeBare(text: string): string {
  return text.split('\\,').join(',').replace(TRAILING_SPACE, '');
}

export { setOwn };
