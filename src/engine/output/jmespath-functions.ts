// JMESPath's built-in functions as Python's jmespath implements them (the CLI's): argument checks
// and their error texts, Python sorting, exact int arithmetic, float results kept floats.
import { PyFloat, exactFloat, exactInt } from '../exact-json.js';
import { pyJsonDumps } from '../pyjson.js';
import { comparePyOrdered, isPyFloat, isPyNumber, pyEquals, pySum, pyToFloat, pyTypeOf, type PyNum } from './py-compare.js';
import { pyRepr, pyStr, type PyValue } from './python-values.js';

/** An `&expression` argument. */
export interface Expref {
  expref: (item: PyValue) => unknown;
}

type Arg = PyValue | Expref;
type JmesType = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'null' | 'expref';

interface Spec {
  /** Allowed types per argument ('array-number' checks the elements too); [] allows any. */
  args: string[][];
  variadic?: boolean;
  run: (args: any, name: string) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const isExpref = (value: unknown): value is Expref => typeof value === 'object' && value !== null && 'expref' in value && typeof (value as Expref).expref === 'function' && !Array.isArray(value);

function jmesType(value: Arg): JmesType {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (isPyNumber(value)) return 'number';
  if (Array.isArray(value)) return 'array';
  return isExpref(value) ? 'expref' : 'object';
}

/** JMESPathTypeError's text. */
function typeError(name: string, value: Arg, actual: string, expected: string[]): Error {
  const shown = isExpref(value) ? '<jmespath.visitor._Expression object>' : pyStr(value);
  return new Error(`In function ${name}(), invalid type for value: ${shown}, expected one of: ${pyRepr(expected)}, received: "${actual}"`);
}

function checkType(name: string, value: Arg, allowed: string[]): void {
  const actual = jmesType(value);
  const subtypes: string[] = [];
  let ok = false;
  for (const t of allowed) {
    const [top, sub] = t.split('-', 2) as [string, string | undefined];
    if (top === actual) ok = true;
    if (sub) subtypes.push(sub);
  }
  if (!ok) throw typeError(name, value, actual, allowed);
  if (subtypes.length === 0 || !Array.isArray(value)) return;
  // The first element picks which element type the rest must have (Python names the type here).
  if (value.length === 0) return;
  const wanted = subtypes.length === 1 ? subtypes[0] : subtypes.find((s) => s === jmesType(value[0]!));
  if (wanted === undefined) throw typeError(name, value[0]!, pyTypeOf(value[0]!), allowed);
  for (const item of value) if (jmesType(item) !== wanted) throw typeError(name, item, pyTypeOf(item), allowed);
}

function keyFunction(name: string, expref: Expref, allowed: JmesType[]): (item: PyValue) => PyValue {
  return (item) => {
    const key = expref.expref(item) as PyValue;
    const type = jmesType(key);
    if (!allowed.includes(type)) throw typeError(name, key, type, allowed);
    return key;
  };
}

/** Python sorted(key=…): stable, by Python ordering. */
function sortedBy(items: PyValue[], key: (item: PyValue) => PyValue): PyValue[] {
  const decorated = items.map((item, index) => ({ item, index, key: key(item) }));
  decorated.sort((a, b) => comparePyOrdered(a.key, b.key, '<') || a.index - b.index);
  return decorated.map((d) => d.item);
}

/** Python max()/min(): the first element that no later one beats. */
function extreme(items: PyValue[], key: (item: PyValue) => PyValue, sign: 1 | -1): PyValue {
  if (items.length === 0) return null;
  let best = items[0] as PyValue;
  let bestKey = key(best);
  for (const item of items.slice(1) as PyValue[]) {
    const k = key(item);
    if (sign * comparePyOrdered(k, bestKey, sign > 0 ? '>' : '<') > 0) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

/** math.ceil / math.floor: an int, exact for large floats. */
function roundToInt(value: PyNum, round: (n: number) => number): PyValue {
  if (!isPyFloat(value)) return value;
  const n = pyToFloat(value);
  if (Number.isNaN(n)) throw new Error('cannot convert float NaN to integer');
  if (!Number.isFinite(n)) throw new Error('cannot convert float infinity to integer');
  const r = round(n);
  return Number.isSafeInteger(r) ? r || 0 : BigInt(r);
}

const codePoints = (text: string) => [...text];
const identity = (item: PyValue) => item;

/** Python int(text), then float(text); None when neither parses. */
function textToNumber(text: string): PyValue {
  const t = text.trim();
  if (/^[+-]?\d+(?:_\d+)*$/.test(t)) return exactInt(t.replace(/_/g, ''));
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (special) return special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const digits = String.raw`\d+(?:_\d+)*`;
  if (!new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`).test(t)) return null;
  return exactFloat(Number(t.replace(/_/g, '')));
}

const FUNCTIONS: Record<string, Spec> = {
  abs: { args: [['number']], run: ([n]: [PyNum]) => (n instanceof PyFloat ? new PyFloat(Math.abs(n.value)) : typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n)) },
  avg: { args: [['array-number']], run: ([list]: [PyNum[]]) => (list.length ? exactFloat(pyToFloat(pySum(list)) / list.length) : null) },
  ceil: { args: [['number']], run: ([n]: [PyNum]) => roundToInt(n, Math.ceil) },
  contains: {
    args: [['array', 'string'], []],
    run: ([subject, search]: [PyValue[] | string, PyValue]) => {
      if (Array.isArray(subject)) return subject.some((item) => item === search || pyEquals(item, search));
      if (typeof search !== 'string') throw new TypeError(`'in <string>' requires string as left operand, not ${pyTypeOf(search)}`);
      return subject.includes(search);
    },
  },
  ends_with: { args: [['string'], ['string']], run: ([s, suffix]: [string, string]) => s.endsWith(suffix) },
  floor: { args: [['number']], run: ([n]: [PyNum]) => roundToInt(n, Math.floor) },
  join: { args: [['string'], ['array-string']], run: ([sep, list]: [string, string[]]) => list.join(sep) },
  keys: { args: [['object']], run: ([o]: [Record<string, PyValue>]) => Object.keys(o) },
  length: { args: [['string', 'array', 'object']], run: ([v]: [PyValue]) => (typeof v === 'string' ? codePoints(v).length : Array.isArray(v) ? v.length : Object.keys(v as object).length) },
  map: { args: [['expref'], ['array']], run: ([e, list]: [Expref, PyValue[]]) => list.map((item) => e.expref(item)) },
  max: { args: [['array-number', 'array-string']], run: ([list]: [PyValue[]]) => extreme(list, identity, 1) },
  max_by: { args: [['array'], ['expref']], run: ([list, e]: [PyValue[], Expref], name) => extreme(list, keyFunction(name, e, ['number', 'string']), 1) },
  merge: { args: [['object']], variadic: true, run: (objects: Record<string, PyValue>[]) => Object.assign({}, ...objects) },
  min: { args: [['array-number', 'array-string']], run: ([list]: [PyValue[]]) => extreme(list, identity, -1) },
  min_by: { args: [['array'], ['expref']], run: ([list, e]: [PyValue[], Expref], name) => extreme(list, keyFunction(name, e, ['number', 'string']), -1) },
  not_null: { args: [[]], variadic: true, run: (values: PyValue[]) => values.find((v) => v !== null) ?? null },
  reverse: { args: [['array', 'string']], run: ([v]: [PyValue[] | string]) => (typeof v === 'string' ? codePoints(v).reverse().join('') : [...v].reverse()) },
  sort: { args: [['array-string', 'array-number']], run: ([list]: [PyValue[]]) => sortedBy(list, identity) },
  sort_by: {
    args: [['array'], ['expref']],
    run: ([list, e]: [PyValue[], Expref], name) => {
      if (list.length === 0) return list;
      const first = jmesType(e.expref(list[0]!) as PyValue);
      if (first !== 'number' && first !== 'string') throw typeError(name, list[0]!, first, ['string', 'number']);
      return sortedBy(list, keyFunction(name, e, [first]));
    },
  },
  starts_with: { args: [['string'], ['string']], run: ([s, prefix]: [string, string]) => s.startsWith(prefix) },
  sum: { args: [['array-number']], run: ([list]: [PyNum[]]) => pySum(list) },
  to_array: { args: [[]], run: ([v]: [PyValue]) => (Array.isArray(v) ? v : [v]) },
  to_number: {
    args: [[]],
    run: ([v]: [PyValue]) => (isPyNumber(v) ? v : typeof v === 'string' ? textToNumber(v) : null),
  },
  to_string: { args: [[]], run: ([v]: [PyValue]) => (typeof v === 'string' ? v : pyJsonDumps(v, { separators: [',', ':'] })) },
  type: { args: [[]], run: ([v]: [PyValue]) => jmesType(v) },
  values: { args: [['object']], run: ([o]: [Record<string, PyValue>]) => Object.values(o) },
};

/** Calls a built-in with evaluated arguments, checking them as Python's jmespath does. */
export function callFunction(name: string, args: Arg[]): PyValue {
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!spec) throw new Error(`Unknown function: ${name}()`);
  const wanted = spec.args.length;
  const noun = wanted === 1 ? 'argument' : 'arguments';
  if (spec.variadic ? args.length < wanted : args.length !== wanted) {
    throw new Error(`Expected ${spec.variadic ? 'at least ' : ''}${wanted} ${noun} for function ${name}(), received ${args.length}`);
  }
  // As in Python, only the declared arguments are checked (not a variadic function's extras).
  spec.args.forEach((allowed, i) => {
    if (allowed.length) checkType(name, args[i]!, allowed);
  });
  return spec.run(args, name) as PyValue;
}
