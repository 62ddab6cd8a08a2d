// `awsdeck <service> <operation> [args]` → the operation's input parameters and paging settings,
// following the AWS CLI v2's argument handling step by step (see arg-table.ts for the flags).
import type { ServiceModel } from '../../engine/models/types.js';
import { ArgParser, type OptionSpec, type PositionalSpec } from './argparse-lite.js';
import { buildArgTable, type ArgDef, type ArgTable } from './arg-table.js';
import { CliArgumentError, paramError } from './errors.js';
import { ParamFileError, readParamFile, type ParamFileContext } from './paramfile.js';
import { parsePythonJson } from './python-json.js';
import { unpackMemberValue, type RawValue, type UnpackContext } from './unpack.js';
import { decodeBase64Blobs } from './blobs.js';
import { operationNameMaps } from './xform-name.js';

export interface PagingOptions {
  startingToken?: string;
  pageSize?: number | string;
  maxItems?: number | string;
  /** true with --no-paginate, or when the user set the service's own token or limit parameter */
  noPaginate: boolean;
}

export interface OperationArgs {
  /** Model operation name (`DescribeInstances`). */
  operationName: string;
  operationCliName: string;
  params: Record<string, unknown>;
  paging: PagingOptions;
  /** The user gave one of the service's own paging parameters (`--next-token`, `--max-keys`, …). */
  userSetPagingParam: boolean;
  /** `… <op> help` was asked for: show help instead of calling. */
  help: boolean;
  /** The positional file name for operations with a streaming output (s3api get-object, lambda invoke). */
  outfile?: string;
  streamingOutputMember?: string;
  generateCliSkeleton?: 'input' | 'output' | 'yaml-input';
  /** Lines the CLI prints on stderr before calling (without the trailing newline). */
  warnings: string[];
}

export interface OperationParseOptions extends ParamFileContext {
  /** --no-paginate from the global options. */
  noPaginate?: boolean;
  /**
   * `base64` (v2's default) decodes text given for blob members; `raw-in-base64-out` sends it as
   * is. Comes from --cli-binary-format or the profile's cli_binary_format.
   */
  binaryFormat?: 'base64' | 'raw-in-base64-out';
  /**
   * The YAML parser for --cli-input-yaml. Injected so the common path never loads a YAML library
   * (the driver imports one only when that flag is present).
   */
  parseYaml?: (text: string) => unknown;
}

const RELAXING_FLAGS = ['--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton'];
const PAGING_KINDS = new Set(['starting-token', 'page-size', 'max-items']);

function optionSpec(arg: ArgDef, relaxRequired: boolean): OptionSpec {
  const required = arg.required && !relaxRequired;
  const intLike = arg.typeName === 'integer' || arg.typeName === 'long';
  switch (arg.kind) {
    case 'bool':
      return { name: arg.name, dest: arg.name, nargs: 'flag', constValue: true, required };
    case 'no-bool':
      return { name: arg.name, dest: arg.name.slice(3), nargs: 'flag', constValue: false };
    case 'pulled-bool':
      return { name: arg.name, dest: arg.name, nargs: 'optional' };
    case 'no-pulled-bool':
      return { name: arg.name, dest: arg.name, nargs: 'flag' };
    case 'page-size':
    case 'max-items':
      return { name: arg.name, dest: arg.name, nargs: 'one', convert: intLike ? 'int' : undefined };
    case 'generate-cli-skeleton':
      return { name: arg.name, dest: arg.name, nargs: 'optional', choices: ['input', 'output', 'yaml-input'] };
    case 'member': {
      const type = arg.typeName;
      const convert = type === 'long' ? 'int' : type === 'float' || type === 'double' ? 'float' : undefined;
      return { name: arg.name, dest: arg.name, nargs: type === 'list' ? 'list' : 'one', convert, required };
    }
    default:
      return { name: arg.name, dest: arg.name, nargs: 'one' };
  }
}

