// `:<service> <operation> [--param value …]` in the palette: any read operation of any service,
// parsed by the CLI's own argument parser. A paginated result becomes a table whose columns come
// from the member shape of the paginator's result list; anything else is shown as a detail.
import { hasService, loadService } from '../../engine/models/loader.js';
import { isScalarType, resolveShape } from '../../engine/models/shapes.js';
import type { ServiceModel, Shape } from '../../engine/models/types.js';
import { modelOperationName, operationNameMaps, parseOperationArgs } from '../../cli/params/index.js';
import type { ColumnSpec, ResourceDescriptor } from '../../../services/types.js';

const READ_PREFIXES = /^(Describe|List|Get|Head|Search|Lookup|Scan|Query|BatchGet)/;

export function isReadOperation(model: ServiceModel, operation: string): boolean {
  if (!READ_PREFIXES.test(operation)) return false;
  const output = model.operations[operation]?.output;
  if (!output) return true;
  // A streamed body (GetObject, Lambda's GetFunction is fine) belongs in a file, not a table.
  const shape = resolveShape(model, output);
  return !Object.values(shape.members ?? {}).some((m) => resolveShape(model, m).streaming || m.streaming);
}

/** Read operations of a service by CLI name, for completion. */
export function readOperationNames(service: string): string[] {
  const model = loadService(service);
  return [...operationNameMaps(model).byCliName].filter(([, op]) => isReadOperation(model, op)).map(([cli]) => cli);
}

export const isServiceName = (word: string) => word !== '' && hasService(word);

/** Splits a palette line into words as a shell would (quotes, backslashes). */
export function splitArgs(text: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current ??= '';
    } else if (ch === '\\' && i + 1 < text.length) current = (current ?? '') + text[++i];
    else if (/\s/.test(ch)) {
      if (current !== undefined) words.push(current);
      current = undefined;
    } else current = (current ?? '') + ch;
  }
  if (quote) throw new Error(`unclosed ${quote} quote`);
  if (current !== undefined) words.push(current);
  return words;
}

/**
 * Scalar members of the listed items, identifiers and names first (at most 8 columns). The item's
 * own id leads (`VpcId` of `Vpcs`, not `DhcpOptionsId`): the first column is what `y` copies.
 */
export function columnsFromShape(model: ServiceModel, member: Shape, resultKey = ''): ColumnSpec[] {
  const names = Object.entries(member.members ?? {})
    .filter(([, ref]) => isScalarType(resolveShape(model, ref).type))
    .map(([name]) => name);
  const singular = (resultKey.split('.').pop() ?? '').replace(/ies$/, 'y').replace(/s$/, '').toLowerCase();
  const ownId = (name: string) => {
    const stem = /^(.+)(Id|ID)$/.exec(name)?.[1].toLowerCase();
    return stem !== undefined && singular.endsWith(stem);
  };
  const rank = (name: string) => (ownId(name) ? -1 : /(Id|Arn|ID)$/.test(name) ? 0 : /(Name|^Key)$/.test(name) ? 1 : 2);
  const ordered = names.map((name, i) => ({ name, i })).sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i).map((x) => x.name);
  const chosen = ordered.slice(0, 8);
  return chosen.map((name, i) => {
    const numeric = ['integer', 'long', 'double', 'float'].includes(resolveShape(model, member.members![name]).type);
    return { id: name, title: name, path: name, min: Math.min(10, name.length), max: 48, grow: i === chosen.length - 1 ? 1 : 0, align: numeric ? 'right' : 'left' };
  });
}

/** The list shape a paginator's result key (a dotted path) points at in the output. */
function resultListShape(model: ServiceModel, operation: string, resultKey: string): Shape | undefined {
  let shape: Shape | undefined = resolveShape(model, model.operations[operation].output);
  for (const part of resultKey.split('.')) {
    const ref = shape?.members?.[part];
    if (!ref) return undefined;
    shape = resolveShape(model, ref);
  }
  return shape?.type === 'list' && shape.member ? resolveShape(model, shape.member) : undefined;
}

export type OperationRequest =
  | { kind: 'table'; descriptor: ResourceDescriptor; params: Record<string, unknown> }
  | { kind: 'detail'; service: string; operation: string; params: Record<string, unknown>; title: string };

/** Parses `ec2 describe-vpcs --filters Name=x,Values=y`; throws with the CLI's message on bad input. */
export function operationRequest(service: string, operationCli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): OperationRequest {
  const model = loadService(service);
  // Refused before its arguments are parsed: `:ec2 run-instances` says so, not "--max-count is required".
  const operation = modelOperationName(model, operationCli);
  if (!isReadOperation(model, operation)) {
    throw new Error(`${service} ${operationCli} is not a read operation: the palette only runs Describe/List/Get… calls (use the command line for changes)`);
  }
  const params = parseOperationArgs(model, operationCli, args, { cwd, env, noPaginate: false }).params;
  const paginator = model.paginators[operation];
  const resultKey = paginator ? [paginator.result_key ?? []].flat()[0] : undefined;
  const member = resultKey ? resultListShape(model, operation, resultKey) : undefined;
  const title = `${service} ${operationCli}`;
  if (!resultKey || !member) return { kind: 'detail', service, operation, params, title };
  const columns = member.type === 'structure'
    ? columnsFromShape(model, member, resultKey)
    : [{ id: 'value', title: resultKey, path: '@', min: 8, grow: 1 }];
  const idColumn = columns[0]?.path ?? '@';
  const descriptor: ResourceDescriptor = {
    id: `${service}.${operationCli}`,
    title,
    aliases: [],
    service,
    operation,
    params: () => params,
    items: [`${resultKey}[]`],
    columns: columns.length ? columns : [{ id: 'value', title: 'Value', path: '@', min: 8, grow: 1 }],
    identity: { id: idColumn, arn: (item) => Object.entries(item).find(([k, v]) => /Arn$/.test(k) && typeof v === 'string')?.[1] as string | undefined },
    detail: 'row',
  };
  return { kind: 'table', descriptor, params };
}
