// "Show as CLI": the `aws …` command line that prints the rows of a view (with --query and
// --output text), so what was found in the dashboard can be scripted.
import { loadService } from '../../engine/models/loader.js';
import { memberFlag, operationNameMaps } from '../../cli/params/xform-name.js';
import { projectionOf } from './listing.js';
import type { ColumnSpec } from '../../../services/types.js';

/** POSIX shell quoting: bare when safe, else single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function paramArgs(params: Record<string, unknown>): string[] {
  const args: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    args.push(memberFlag(key));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) args.push(...value.map((v) => shellQuote(String(v))));
    else if (typeof value === 'object') args.push(shellQuote(JSON.stringify(value)));
    // An empty string must still be an argument: `--prefix ''`.
    else args.push(value === '' ? "''" : shellQuote(String(value)));
  }
  return args;
}

/** The query giving one row per item: `Reservations[].Instances[].[InstanceId, …]`. */
export function rowsQuery(items: string[], columns: ColumnSpec[]): string {
  const projection = projectionOf(columns);
  if (items.length === 1) return `${items[0]}.${projection}`;
  // Several sources in order, as the merged result holds them: `[CommonPrefixes, Contents][]`.
  const lists = items.map((s) => s.replace(/\[\]$/, ''));
  return `[${lists.join(', ')}][].${projection}`;
}

export interface CliLineRequest {
  service: string;
  operation: string;
  params: Record<string, unknown>;
  query: string;
  region?: string;
  profile?: string;
}

export function cliLine(request: CliLineRequest): string {
  const model = loadService(request.service);
  const operation = operationNameMaps(model).byModelName.get(request.operation) ?? request.operation;
  const words = ['aws', request.service, operation, ...paramArgs(request.params)];
  if (request.region) words.push('--region', shellQuote(request.region));
  if (request.profile) words.push('--profile', shellQuote(request.profile));
  words.push('--query', shellQuote(request.query), '--output', 'text');
  return words.join(' ');
}
