// `--output yaml` / `yaml-stream` (reference §8.5). The CLI dumps with ruamel.yaml in safe mode,
// whose emitter is libyaml's: block style, indent 2, sequences under a mapping key not indented,
// lines folded at spaces past column 80, mapping keys sorted, YAML 1.2 implicit types.
import { pyJsonDumps } from './json.js';
import { PyFloat, isDict, isPyInt, isScalar, pyFloatRepr, pyNumber, sortedKeys, type PyValue } from './python-values.js';

/** The whole output for a (queried) response: `{}` prints nothing, a scalar prints as JSON. */
export function formatYaml(value: PyValue): string {
  if (isDict(value) && Object.keys(value).length === 0) return '';
  return dumpYaml(value);
}

/** One page of `yaml-stream`: the page becomes a one-element list. */
export function formatYamlStreamPage(page: PyValue): string {
  return dumpYaml([page]);
}

// A top-level scalar would get YAML's "..." document end marker, so the CLI prints it as JSON.
function dumpYaml(value: PyValue): string {
  if (isScalar(value)) return `${pyJsonDumps(value)}\n`;
  const emitter = new BlockEmitter(assignAnchors(value));
  emitter.node(value, { mappingContext: false, simpleKey: false });
  emitter.writeIndent(); // ends the last line
  return emitter.output();
}

/**
 * The same list or object reached twice (a query such as `[@, @]` can do that) is written once
 * with an anchor (&id001) and then as an alias (*id001), numbered in depth-first order of the
 * second sighting, as ruamel's serializer does.
 */
