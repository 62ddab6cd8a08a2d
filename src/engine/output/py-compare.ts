// Python's ==, < and arithmetic on the formatter's values, as Python's jmespath (the CLI's) applies
// them: ints are exact at any size (bigint), int and float compare by value, bool is an int.
import { PyFloat, exactFloat } from '../exact-json.js';
import { comparePyStrings, isDict, isPyInt, type PyValue } from './python-values.js';

export type PyNum = number | bigint | PyFloat;

/** isinstance(x, Number) and not a bool. */
export function isPyNumber(value: unknown): value is PyNum {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat;
}

export function isPyFloat(value: PyNum): boolean {
  return value instanceof PyFloat || (typeof value === 'number' && !isPyInt(value));
}

const asDouble = (n: PyNum): number => (n instanceof PyFloat ? n.value : Number(n));

/** Sign of a − b, exactly (an int beyond 2^53 against a float is compared as Python does). */
export function comparePyNumbers(a: PyNum, b: PyNum): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = asDouble(a);
  const y = asDouble(b);
  if (x !== y || Number.isNaN(x) || !Number.isFinite(x)) return x < y ? -1 : x > y ? 1 : 0;
  // Equal as doubles: both are integral here, so compare the exact integers.
  const bx = typeof a === 'bigint' ? a : BigInt(x);
  const by = typeof b === 'bigint' ? b : BigInt(y);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

const boolAsInt = (value: PyValue): PyValue => (typeof value === 'boolean' ? Number(value) : value);

/** Python `x == y` (deep; True == 1 as in Python). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  const x = boolAsInt(a);
  const y = boolAsInt(b);
  if (isPyNumber(x) && isPyNumber(y)) return comparePyNumbers(x, y) === 0 && !Number.isNaN(asDouble(x));
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((item, i) => pyEquals(item, y[i]!));
  if (isDict(x) && isDict(y)) {
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && pyEquals(x[k]!, y[k]!));
  }
  return false;
}

/** Python `a < b` ordering for two numbers or two strings; other pairs are Python TypeErrors. */
export function comparePyOrdered(a: PyValue, b: PyValue, operator: string): number {
  if (isPyNumber(a) && isPyNumber(b)) return comparePyNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return comparePyStrings(a, b);
  throw new TypeError(`'${operator}' not supported between instances of '${pyTypeOf(a)}' and '${pyTypeOf(b)}'`);
}

/** type(x).__name__. */
export function pyTypeOf(value: PyValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (isPyNumber(value)) return isPyFloat(value) ? 'float' : 'int';
  return Array.isArray(value) ? 'list' : 'dict';
}

/** An exact integer as the formatters carry it: a number when safe, else bigint. */
export function pyInt(value: bigint): number | bigint {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** Python sum(): exact while every term is an int, float from the first float on. */
export function pySum(values: PyNum[]): PyNum {
  let int = 0n;
  let float: number | undefined;
  let allSmall = true;
  let small = 0;
  for (const v of values) {
    if (float !== undefined) float += asDouble(v);
    else if (isPyFloat(v)) float = Number(allSmall ? small : int) + asDouble(v);
    else if (allSmall && typeof v === 'number' && Number.isSafeInteger(small + v)) small += v;
    else {
      if (allSmall) int = BigInt(small);
      allSmall = false;
      int += BigInt(v as number | bigint);
    }
  }
  if (float !== undefined) return exactFloat(float);
  return allSmall ? small : pyInt(int);
}

/** Python float(x) of a number. */
export function pyToFloat(value: PyNum): number {
  return asDouble(value);
}
