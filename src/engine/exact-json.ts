// Response JSON read as Python's json.loads reads it, which is what the AWS CLI prints: an integer
// literal is an int of any size, anything with a fraction or exponent is a float. A JS number
// keeps both apart except for two cases, which get their own representation:
//   - integers outside ±(2^53 − 1) become bigint (exact digits);
//   - floats with an integral value (`1.0`, `1e5`, `-0.0`) become PyFloat, so they print `1.0`.
// Every other number stays a plain number, so ordinary bodies cost one JSON.parse.

/** A Python float whose value is integral: a number that must print as `1.0`, never `1`. */
export class PyFloat {
  constructor(readonly value: number) {}
  /** JSON.stringify (UI code, exports) sees the plain number. */
  toJSON(): number {
    return this.value;
  }
  valueOf(): number {
    return this.value;
  }
}

/** A number as the engine carries it: plain, exact big int, or integral float. */
export type ExactNumber = number | bigint | PyFloat;

export function isExactNumber(value: unknown): value is ExactNumber {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat;
}

/** The double closest to an exact number (for arithmetic that Python also does in floats). */
export function toDouble(value: ExactNumber): number {
  return typeof value === 'number' ? value : Number(value instanceof PyFloat ? value.value : value);
}

/** Python int(text) for a decimal integer literal, kept exact. */
export function exactInt(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text.trim());
}

/** Python float(text) as a value that still prints as a float. */
export function exactFloat(n: number): number | PyFloat {
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

// A body can only hold a number needing care if it has a 16-digit number (|n| ≥ 2^53), a fraction
// of zeros (`1.0`), 16 or more digits around a point (`0.99999999999999999` rounds to 1.0), an
// exponent, or Python's NaN/Infinity. Separate scans, each anchored on something rare, cost a
// fraction of JSON.parse; a match inside a string is harmless (it only takes the exact reader).
const NEEDS_EXACT = [/(?:^|[:,[\s])-?[0-9]{16}/, /\.0+(?:[,\]}\s]|$)/, /[0-9][0-9.]{16}/, /[0-9][eE][-+]?[0-9]+(?:[,\]}\s]|$)/, /NaN|Infinity/];

// Held at load: parseExactJson may itself stand in for JSON.parse (see output/query.ts).
const nativeParse = JSON.parse;

/** JSON.parse with Python's number types and words (see above). Throws SyntaxError on malformed text. */
export function parseExactJson(text: string): unknown {
  if (!NEEDS_EXACT.some((pattern) => pattern.test(text))) return nativeParse(text);
  return new ExactJsonReader(text).document();
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

// Python's json.loads gives up near 1000 levels (its recursion limit); this reader recurses too,
// so past that a SyntaxError, not a stack overflow.
const MAX_DEPTH = 1000;

class ExactJsonReader {
  private at = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  document(): unknown {
    const value = this.value();
    this.skipWhitespace();
    if (this.at !== this.text.length) this.fail();
    return value;
  }

  private value(): unknown {
    this.skipWhitespace();
    const ch = this.text[this.at];
    if (ch === '{' || ch === '[') {
      if (++this.depth > MAX_DEPTH) throw new SyntaxError(`JSON nested more than ${MAX_DEPTH} levels deep at position ${this.at}`);
      const container = ch === '{' ? this.object() : this.array();
      this.depth--;
      return container;
    }
    if (ch === '"') return this.string();
    if (this.text.startsWith('-Infinity', this.at)) {
      this.at += 9;
      return -Infinity;
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const [word, value] of WORDS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail();
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.at++;
    if (this.peek() === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      const key = this.string();
      if (this.peek() !== ':') this.fail();
      this.at++;
      // defineProperty: a "__proto__" key is data, as JSON.parse makes it.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      const next = this.peek();
      this.at++;
      if (next === '}') return out;
      if (next !== ',') this.fail(-1);
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.at++;
    if (this.peek() === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      const next = this.peek();
      this.at++;
      if (next === ']') return out;
      if (next !== ',') this.fail(-1);
    }
  }

  private string(): string {
    STRING.lastIndex = this.at;
    const match = STRING.exec(this.text);
    if (!match) return this.fail();
    this.at += match[0].length;
    return match[0].includes('\\') ? (nativeParse(match[0]) as string) : match[0].slice(1, -1);
  }

  private number(): number | bigint | PyFloat {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail();
    this.at += match[0].length;
    if (match[1] === undefined && match[2] === undefined) return exactInt(match[0]);
    return exactFloat(Number(match[0]));
  }

  /** The next non-whitespace character (not consumed). */
  private peek(): string | undefined {
    this.skipWhitespace();
    return this.text[this.at];
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  private fail(offset = 0): never {
    const at = this.at + offset;
    throw new SyntaxError(`Unexpected ${at < this.text.length ? `token ${JSON.stringify(this.text[at])}` : 'end of JSON input'} at position ${at}`);
  }
}

// Python's json.loads also reads NaN and Infinity (and json.dumps writes them).
const WORDS: [string, unknown][] = [['true', true], ['false', false], ['null', null], ['NaN', NaN], ['Infinity', Infinity]];