/** Resolve a CLI operation name (`describe-instances`) to the model's name, or throw. */
export function modelOperationName(model: ServiceModel, operationCliName: string): string {
  const name = operationNameMaps(model).byCliName.get(operationCliName);
  if (!name) throw new CliArgumentError(`unknown operation ${operationCliName}`, 'argparse');
  return name;
}

export function parseOperationArgs(
  model: ServiceModel,
  operationCliName: string,
  argv: string[],
  options: OperationParseOptions = {},
): OperationArgs {
  const operationName = modelOperationName(model, operationCliName);
  const table = buildArgTable(model, operationName);
  const base: OperationArgs = {
    operationName,
    operationCliName,
    params: {},
    paging: { noPaginate: options.noPaginate === true },
    userSetPagingParam: false,
    help: false,
    streamingOutputMember: table.streamingOutputMember,
    warnings: [],
  };
  if (argv.length === 1 && argv[0] === 'help') return { ...base, help: true };

  // `--generate-cli-skeleton output` is a stubbed call: required parameters stay required.
  const relax = argv.some((a, i) => RELAXING_FLAGS.includes(a) && !(a === '--generate-cli-skeleton' && argv[i + 1] === 'output'));
  const positionals: PositionalSpec[] = [];
  if (table.streamingOutputMember) positionals.push({ dest: 'outfile', optional: false });
  positionals.push({ dest: 'help', optional: true });
  const parser = new ArgParser(table.args.map((a) => optionSpec(a, relax)), positionals);
  const { values, seen, extras } = parser.parse(argv);

  const helpWord = values.get('help') as string | undefined;
  if (helpWord === 'help') return { ...base, help: true };
  if (helpWord !== undefined) extras.push(helpWord);
  if (extras.length) throw new CliArgumentError(`Unknown options: ${extras.join(', ')}`, 'unknown-options');

  checkBooleanPairs(table, seen);
  const paging = pagingFromArgs(table, values, options.noPaginate === true);
  const ctx: UnpackContext = { model, serviceName: model.name, operationCliName, cwd: options.cwd, env: options.env };
  const params = buildParams(ctx, table, values, seen, paging.paging.noPaginate);
  mergeCliInput(table, values, params, options);

  // A token or limit in the final parameters (also from --cli-input-json) means a single call.
  const userSetPagingParam = paging.userSetPagingParam || table.pagingMembers.some((m) => Object.hasOwn(params, m));
  if (userSetPagingParam) paging.paging.noPaginate = true;
  if ((options.binaryFormat ?? 'base64') === 'base64') decodeBase64Blobs(model, table.operation, params);

  const warnings: string[] = [];
  const maxItems = paging.paging.maxItems;
  if (typeof maxItems === 'number' && maxItems <= 0) warnings.push('warning: Non-positive values for --max-items may result in undefined behavior.');
  const skeleton = values.get('generate-cli-skeleton');
  return {
    ...base,
    params,
    paging: paging.paging,
    userSetPagingParam,
    outfile: values.get('outfile') as string | undefined,
    generateCliSkeleton: seen.has('generate-cli-skeleton') ? ((skeleton ?? 'input') as OperationArgs['generateCliSkeleton']) : undefined,
    warnings,
  };
}

function checkBooleanPairs(table: ArgTable, seen: Set<string>): void {
  for (const arg of table.args) {
    if (arg.kind === 'pulled-bool' && seen.has(arg.name) && seen.has(`no-${arg.name}`)) {
      throw new CliArgumentError(`Cannot specify both the "--${arg.name}" option and the "--no-${arg.name}" option.`, 'param');
    }
  }
}