function assignAnchors(root: PyValue): Map<object, string> {
  const seen = new Set<object>();
  const anchors = new Map<object, string>();
  const visit = (value: PyValue): void => {
    if (isScalar(value)) return;
    if (seen.has(value)) {
      if (!anchors.has(value)) anchors.set(value, `id${String(anchors.size + 1).padStart(3, '0')}`);
      return;
    }
    seen.add(value);
    if (Array.isArray(value)) value.forEach(visit);
    else for (const key of sortedKeys(Object.keys(value))) visit(value[key]);
  };
  visit(root);
  return anchors;
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

interface NodeContext {
  mappingContext: boolean;
  simpleKey: boolean;
}

// Mirrors the emitter state that decides line breaks: the current column (in characters), whether
// the last thing written was whitespace, and whether the line so far is only indentation.
class BlockEmitter {
  private chunks: string[] = [];
  private emittedAnchors = new Set<object>();
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private indents: number[] = [];

  constructor(private readonly anchors: Map<object, string>) {}

  output(): string {
    return this.chunks.join('');
  }

  node(value: PyValue, context: NodeContext): void {
    const anchor = isScalar(value) ? undefined : this.anchors.get(value);
    if (anchor !== undefined) {
      const repeated = this.emittedAnchors.has(value as object);
      this.writeIndicator(repeated ? '*' : '&', true, false, false);
      this.chunks.push(anchor);
      this.column += anchor.length;
      this.whitespace = false;
      this.indention = false;
      if (repeated) return;
      this.emittedAnchors.add(value as object);
    }
    if (Array.isArray(value)) this.sequence(value, context);
    else if (isDict(value)) this.mapping(value);
    else this.scalar(value, context);
  }

  private sequence(items: PyValue[], context: NodeContext): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    this.increaseIndent(false, context.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { mappingContext: false, simpleKey: false });
    }
    this.indent = this.indents.pop()!;
  }

  private mapping(dict: { [key: string]: PyValue }): void {
    const keys = sortedKeys(Object.keys(dict));
    if (keys.length === 0) return this.emptyFlow('{', '}');
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      if (isSimpleKey(key)) {
        this.scalar(key, { mappingContext: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(key, { mappingContext: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(dict[key], { mappingContext: true, simpleKey: false });
    }
    this.indent = this.indents.pop()!;
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private scalar(value: PyValue, context: NodeContext): void {
    const { text, plainImplicit } = representScalar(value);
    const style = chooseStyle(text, plainImplicit, context.simpleKey);
    this.increaseIndent(true, false);
    const allowBreaks = !context.simpleKey;
    if (style === 'plain') this.writePlain(text, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(text, allowBreaks);
    else this.writeDoubleQuoted(text, allowBreaks);
    this.indent = this.indents.pop()!;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private put(text: string): void {
    this.chunks.push(text);
    this.column += 1;
  }

  private putBreak(): void {
    this.chunks.push('\n');
    this.column = 0;
  }

  private writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.chunks.push(ch);
      this.column = 0;
    }
  }

  private writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace && text.length) this.put(' ');
    const chars = [...text];
    let spaces = false;
    let breaks = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isLineBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...text];
    let spaces = false;
    let breaks = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        const foldable = i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ';
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && foldable) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isLineBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch === "'" ? "''" : ch);
        if (ch === "'") this.column += 1;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...text];
    let spaces = false;
    chars.forEach((ch, i) => {
      const code = ch.codePointAt(0)!;
      if (!isPrintable(code) || code === 0xfeff || isLineBreak(ch) || ch === '"' || ch === '\\') {
        const escape = doubleQuotedEscape(code);
        this.chunks.push(escape);
        this.column += escape.length;
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
}

const NAMED_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function doubleQuotedEscape(code: number): string {
  const named = NAMED_ESCAPES[code];
  if (named) return `\\${named}`;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** Scalar text as the safe representer writes it, and whether it reads back as a string when plain. */
function representScalar(value: PyValue): { text: string; plainImplicit: boolean } {
  if (typeof value === 'string') return { text: value, plainImplicit: !resolvesToNonString(value) };
  if (value === null) return { text: 'null', plainImplicit: true };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', plainImplicit: true };
  if (typeof value === 'bigint') return { text: value.toString(), plainImplicit: true };
  if (value instanceof PyFloat) return { text: pyFloatRepr(value.value).toLowerCase(), plainImplicit: true };
  if (typeof value === 'number') {
    if (isPyInt(value)) return { text: pyNumber(value), plainImplicit: true };
    if (Number.isNaN(value)) return { text: '.nan', plainImplicit: true };
    if (!Number.isFinite(value)) return { text: value > 0 ? '.inf' : '-.inf', plainImplicit: true };
    return { text: pyFloatRepr(value).toLowerCase(), plainImplicit: true };
  }
  throw new Error('not a scalar');
}

// The YAML 1.2 implicit types of ruamel's resolver: a string matching one of these must be quoted.
// The resolver only tries a type whose first characters include the string's first character
// (so `_` is a plain string though the int pattern would match it).
const IMPLICIT_TYPES: Array<[first: string, pattern: RegExp]> = [
  ['tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/],
  ['-+0123456789.', /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
  ['-+0123456789', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ['<', /^(?:<<)$/],
  ['~nN', /^(?:~|null|Null|NULL|)$/],
  ['0123456789', /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/],
  ['=', /^(?:=)$/],
];

function resolvesToNonString(text: string): boolean {
  if (text === '') return true; // null
  // Python's `$` also matches before one final newline.
  const candidate = text.endsWith('\n') ? text.slice(0, -1) : text;
  return IMPLICIT_TYPES.some(([first, pattern]) => first.includes(text[0]) && (pattern.test(candidate) || pattern.test(text)));
}

type ScalarStyle = 'plain' | 'single' | 'double';

function chooseStyle(text: string, plainImplicit: boolean, simpleKey: boolean): ScalarStyle {
  const analysis = analyzeScalar(text);
  if (simpleKey && analysis.multiline) return 'double';
  let style: ScalarStyle = 'plain';
  if (!analysis.blockPlainAllowed || (text.length === 0 && simpleKey) || !plainImplicit) style = 'single';
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  return style;
}

/** A key is written as `key:` unless it spans lines or is over 128 UTF-8 bytes (then `? key`). */
function isSimpleKey(key: string): boolean {
  return !analyzeScalar(key).multiline && Buffer.byteLength(key, 'utf8') <= 128;
}

// libyaml's printable set: LF, ASCII graphic + space, U+00A0–D7FF, U+E000–FFFD without the BOM.
// Characters beyond U+FFFF are not in it, so they are escaped.
function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

function isLineBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

function isBlankOrEnd(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || isLineBreak(ch);
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
}

// Which styles can carry this text unchanged (libyaml's scalar analysis, block context only).
function analyzeScalar(text: string): ScalarAnalysis {
  if (text.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true };
  const chars = [...text];
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let specialCharacters = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const first = i === 0;
    const last = i === chars.length - 1;
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (first) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) {
      blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      blockIndicators = true;
    }
    const code = ch.codePointAt(0)!;
    if (!isPrintable(code) || code === 0xfeff) specialCharacters = true;
    if (isLineBreak(ch)) lineBreaks = true;
    if (ch === ' ') {
      if (first) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isLineBreak(ch)) {
      if (first) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(ch);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) blockPlainAllowed = singleQuotedAllowed = false;
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed };
}
