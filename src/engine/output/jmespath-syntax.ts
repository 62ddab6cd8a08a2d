// Checks a JMESPath expression the way the CLI's Python jmespath (1.0.x) does, so that a bad
// --query gets the same message: the same tokens, the same parse order, the same error texts.
// It only validates; evaluation is left to the jmespath package.
import { pyStr, toPyValue } from './python-values.js';

interface Token {
  type: string;
  /** What the message shows for the token (Python str() of the token's value). */
  text: string;
  start: number;
}

class SyntaxProblem extends Error {}

/** The message Python's jmespath.compile raises for this expression, or undefined if it compiles. */
export function jmespathSyntaxError(expression: string): string | undefined {
  if (expression === '') return 'Invalid JMESPath expression: cannot be empty.';
  try {
    new Parser(expression, tokenize(expression)).parse();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxProblem) return error.message;
    throw error;
  }
}

function lexerError(expression: string, position: number, message: string): SyntaxProblem {
  return new SyntaxProblem(`Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`);
}

const SIMPLE_TOKENS: Record<string, string> = {
  '.': 'dot', '*': 'star', ']': 'rbracket', ',': 'comma', ':': 'colon', '@': 'current',
  '(': 'lparen', ')': 'rparen', '{': 'lbrace', '}': 'rbrace',
};
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;

// Positions count characters (code points), as Python indexes a str.
function tokenize(expression: string): Token[] {
  const chars = [...expression];
  const tokens: Token[] = [];
  let i = 0;
  const at = (index: number): string | undefined => chars[index];
  const twoCharOrElse = (second: string, matched: string, single: string): void => {
    const first = chars[i];
    if (at(i + 1) === second) {
      tokens.push({ type: matched, text: first + second, start: i });
      i += 2;
    } else {
      tokens.push({ type: single, text: first, start: i });
      i += 1;
    }
  };
  // Reads up to an unescaped delimiter; returns the raw content (backslashes kept).
  const readDelimited = (delimiter: string): string => {
    const start = i;
    let content = '';
    i += 1;
    while (at(i) !== delimiter) {
      if (at(i) === '\\') {
        content += '\\';
        i += 1;
      }
      if (at(i) === undefined) {
        throw lexerError(expression, start, `Unclosed ${delimiter} delimiter`);
      }
      content += at(i);
      i += 1;
    }
    i += 1;
    return content;
  };
  while (i < chars.length) {
    const ch = chars[i];
    const start = i;
    if (ch in SIMPLE_TOKENS) {
      tokens.push({ type: SIMPLE_TOKENS[ch], text: ch, start });
      i += 1;
    } else if (IDENTIFIER_START.test(ch)) {
      let name = ch;
      while (at(i + 1) !== undefined && IDENTIFIER_PART.test(at(i + 1)!)) name += chars[++i];
      i += 1;
      tokens.push({ type: 'unquoted_identifier', text: name, start });
    } else if (' \t\n\r'.includes(ch)) {
      i += 1;
    } else if (ch === '[') {
      if (at(i + 1) === ']') twoCharOrElse(']', 'flatten', 'lbracket');
      else if (at(i + 1) === '?') twoCharOrElse('?', 'filter', 'lbracket');
      else {
        tokens.push({ type: 'lbracket', text: '[', start });
        i += 1;
      }
    } else if (ch === "'") {
      tokens.push({ type: 'literal', text: readDelimited("'").replace(/\\'/g, "'"), start });
    } else if (ch === '|') {
      twoCharOrElse('|', 'or', 'pipe');
    } else if (ch === '&') {
      twoCharOrElse('&', 'and', 'expref');
    } else if (ch === '`') {
      const lexeme = readDelimited('`').replace(/\\`/g, '`');
      tokens.push({ type: 'literal', text: literalText(lexeme, expression, start), start });
    } else if (DIGIT.test(ch) || ch === '-') {
      let digits = ch;
      while (at(i + 1) !== undefined && DIGIT.test(at(i + 1)!)) digits += chars[++i];
      i += 1;
      if (digits === '-') throw lexerError(expression, start, "Unknown token '-'");
      tokens.push({ type: 'number', text: BigInt(digits).toString(), start });
    } else if (ch === '"') {
      const content = readDelimited('"');
      const problem = jsonStringProblem(content);
      if (problem) throw lexerError(expression, start, problem);
      tokens.push({ type: 'quoted_identifier', text: JSON.parse(`"${content}"`) as string, start });
    } else if (ch === '<') {
      twoCharOrElse('=', 'lte', 'lt');
    } else if (ch === '>') {
      twoCharOrElse('=', 'gte', 'gt');
    } else if (ch === '!') {
      twoCharOrElse('=', 'ne', 'not');
    } else if (ch === '=') {
      if (at(i + 1) === '=') {
        tokens.push({ type: 'eq', text: '==', start });
        i += 2;
      } else {
        throw lexerError(expression, i, "Unknown token '='");
      }
    } else {
      throw lexerError(expression, start, `Unknown token ${ch}`);
    }
  }
  tokens.push({ type: 'eof', text: '', start: chars.length });
  return tokens;
}

// A backtick literal is JSON, or (deprecated) a bare string; its value is what messages show.
function literalText(lexeme: string, expression: string, start: number): string {
  const parsed = parsePythonJson(lexeme);
  if (parsed.ok) return pyStr(toPyValue(parsed.value));
  const body = lexeme.replace(/^\s+/, '');
  if (jsonStringProblem(body) === undefined) return JSON.parse(`"${body}"`) as string;
  throw lexerError(expression, start, `Bad token ${lexeme}`);
}

function parsePythonJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const trimmed = text.trim();
    if (trimmed === 'NaN') return { ok: true, value: NaN };
    if (trimmed === 'Infinity') return { ok: true, value: Infinity };
    if (trimmed === '-Infinity') return { ok: true, value: -Infinity };
    return { ok: false };
  }
}

// The start of Python json's error message (up to the first ':') for a bad string body.
function jsonStringProblem(content: string): string | undefined {
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch.charCodeAt(0) < 0x20) return 'Invalid control character at';
    if (ch === '"') return 'Extra data';
    if (ch !== '\\') continue;
    const escape = content[i + 1];
    if (escape === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(content.slice(i + 2, i + 6))) return 'Invalid \\uXXXX escape';
      i += 5;
    } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
      i += 1;
    } else {
      return 'Invalid \\escape';
    }
  }
  return undefined;
}

