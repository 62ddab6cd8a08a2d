// Output formatting for AWS-CLI-shaped commands: --query and the json, yaml, yaml-stream, text,
// table and off formats, byte for byte as the AWS CLI v2 prints them (reference §8).
//
// Where --query applies (reference §8.1): json, yaml and table format the *merged* result of all
// pages once (formatOutput with the merged response); text and yaml-stream format every page on
// its own (formatTextPage / formatYamlStreamPage per page, each applying the query to the page).
import { formatJson } from './json.js';
import { applyQuery } from './query.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';
import { formatYaml, formatYamlStreamPage as yamlStreamPage } from './yaml.js';
import { isDict, toPyValue, type PyValue } from './python-values.js';
import { OutputError } from './errors.js';

export { applyQuery, validateQuery, QueryError } from './query.js';
export { OutputError, formatCliErrorLine, formatServiceErrorMessage } from './errors.js';
export { TableRowError } from './table.js';
export { displayWidth } from './display-width.js';
export { pyStr, pyFloatRepr } from './python-values.js';

export type OutputFormat = 'json' | 'yaml' | 'yaml-stream' | 'text' | 'table' | 'off';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'yaml-stream', 'text', 'table', 'off'];

export interface FormatOptions {
  format: OutputFormat;
  /** The operation's API name (PascalCase), shown as the table's title. */
  title: string;
  /** JMESPath applied after ResponseMetadata is removed. */
  query?: string;
  /** Terminal columns for table; the CLI uses 80 when stdout is not a TTY. */
  terminalWidth?: number;
  /** Colour table cells (`--color on`, or auto on a TTY). */
  color?: boolean;
}

/**
 * Formats one complete response (a single call, or all pages merged for json/yaml/table).
 * Errors: QueryError (252) for a bad query, OutputError/TableRowError (255) for data a format
 * cannot show.
 */
export function formatOutput(response: unknown, options: FormatOptions): string {
  if (options.format === 'off') return '';
  const value = prepare(response, options.query);
  switch (options.format) {
    case 'json':
      return formatJson(value);
    case 'yaml':
      return formatYaml(value);
    case 'yaml-stream':
      // A single response with no output prints nothing; otherwise it is a one-page stream.
      return isEmptyDict(value) ? '' : yamlStreamPage(value);
    case 'text':
      return formatText(value);
    case 'table':
      return formatTable(value, options.title, { terminalWidth: options.terminalWidth, color: options.color });
  }
}

/** `--output text` for one page of a paginated response (the query is applied to the page). */
export function formatTextPage(page: unknown, query?: string): string {
  return formatText(prepare(page, query));
}

/** `--output yaml-stream` for one page of a paginated response: `- <page>`; `{}` pages included. */
export function formatYamlStreamPage(page: unknown, query?: string): string {
  return yamlStreamPage(prepare(page, query));
}

/**
 * The block the text format prints after the pages when --max-items truncated the output:
 * `NEXTTOKEN\t<token>`. The CLI applies --query to it too (so a query usually turns it into `None`).
 */
export function formatTextResumeToken(token: string, query?: string): string {
  return formatTextPage({ NextToken: { NextToken: token } }, query);
}

// The CLI removes ResponseMetadata (unless the response carries Errors), then applies the query.
// Blobs and dates are turned into text first, so the query sees what the CLI's query sees.
function prepare(response: unknown, query: string | undefined): PyValue {
  let data = toPyValue(response, MAX_NESTING, () => new OutputError(`The response is nested more than ${MAX_NESTING} levels deep and cannot be printed.`, 255));
  if (isDict(data) && 'ResponseMetadata' in data && !('Errors' in data)) {
    const { ResponseMetadata: _dropped, ...rest } = data;
    data = rest;
  }
  if (query !== undefined) data = applyQuery(query, data) as PyValue;
  return data;
}

// The CLI (Python, recursion limit 1000) cannot read or print a response nested this deep; the
// formatters recurse too, so such a response gets a clear error instead of a stack overflow.
const MAX_NESTING = 1000;

function isEmptyDict(value: PyValue): boolean {
  return isDict(value) && Object.keys(value).length === 0;
}
