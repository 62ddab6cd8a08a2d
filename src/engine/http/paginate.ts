// Automatic pagination as botocore's PageIterator and the CLI's use of it (reference §8.7):
// page-size injection, --max-items truncation with resumable tokens, and the merged result.
import jmespath from 'jmespath';
import { PaginationError } from './errors.js';
import type { PaginatorConfig } from '../models/types.js';
import { pyJsonDumps } from '../pyjson.js';

export interface PagingOptions {
  startingToken?: string;
  pageSize?: number;
  maxItems?: number;
}

type Params = Record<string, unknown>;
type Page = Record<string, unknown>;
type TokenMap = Record<string, unknown>;

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A paginated call in progress: iterate `pages()`, then read `resumeToken` and `nonAggregatePart`. */
export class PageIterator {
  readonly inputTokens: string[];
  readonly outputTokens: string[];
  readonly resultKeys: string[];
  readonly nonAggregateKeys: string[];
  resumeToken?: string;
  nonAggregatePart: Page = {};

  constructor(
    private readonly config: PaginatorConfig,
    private readonly call: (params: Params) => Promise<Page>,
    private readonly params: Params,
    private readonly opts: PagingOptions = {},
  ) {
    this.inputTokens = asList(config.input_token);
    this.outputTokens = asList(config.output_token);
    this.resultKeys = asList(config.result_key);
    this.nonAggregateKeys = config.non_aggregate_keys ?? [];
  }

  async *pages(): AsyncGenerator<Page> {
    const kwargs: Params = { ...this.params };
    const starting = this.opts.startingToken !== undefined ? decodeStartingToken(this.opts.startingToken, this.inputTokens) : undefined;
    let nextToken: TokenMap = starting ? starting.tokens : Object.fromEntries(this.inputTokens.map((k) => [k, null]));
    if (starting) injectToken(kwargs, starting.tokens);
    if (this.opts.pageSize !== undefined && this.config.limit_key) kwargs[this.config.limit_key] = this.opts.pageSize;
    const maxItems = this.opts.maxItems;
    const primary = this.resultKeys[0]!;
    let previous: TokenMap | undefined;
    let total = 0;
    let first = true;
    let startingTruncation = 0;
    for (;;) {
      const page = await this.call({ ...kwargs });
      if (first) {
        if (starting) startingTruncation = this.skipAlreadySeen(page, primary, starting.skip);
        first = false;
        this.nonAggregatePart = {};
        for (const key of this.nonAggregateKeys) setPath(this.nonAggregatePart, key, search(page, key));
      } else {
        startingTruncation = 0;
      }
      const items = search(page, primary);
      const count = Array.isArray(items) || typeof items === 'string' ? items.length : 0;
      const excess = maxItems !== undefined ? total + count - maxItems : 0;
      if (excess > 0) {
        const keep = count - excess;
        setPath(page, primary, Array.isArray(items) ? items.slice(0, keep) : []);
        this.resumeToken = encodeToken({ ...nextToken, boto_truncate_amount: keep + startingTruncation });
        yield page;
        return;
      }
      yield page;
      total += count;
      const next = this.nextTokenOf(page);
      if (Object.values(next).every((t) => t === null)) return;
      if (maxItems !== undefined && total === maxItems) {
        this.resumeToken = encodeToken(next);
        return;
      }
      if (previous && sameToken(previous, next)) {
        throw new PaginationError(`The same next token was received twice: ${pyRepr(next)}`);
      }
      injectToken(kwargs, next);
      previous = next;
      nextToken = next;
    }
  }

  /** Resuming mid-page: drop the items already returned and blank the secondary result keys. */
  private skipAlreadySeen(page: Page, primary: string, skip: number): number {
    const all = search(page, primary);
    setPath(page, primary, Array.isArray(all) || typeof all === 'string' ? all.slice(skip) : null);
    for (const key of this.resultKeys.slice(1)) {
      const sample = search(page, key);
      const empty = Array.isArray(sample) ? [] : typeof sample === 'string' ? '' : typeof sample === 'number' ? sample : null;
      setPath(page, key, empty);
    }
    return skip;
  }

