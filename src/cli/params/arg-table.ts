// The argument table of one operation, built from its input shape the way the AWS CLI builds it:
// one flag per member, --x/--no-x for booleans, EC2's pulled-up {Value: bool} pairs, the unified
// paging flags replacing (and hiding) the service's own, --cli-input-json/yaml, and the outfile
// positional for streaming output.
import type { OperationModel, PaginatorConfig, ServiceModel, Shape } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { xformName } from './xform-name.js';

export type ArgKind =
  | 'member' | 'bool' | 'no-bool' | 'pulled-bool' | 'no-pulled-bool'
  | 'starting-token' | 'page-size' | 'max-items'
  | 'cli-input-json' | 'cli-input-yaml' | 'generate-cli-skeleton';

export interface ArgDef {
  /** flag without dashes */
  name: string;
  kind: ArgKind;
  /** input member the value goes to (members, booleans, and paging flags that shadow a member) */
  member?: string;
  shape?: Shape;
  required: boolean;
  /** kept working but left out of help (the service's own paging parameters) */
  hidden: boolean;
  /** type shown in help and used for paging values */
  typeName: string;
}

export interface ArgTable {
  operation: OperationModel;
  operationName: string;
  args: ArgDef[];
  paginator?: PaginatorConfig;
  /** The service's own paging parameters (CLI names) that switch auto-pagination off. */
  pagingMemberFlags: string[];
  /** Model names of the paginator's input tokens and limit key. */
  pagingMembers: string[];
  /** Output member written to the `outfile` positional, when the output is a stream. */
  streamingOutputMember?: string;
}

export function isDocumentShape(shape: Shape): boolean {
  return shape.type === 'structure' && shape.document === true;
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isPulledUpBoolean(model: ServiceModel, shape: Shape): boolean {
  if (shape.type !== 'structure' || !shape.members) return false;
  const names = Object.keys(shape.members);
  return names.length === 1 && names[0] === 'Value' && resolveShape(model, shape.members.Value).type === 'boolean';
}

function streamingOutputMember(model: ServiceModel, op: OperationModel): string | undefined {
  if (!op.output) return undefined;
  const output = resolveShape(model, op.output);
  const payload = output.payload;
  if (!payload || !output.members?.[payload]) return undefined;
  const shape = resolveShape(model, output.members[payload]);
  // botocore treats any blob payload as a streaming output (lambda invoke's Payload included);
  // the CLI's s3events customization gives select-object-content's event stream an outfile too.
  return shape.type === 'blob' || (shape.eventstream && model.name === 's3api') ? payload : undefined;
}

const tableCache = new WeakMap<OperationModel, ArgTable>();

export function buildArgTable(model: ServiceModel, operationName: string): ArgTable {
  const operation = model.operations[operationName];
  if (!operation) throw new Error(`unknown operation ${operationName}`);
  const cached = tableCache.get(operation);
  if (cached) return cached;
  const args: ArgDef[] = [];
  const input = operation.input ? resolveShape(model, operation.input) : undefined;
  const required = new Set(input?.required ?? []);
  for (const [member, ref] of Object.entries(input?.members ?? {})) {
    const shape = resolveShape(model, ref);
    const name = xformName(member, '-');
    // Idempotency tokens are filled in automatically, so never required on the command line.
    const isRequired = required.has(member) && !shape.idempotencyToken;
    if (shape.type === 'boolean') {
      args.push({ name, kind: 'bool', member, shape, required: isRequired, hidden: false, typeName: 'boolean' });
      args.push({ name: `no-${name}`, kind: 'no-bool', member, shape, required: false, hidden: false, typeName: 'boolean' });
    } else if (model.name === 'ec2' && isPulledUpBoolean(model, shape)) {
      args.push({ name, kind: 'pulled-bool', member, shape, required: false, hidden: false, typeName: 'boolean' });
      args.push({ name: `no-${name}`, kind: 'no-pulled-bool', member, shape, required: false, hidden: false, typeName: 'boolean' });
    } else {
      args.push({ name, kind: 'member', member, shape, required: isRequired, hidden: false, typeName: shape.type });
    }
  }
  const streamMember = streamingOutputMember(model, operation);
  if (!streamMember) {
    args.push({ name: 'cli-input-json', kind: 'cli-input-json', required: false, hidden: false, typeName: 'string' });
    args.push({ name: 'cli-input-yaml', kind: 'cli-input-yaml', required: false, hidden: false, typeName: 'string' });
  }
  const paginator = model.paginators?.[operationName];
  const pagingMembers: string[] = [];
  if (paginator) addPagingArgs(model, input, paginator, args, pagingMembers);
  // As in the CLI, an operation that writes its output to a file has no skeleton.
  if (!streamMember) args.push({ name: 'generate-cli-skeleton', kind: 'generate-cli-skeleton', required: false, hidden: false, typeName: 'string' });
  const table: ArgTable = {
    operation,
    operationName,
    args,
    paginator,
    pagingMembers,
    pagingMemberFlags: pagingMembers.map((m) => xformName(m, '-')),
    streamingOutputMember: streamMember,
  };
  tableCache.set(operation, table);
  return table;
}

function addPagingArgs(model: ServiceModel, input: Shape | undefined, paginator: PaginatorConfig, args: ArgDef[], pagingMembers: string[]): void {
  pagingMembers.push(...asList(paginator.input_token));
  if (paginator.limit_key) pagingMembers.push(paginator.limit_key);
  for (const member of pagingMembers) {
    const arg = args.find((a) => a.member === member && (a.kind === 'member' || a.kind === 'bool'));
    if (arg) arg.hidden = true;
  }
  let limitType = 'integer';
  if (paginator.limit_key && input?.members?.[paginator.limit_key]) {
    limitType = resolveShape(model, input.members[paginator.limit_key]).type;
  }
  const paging: Array<[ArgKind, string]> = [['starting-token', 'string']];
  if (paginator.limit_key) paging.push(['page-size', limitType]);
  paging.push(['max-items', limitType]);
  for (const [kind, typeName] of paging) {
    // A member with the same flag (Lambda's MaxItems) is shadowed: with pagination off it is that member.
    const index = args.findIndex((a) => a.name === kind);
    const shadowed = index >= 0 ? args.splice(index, 1)[0] : undefined;
    args.push({ name: kind, kind, member: shadowed?.member, shape: shadowed?.shape, required: false, hidden: false, typeName });
  }
}
