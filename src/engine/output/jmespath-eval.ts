// Evaluates a JMESPath AST (from the jmespath package's parser) with the semantics of Python's
// jmespath, which the CLI runs: exact ints, 1.0 kept a float, Python ordering and equality, and
// Python's error texts. The package's own interpreter sorts numbers as text and compares with JS
// rules, so only its parser is used.
import { callFunction, type Expref } from './jmespath-functions.js';
import { comparePyOrdered, isPyNumber, pyEquals } from './py-compare.js';
import { isDict, type PyDict, type PyValue } from './python-values.js';
import { setOwn } from '../own-property.js';

export interface AstNode {
  type: string;
  name?: string;
  value?: unknown;
  children: AstNode[];
}

/** A value while evaluating: PyValue, or an expression reference handed to a function. */
export type JmesValue = PyValue | Expref;

/** Python jmespath's notion of false: '', [], {}, None, False (0 is true). */
export function isJmesFalse(value: JmesValue): boolean {
  if (value === null || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isDict(value) && Object.keys(value).length === 0;
}

const COMPARATORS: Record<string, [string, (order: number) => boolean]> = {
  LT: ['<', (o) => o < 0],
  LTE: ['<=', (o) => o <= 0],
  GT: ['>', (o) => o > 0],
  GTE: ['>=', (o) => o >= 0],
};

export function evaluate(node: AstNode, value: PyValue): JmesValue {
  switch (node.type) {
    case 'Field': {
      if (!isDict(value)) return null;
      const member = value[node.name!];
      return member === undefined || !Object.hasOwn(value, node.name!) ? null : member;
    }
    case 'Subexpression':
    case 'IndexExpression':
    case 'Pipe':
    {
      let current: JmesValue = value;
      for (const child of node.children) current = evaluate(child, current as PyValue);
      return current;
    }
    case 'Index':
      return Array.isArray(value) ? (value.at(node.value as number) ?? null) : null;
    case 'Slice':
      return Array.isArray(value) ? pySlice(value, node.children as unknown as (number | null)[]) : null;
    case 'Projection':
      return project(evaluate(node.children[0]!, value), node.children[1]!);
    case 'ValueProjection': {
      const base = evaluate(node.children[0]!, value);
      return isDict(base) ? project(Object.values(base), node.children[1]!) : null;
    }
    case 'FilterProjection': {
      const base = evaluate(node.children[0]!, value);
      if (!Array.isArray(base)) return null;
      const condition = node.children[2]!;
      const kept: PyValue[] = [];
      for (const item of base) if (!isJmesFalse(evaluate(condition, item))) kept.push(item);
      return project(kept, node.children[1]!);
    }
    case 'Flatten': {
      const base = evaluate(node.children[0]!, value);
      if (!Array.isArray(base)) return null;
      const merged: PyValue[] = [];
      for (const item of base) {
        if (Array.isArray(item)) for (const inner of item) merged.push(inner);
        else merged.push(item);
      }
      return merged;
    }
    case 'Identity':
    case 'Current':
      return value;
    case 'MultiSelectList':
    {
      if (value === null) return null;
      const out: PyValue[] = [];
      for (const child of node.children) out.push(evaluate(child, value) as PyValue);
      return out;
    }
    case 'MultiSelectHash': {
      if (value === null) return null;
      const out: PyDict = {};
      for (const pair of node.children) setOwn(out, pair.name!, evaluate(pair.value as AstNode, value) as PyValue);
      return out;
    }
    case 'OrExpression': {
      const left = evaluate(node.children[0]!, value);
      return isJmesFalse(left) ? evaluate(node.children[1]!, value) : left;
    }
    case 'AndExpression': {
      const left = evaluate(node.children[0]!, value);
      return isJmesFalse(left) ? left : evaluate(node.children[1]!, value);
    }
    case 'NotExpression':
      return isJmesFalse(evaluate(node.children[0]!, value));
    case 'Literal':
      return node.value as PyValue;
    case 'Function':
    {
      const args: JmesValue[] = [];
      for (const child of node.children) args.push(evaluate(child, value));
      return callFunction(node.name!, args);
    }
    case 'ExpressionReference': {
      const expression = node.children[0]!;
      return { expref: (item: PyValue) => evaluate(expression, item) };
    }
    case 'Comparator':
      return compare(node, value);
    default:
      throw new Error(`Unknown node type: ${node.type}`);
  }
}

function project(base: JmesValue, right: AstNode): JmesValue {
  if (!Array.isArray(base)) return null;
  const out: PyValue[] = [];
  for (const item of base) {
    const current = evaluate(right, item);
    if (current !== null) out.push(current as PyValue);
  }
  return out;
}

function compare(node: AstNode, value: PyValue): JmesValue {
  const left = evaluate(node.children[0]!, value) as PyValue;
  const right = evaluate(node.children[1]!, value) as PyValue;
  if (node.name === 'EQ') return jmesEquals(left, right);
  if (node.name === 'NE') return !jmesEquals(left, right);
  const [operator, holds] = COMPARATORS[node.name!]!;
  if (!isOrderable(left) || !isOrderable(right)) return null;
  return holds(comparePyOrdered(left, right, operator));
}

const isOrderable = (v: PyValue): boolean => typeof v === 'string' || isPyNumber(v);
const isZeroOrOne = (v: PyValue): boolean => isPyNumber(v) && (pyEquals(v, 0) || pyEquals(v, 1));

// Python jmespath: 0 and 1 never equal a bool at the top level (0 == False is true in Python).
function jmesEquals(a: PyValue, b: PyValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if ((typeof b === 'boolean' && isZeroOrOne(a)) || (typeof a === 'boolean' && isZeroOrOne(b))) return false;
  return pyEquals(a, b);
}

/** Python list[start:stop:step]. */
function pySlice(list: PyValue[], [start, stop, step]: (number | null)[]): PyValue[] {
  const by = step ?? 1;
  if (by === 0) throw new Error('slice step cannot be zero');
  const length = list.length;
  const clamp = (index: number | null, fallback: number, low: number, high: number) => {
    if (index === null) return fallback;
    const i = index < 0 ? index + length : index;
    return Math.min(Math.max(i, low), high);
  };
  const out: PyValue[] = [];
  if (by > 0) {
    const end = clamp(stop, length, 0, length);
    for (let i = clamp(start, 0, 0, length); i < end; i += by) out.push(list[i]!);
  } else {
    const end = clamp(stop, -1, -1, length - 1);
    for (let i = clamp(start, length - 1, -1, length - 1); i > end; i += by) out.push(list[i]!);
  }
  return out;
}