  private nextTokenOf(page: Page): TokenMap {
    if (this.config.more_results && !search(page, this.config.more_results)) return {};
    const next: TokenMap = {};
    this.outputTokens.forEach((expr, i) => {
      const value = search(page, expr);
      next[this.inputTokens[i]!] = value ? value : null;
    });
    return next;
  }
}

/** botocore's build_full_result: result keys concatenated, non-aggregate keys, NextToken. */
export async function buildFullResult(iterator: PageIterator): Promise<Page> {
  const complete: Page = {};
  for await (const page of iterator.pages()) mergePage(complete, page, iterator.resultKeys);
  mergeDicts(complete, iterator.nonAggregatePart);
  if (iterator.resumeToken !== undefined) complete.NextToken = iterator.resumeToken;
  return complete;
}

/** Adds one page's result keys to the merged result (lists concatenated, counts summed). */
export function mergePage(complete: Page, page: Page, resultKeys: string[]): void {
  for (const key of resultKeys) {
    const value = search(page, key);
    if (value === null || value === undefined) continue;
    const existing = search(complete, key);
    if (existing === null || existing === undefined) setPath(complete, key, Array.isArray(value) ? [...value] : value);
    else if (Array.isArray(value) && Array.isArray(existing)) for (const item of value) existing.push(item);
    else if (typeof value === 'number' || typeof value === 'string') setPath(complete, key, (existing as never) + (value as never));
  }
}

export function search(data: unknown, expression: string): unknown {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(expression)) {
    return data && typeof data === 'object' ? ((data as Page)[expression] ?? null) : null;
  }
  return jmespath.search(data as never, expression) ?? null;
}

/** botocore's set_value_from_jmespath: a dotted path of plain keys, creating dicts on the way. */
export function setPath(target: Page, expression: string, value: unknown): void {
  const parts = expression.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Page;
  }
  node[parts[parts.length - 1]!] = value;
}

function mergeDicts(target: Page, source: Page): void {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') {
      mergeDicts(target[key] as Page, value as Page);
    } else {
      target[key] = value;
    }
  }
}

function injectToken(kwargs: Params, token: TokenMap): void {
  for (const [name, value] of Object.entries(token)) {
    if (value !== null && value !== undefined && value !== 'None') kwargs[name] = value;
    else delete kwargs[name];
  }
}

function sameToken(a: TokenMap, b: TokenMap): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function encodeToken(token: TokenMap): string {
  return Buffer.from(pyJsonDumps(token), 'utf8').toString('base64');
}

export function decodeStartingToken(token: string, inputTokens: string[]): { tokens: TokenMap; skip: number } {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
    if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) throw new Error('not a dict');
    const { boto_truncate_amount: skip = 0, ...tokens } = decoded as TokenMap;
    return { tokens, skip: Number(skip) || 0 };
  } catch {
    // The old `tok1___tok2___<skip>` format.
    const parts = token.split('___');
    let skip = 0;
    if (parts.length === inputTokens.length + 1 && /^-?\d+$/.test(parts[parts.length - 1]!)) skip = Number(parts.pop());
    else if (parts.length === inputTokens.length + 1) parts.splice(0, parts.length, token);
    const tokens: TokenMap = {};
    inputTokens.forEach((name, i) => { tokens[name] = parts[i] === undefined || parts[i] === 'None' ? null : parts[i]; });
    return { tokens, skip };
  }
}

/** Python's repr of a small dict of strings/None, as botocore's error message shows it. */
function pyRepr(token: TokenMap): string {
  const items = Object.entries(token).map(([k, v]) => `'${k}': ${v === null || v === undefined ? 'None' : typeof v === 'string' ? `'${v}'` : String(v)}`);
  return `{${items.join(', ')}}`;
}
