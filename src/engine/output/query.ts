// `--query`: JMESPath through the jmespath package, with the CLI's error text and exit codes.
import jmespath from 'jmespath';
import { OutputError } from './errors.js';
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

export function applyQuery(expression: string, data: unknown): unknown {
  validateQuery(expression);
  try {
    return jmespath.search(data, expression);
  } catch (error) {
    // A failure while evaluating (a function given the wrong type, …) is a general error.
    throw new OutputError(pythonRuntimeMessage((error as Error).message), OTHER_EXIT_CODE);
  }
}

// Python jmespath words arity errors differently; "Unknown function: f()" is already the same.
// Type errors keep the jmespath package's wording (Python's names the offending value).
function pythonRuntimeMessage(message: string): string {
  const arity = /^ArgumentError: (\w+)\(\) takes (at least)?\s*(\d+) arguments? but received (\d+)$/.exec(message);
  if (!arity) return message;
  const [, name, atLeast, expected, received] = arity;
  const noun = expected === '1' ? 'argument' : 'arguments';
  return `Expected ${atLeast ? 'at least ' : ''}${expected} ${noun} for function ${name}(), received ${received}`;
}

function jsCompileError(expression: string): string | undefined {
  try {
    compile(expression);
    return undefined;
  } catch (error) {
    return `Invalid jmespath expression: ${(error as Error).message}`;
  }
}
