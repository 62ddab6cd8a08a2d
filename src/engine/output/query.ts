// `--query`: JMESPath through the jmespath package, with the CLI's error text and exit codes.
import jmespath from 'jmespath';
import { OutputError } from './errors.js';
import { evaluate, type AstNode } from './jmespath-eval.js';
import type { PyValue } from './python-values.js';
import { parseExactJson } from '../exact-json.js';
import { jmespathSyntaxError } from './jmespath-syntax.js';

const USAGE_EXIT_CODE = 252;
const OTHER_EXIT_CODE = 255;

const { compile } = jmespath as unknown as { compile(expression: string): unknown };

/** A bad --query: the CLI rejects it before sending any request, with exit code 252. */
export class QueryError extends OutputError {
  override name = 'QueryError';
}

/** Checks the expression as the CLI does when it parses arguments; throws QueryError when invalid. */
export function validateQuery(expression: string): void {
  const problem = jmespathSyntaxError(expression) ?? jsCompileError(expression);
  if (problem !== undefined) {
    throw new QueryError(`Bad value for --query ${expression}: ${problem}`, USAGE_EXIT_CODE);
  }
}

const compiled = new Map<string, AstNode>();

export function applyQuery(expression: string, data: unknown): unknown {
  let ast = compiled.get(expression);
  if (!ast) {
    validateQuery(expression);
    ast = compileWithExactLiterals(expression);
    compiled.set(expression, ast);
  }
  try {
    return evaluate(ast, data as PyValue);
  } catch (error) {
    // A failure while evaluating (a function given the wrong type, …) is a general error.
    throw new OutputError((error as Error).message, OTHER_EXIT_CODE);
  }
}

// The package parses `1.0` and big-int literals with JSON.parse, which loses what Python's json.loads
// keeps; its parser is synchronous, so JSON.parse is swapped for the exact reader just around it.
function compileWithExactLiterals(expression: string): AstNode {
  const nativeParse = JSON.parse;
  JSON.parse = ((text: string) => parseExactJson(text)) as typeof JSON.parse;
  try {
    return compile(expression) as AstNode;
  } finally {
    JSON.parse = nativeParse;
  }
}

function jsCompileError(expression: string): string | undefined {
  try {
    compile(expression);
    return undefined;
  } catch (error) {
    return `Invalid jmespath expression: ${(error as Error).message}`;
  }
}