const BINDING_POWER: Record<string, number> = {
  eof: 0, unquoted_identifier: 0, quoted_identifier: 0, literal: 0, rbracket: 0, rparen: 0, comma: 0,
  rbrace: 0, number: 0, current: 0, expref: 0, colon: 0, pipe: 1, or: 2, and: 3, eq: 5, gt: 5, lt: 5,
  gte: 5, lte: 5, ne: 5, flatten: 9, star: 20, filter: 21, dot: 40, not: 45, lbrace: 50, lbracket: 55,
  lparen: 60,
};
const PROJECTION_STOP = 10;
const COMPARATORS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);

/** Node kinds, the only part of the tree the grammar's checks look at. */
type Kind = string;

// A Pratt parser with the same nud/led table and the same error points as Python's.
class Parser {
  private index = 0;

  constructor(private readonly expression: string, private readonly tokens: Token[]) {}

  parse(): void {
    this.expressionOf(0);
    if (this.current() !== 'eof') {
      const token = this.token(0);
      throw this.parseError(token, `Unexpected token: ${token.text}`);
    }
  }

  private token(offset: number): Token {
    return this.tokens[this.index + offset];
  }

  private current(): string {
    return this.tokens[this.index].type;
  }

  private parseError(token: Token, reason: string, position = token.start): SyntaxProblem {
    const underline = `${' '.repeat(position + 1)}^`;
    return new SyntaxProblem(
      `${reason}: Parse error at column ${position}, token "${token.text}" (${token.type.toUpperCase()}), ` +
        `for expression:\n"${this.expression}"\n${underline}`,
    );
  }

  private incomplete(): SyntaxProblem {
    const underline = `${' '.repeat([...this.expression].length + 1)}^`;
    return new SyntaxProblem(`Invalid jmespath expression: Incomplete expression:\n"${this.expression}"\n${underline}`);
  }

  private expect(type: string | string[]): void {
    const types = Array.isArray(type) ? type : [type];
    if (types.includes(this.current())) {
      this.index += 1;
      return;
    }
    const token = this.token(0);
    if (token.type === 'eof') throw this.incomplete();
    const expected = Array.isArray(type) ? `[${type.map((t) => `'${t}'`).join(', ')}]` : type;
    throw this.parseError(token, `Expecting: ${expected}, got: ${token.type}`);
  }

  private expressionOf(bindingPower: number): Kind {
    const left = this.token(0);
    this.index += 1;
    let kind = this.nud(left);
    while (bindingPower < BINDING_POWER[this.current()]) {
      const type = this.current();
      if (!this.hasLed(type)) throw this.parseError(this.token(0), 'invalid token');
      this.index += 1;
      kind = this.led(type, kind);
    }
    return kind;
  }

  private nud(token: Token): Kind {
    switch (token.type) {
      case 'literal':
        return 'literal';
      case 'unquoted_identifier':
        return 'field';
      case 'quoted_identifier':
        if (this.current() === 'lparen') {
          throw this.parseError(this.token(0), 'Quoted identifier not allowed for function names.', 0);
        }
        return 'field';
      case 'star':
        if (this.current() !== 'rbracket') this.projectionRhs(BINDING_POWER.star);
        return 'value_projection';
      case 'filter':
        return this.filter();
      case 'lbrace':
        return this.multiSelectHash();
      case 'lparen': {
        const inner = this.expressionOf(0);
        this.expect('rparen');
        return inner;
      }
      case 'flatten':
        this.projectionRhs(BINDING_POWER.flatten);
        return 'projection';
      case 'not':
        this.expressionOf(BINDING_POWER.not);
        return 'not_expression';
      case 'lbracket':
        if (this.current() === 'number' || this.current() === 'colon') {
          return this.projectIfSlice(this.indexExpression());
        }
        if (this.current() === 'star' && this.token(1).type === 'rbracket') {
          this.index += 2;
          this.projectionRhs(BINDING_POWER.star);
          return 'projection';
        }
        return this.multiSelectList();
      case 'current':
        return 'current';
      case 'expref':
        this.expressionOf(BINDING_POWER.expref);
        return 'expref';
      case 'eof':
        throw this.incomplete();
      default:
        throw this.parseError(token, 'invalid token');
    }
  }

