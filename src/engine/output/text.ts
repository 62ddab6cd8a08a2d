// `--output text` (reference §8.4): tab-separated scalar values, sorted by key, one line per
// object, prefixed by the upper-cased key the object sits under. Key names are never printed.
import { isDict, isScalar, pyStr, sortedKeys, type PyDict, type PyValue } from './python-values.js';
import { pyTypeOf as pyTypeName } from './py-compare.js';

export function formatText(value: PyValue): string {
  const lines: string[] = [];
  writeValue(value, lines, null, null);
  return lines.join('');
}

function writeValue(value: PyValue, out: string[], identifier: string | null, columns: string[] | null): void {
  if (Array.isArray(value)) writeList(value, out, identifier);
  else if (isDict(value)) writeDict(value, out, identifier, columns);
  else out.push(`${pyStr(value)}\n`);
}

function writeList(list: PyValue[], out: string[], identifier: string | null): void {
  if (list.length === 0) return;
  if (list.some(isDict)) {
    const columns = scalarKeyUnion(list);
    for (const element of list) writeValue(element, out, identifier, columns);
  } else if (list.some(Array.isArray)) {
    const scalars = list.filter(isScalar);
    if (scalars.length) writeScalarList(scalars, out, identifier);
    for (const nested of list.filter((item) => !isScalar(item))) writeValue(nested, out, identifier, null);
  } else {
    writeScalarList(list, out, identifier);
  }
}

function writeScalarList(items: PyValue[], out: string[], identifier: string | null): void {
  if (identifier === null) {
    out.push(`${items.map(pyStr).join('\t')}\n`);
    return;
  }
  const prefix = identifier.toUpperCase();
  for (const item of items) out.push(`${prefix}\t${pyStr(item)}\n`);
}

// `columns` is the shared column set of a list of objects; a member that is an object or list
// in this element but a scalar in a sibling is printed in that column as Python would (its repr).
function writeDict(dict: PyDict, out: string[], identifier: string | null, columns: string[] | null): void {
  const cells: string[] = [];
  const nested: [string, PyValue][] = [];
  if (columns === null) {
    for (const key of sortedKeys(Object.keys(dict))) {
      if (isScalar(dict[key])) cells.push(pyStr(dict[key]));
      else nested.push([key, dict[key]]);
    }
  } else {
    for (const key of columns) cells.push(Object.hasOwn(dict, key) ? pyStr(dict[key]) : '');
    const columnSet = new Set(columns);
    for (const key of sortedKeys(Object.keys(dict))) {
      if (!columnSet.has(key)) nested.push([key, dict[key]]);
    }
  }
  if (cells.length) {
    if (identifier !== null) cells.unshift(identifier.toUpperCase());
    out.push(`${cells.join('\t')}\n`);
  }
  for (const [key, child] of nested) writeValue(child, out, key, null);
}

function scalarKeyUnion(list: PyValue[]): string[] {
  const keys = new Set<string>();
  for (const element of list) {
    if (!isDict(element)) throw new Error(`'${pyTypeName(element)}' object has no attribute 'items'`);
    for (const [key, member] of Object.entries(element)) if (isScalar(member)) keys.add(key);
  }
  return sortedKeys(keys);
}

export { pyTypeName };
