// The query bar: a JMESPath expression over the merged listing (the same language and result as
// `--query`), turned into table columns when it yields rows, or a detail otherwise.
import jmespath from 'jmespath';
import { jmespathSyntaxError } from '../../engine/output/jmespath-syntax.js';
import type { ColumnSpec } from '../../../services/types.js';

export type QueryOutcome =
  | { kind: 'table'; columns: ColumnSpec[]; rows: unknown[][]; items: unknown[] }
  | { kind: 'detail'; value: unknown }
  | { kind: 'error'; message: string; position?: number };

/** Where the parser stopped (the caret line of the CLI's message), counted in characters of the expression. */
function errorPosition(message: string): number | undefined {
  const caret = message.slice(message.lastIndexOf('\n') + 1);
  if (!message.includes('\n') || !caret.trim().startsWith('^')) return undefined;
  // A lexer error shows the expression as typed, a parse error in double quotes (one more column).
  const quoted = !message.startsWith('Bad jmespath expression');
  return caret.indexOf('^') - (quoted ? 1 : 0);
}

/** Splits `a, b[0], c || d` at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '[' || ch === '{' || ch === '(') depth++;
    else if (ch === ']' || ch === '}' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Column titles from a trailing multi-select list: `…[].[InstanceId, State.Name]` → InstanceId, State.Name. */
export function projectionTitles(expression: string, count: number): string[] {
  const trimmed = expression.trim();
  let titles: string[] = [];
  if (trimmed.endsWith(']')) {
    // Find the `[` that opens the final bracket group.
    let depth = 0;
    for (let i = trimmed.length - 1; i >= 0; i--) {
      if (trimmed[i] === ']') depth++;
      else if (trimmed[i] === '[' && --depth === 0) {
        const inner = trimmed.slice(i + 1, -1);
        if (inner.trim() && !/^[\d:*?-]/.test(inner.trim())) titles = splitTopLevel(inner);
        break;
      }
    }
  }
  return Array.from({ length: count }, (_, i) => titles.length === count ? titles[i] : `${i + 1}`);
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v);

/** Scalar keys of the first items, identifiers and names first: the columns of a list of objects. */
export function inferColumns(items: Array<Record<string, unknown>>, limit = 8): string[] {
  const seen = new Map<string, number>();
  for (const item of items.slice(0, 200)) {
    for (const [key, value] of Object.entries(item)) if (isScalar(value) && !seen.has(key)) seen.set(key, seen.size);
  }
  const rank = (key: string) => (/(^|[a-z])(Id|Arn|ID)$/.test(key) || key === 'Id' ? 0 : /Name$|^Name$|^Key$/.test(key) ? 1 : 2);
  return [...seen.keys()].sort((a, b) => rank(a) - rank(b) || seen.get(a)! - seen.get(b)!).slice(0, limit);
}

const column = (id: string, title: string, path: string): ColumnSpec => ({ id, title, path, min: Math.min(12, title.length), max: 48 });

export function runQuery(expression: string, merged: unknown): QueryOutcome {
  const problem = jmespathSyntaxError(expression);
  if (problem) return { kind: 'error', message: problem.split('\n')[0], position: errorPosition(problem) };
  let result: unknown;
  try {
    result = jmespath.search(merged as never, expression);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (!Array.isArray(result)) return { kind: 'detail', value: result };
  if (result.length && result.every((r) => Array.isArray(r))) {
    const width = Math.max(...result.map((r) => (r as unknown[]).length));
    const titles = projectionTitles(expression, width);
    return { kind: 'table', columns: titles.map((t, i) => column(`${i + 1}`, t, `[${i}]`)), rows: result as unknown[][], items: result };
  }
  if (result.length && result.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
    const keys = inferColumns(result as Array<Record<string, unknown>>);
    return { kind: 'table', columns: keys.map((k) => column(k, k, k)), rows: result.map((r) => keys.map((k) => (r as Record<string, unknown>)[k] ?? null)), items: result };
  }
  if (result.every(isScalar)) return { kind: 'table', columns: [column('value', 'Value', '@')], rows: result.map((r) => [r]), items: result };
  return { kind: 'detail', value: result };
}