  private hasLed(type: string): boolean {
    return ['dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'flatten', 'lbracket'].includes(type) || COMPARATORS.has(type);
  }

  private led(type: string, left: Kind): Kind {
    if (COMPARATORS.has(type)) {
      this.expressionOf(BINDING_POWER[type]);
      return 'comparator';
    }
    switch (type) {
      case 'dot':
        if (this.current() !== 'star') {
          this.dotRhs(BINDING_POWER.dot);
          return 'subexpression';
        }
        this.index += 1;
        this.projectionRhs(BINDING_POWER.dot);
        return 'value_projection';
      case 'pipe':
      case 'or':
      case 'and':
        this.expressionOf(BINDING_POWER[type]);
        return type;
      case 'lparen':
        if (left !== 'field') {
          const name = this.token(-2);
          throw this.parseError(name, `Invalid function name '${name.text}'`);
        }
        while (this.current() !== 'rparen') {
          this.expressionOf(0);
          if (this.current() === 'comma') this.expect('comma');
        }
        this.expect('rparen');
        return 'function_expression';
      case 'filter':
        return this.filter();
      case 'flatten':
        this.projectionRhs(BINDING_POWER.flatten);
        return 'projection';
      case 'lbracket':
        if (this.current() === 'number' || this.current() === 'colon') {
          const right = this.indexExpression();
          return left === 'index_expression' ? left : this.projectIfSlice(right);
        }
        this.expect('star');
        this.expect('rbracket');
        this.projectionRhs(BINDING_POWER.star);
        return 'projection';
      default:
        throw new Error(`no led for ${type}`);
    }
  }

  private filter(): Kind {
    this.expressionOf(0);
    this.expect('rbracket');
    if (this.current() !== 'flatten') this.projectionRhs(BINDING_POWER.filter);
    return 'filter_projection';
  }

  private indexExpression(): Kind {
    if (this.current() === 'colon' || this.token(1).type === 'colon') return this.sliceExpression();
    this.index += 1;
    this.expect('rbracket');
    return 'index';
  }

  private sliceExpression(): Kind {
    let part = 0;
    while (this.current() !== 'rbracket' && part < 3) {
      if (this.current() === 'colon') {
        part += 1;
        if (part === 3) throw this.parseError(this.token(0), 'syntax error');
        this.index += 1;
      } else if (this.current() === 'number') {
        this.index += 1;
      } else {
        throw this.parseError(this.token(0), 'syntax error');
      }
    }
    this.expect('rbracket');
    return 'slice';
  }

  private projectIfSlice(right: Kind): Kind {
    if (right !== 'slice') return 'index_expression';
    this.projectionRhs(BINDING_POWER.star);
    return 'projection';
  }

  private multiSelectList(): Kind {
    for (;;) {
      this.expressionOf(0);
      if (this.current() === 'rbracket') break;
      this.expect('comma');
    }
    this.expect('rbracket');
    return 'multi_select_list';
  }

  private multiSelectHash(): Kind {
    for (;;) {
      this.expect(['quoted_identifier', 'unquoted_identifier']);
      this.expect('colon');
      this.expressionOf(0);
      if (this.current() === 'comma') {
        this.expect('comma');
      } else if (this.current() === 'rbrace') {
        this.expect('rbrace');
        break;
      }
    }
    return 'multi_select_dict';
  }

  private projectionRhs(bindingPower: number): void {
    const type = this.current();
    if (BINDING_POWER[type] < PROJECTION_STOP) return;
    if (type === 'lbracket' || type === 'filter') {
      this.expressionOf(bindingPower);
    } else if (type === 'dot') {
      this.expect('dot');
      this.dotRhs(bindingPower);
    } else {
      throw this.parseError(this.token(0), 'syntax error');
    }
  }

  private dotRhs(bindingPower: number): void {
    const type = this.current();
    if (type === 'quoted_identifier' || type === 'unquoted_identifier' || type === 'star') {
      this.expressionOf(bindingPower);
    } else if (type === 'lbracket') {
      this.expect('lbracket');
      this.multiSelectList();
    } else if (type === 'lbrace') {
      this.expect('lbrace');
      this.multiSelectHash();
    } else {
      const allowed = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";
      throw this.parseError(this.token(0), `Expecting: ${allowed}, got: ${type}`);
    }
  }
}