function pagingFromArgs(table: ArgTable, values: Map<string, unknown>, noPaginateFlag: boolean): { paging: PagingOptions; userSetPagingParam: boolean } {
  let userSetPagingParam = false;
  for (const flag of table.pagingMemberFlags) {
    // --max-items and --starting-token are the CLI's own names even where a member shares them.
    if (flag === 'max-items' || flag === 'starting-token') continue;
    if (values.get(flag) !== undefined) userSetPagingParam = true;
  }
  const noPaginate = noPaginateFlag || userSetPagingParam;
  const paging: PagingOptions = { noPaginate };
  if (!table.paginator) return { paging, userSetPagingParam };
  if (noPaginate) {
    const used = table.args
      .filter((a) => PAGING_KINDS.has(a.kind) && !a.member && isTruthy(values.get(a.name)))
      .map((a) => `--${a.name}`);
    if (used.length) throw new CliArgumentError(`Cannot specify --no-paginate along with pagination arguments: ${used.join(', ')}`, 'param');
    return { paging, userSetPagingParam };
  }
  paging.startingToken = values.get('starting-token') as string | undefined;
  paging.pageSize = values.get('page-size') as number | undefined;
  paging.maxItems = values.get('max-items') as number | undefined;
  return { paging, userSetPagingParam };
}

/** Python truthiness for parsed values (0 and '' are false). */
function isTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== 0 && value !== '';
}

function buildParams(ctx: UnpackContext, table: ArgTable, values: Map<string, unknown>, seen: Set<string>, noPaginate: boolean): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const arg of table.args) {
    if (!arg.member || !seen.has(arg.name)) continue;
    const value = values.get(arg.name);
    switch (arg.kind) {
      case 'member':
        params[arg.member] = unpackMemberValue(ctx, `--${arg.name}`, arg.shape!, value as RawValue);
        break;
      case 'bool':
      case 'no-bool':
        params[arg.member] = arg.kind === 'bool';
        break;
      case 'pulled-bool':
        params[arg.member] = value === null ? { Value: true } : unpackMemberValue(ctx, `--${arg.name}`, arg.shape!, value as RawValue);
        break;
      case 'no-pulled-bool':
        params[arg.member] = { Value: false };
        break;
      default:
        // A paging flag that shadows a member is that member when pagination is off.
        if (PAGING_KINDS.has(arg.kind) && noPaginate && value !== undefined) {
          params[arg.member] = unpackMemberValue(ctx, `--${arg.name}`, arg.shape!, typeof value === 'number' ? String(value) : (value as RawValue));
        }
    }
  }
  return params;
}

function mergeCliInput(table: ArgTable, values: Map<string, unknown>, params: Record<string, unknown>, ctx: OperationParseOptions): void {
  const given = (['cli-input-json', 'cli-input-yaml'] as const).filter((k) => values.get(k) !== undefined);
  if (!given.length) return;
  if (given.length > 1) throw new CliArgumentError('Only one --cli-input- parameter may be specified.', 'param');
  const flag = given[0];
  let text = values.get(flag) as string;
  try {
    const loaded = readParamFile(text, ctx);
    if (loaded !== undefined) text = typeof loaded === 'string' ? loaded : Buffer.from(loaded).toString('utf8');
  } catch (err) {
    if (err instanceof ParamFileError) throw paramError(`--${flag}`, err.message);
    throw err;
  }
  if (flag === 'cli-input-yaml' && !ctx.parseYaml) throw new Error('no YAML parser was given for --cli-input-yaml');
  let loaded: unknown;
  try {
    loaded = flag === 'cli-input-json' ? parsePythonJson(text) : ctx.parseYaml!(text);
  } catch {
    // The CLI names this parameter without dashes here.
    throw paramError(flag, flag === 'cli-input-json' ? 'Invalid JSON received.' : 'Invalid YAML received.');
  }
  if (typeof loaded !== 'object' || loaded === null || Array.isArray(loaded)) {
    throw paramError(`--${flag}`, `Invalid type: expecting map, received ${pythonClassName(loaded)}`);
  }
  for (const [key, value] of Object.entries(loaded)) {
    if (!Object.hasOwn(params, key)) params[key] = value;
  }
  void table;
}

function pythonClassName(value: unknown): string {
  if (Array.isArray(value)) return "<class 'list'>";
  if (value === null) return "<class 'NoneType'>";
  if (typeof value === 'string') return "<class 'str'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  return "<class 'dict'>";
}
