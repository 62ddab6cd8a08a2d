// What to offer for the word under the cursor, computed from the command line the way the AWS CLI's
// aws_completer reads it (COMP_LINE up to COMP_POINT, split on blanks): commands, then a service's
// operations, then option names, with values for the options that have a known set of them.
// Unlike aws_completer (v1), an option's values are offered as soon as the option is the previous
// word (v1 needed the cursor still on the option), options already on the line are left out as v1
// does, and an operation's enum parameters, --region, s3:// paths and local files complete too.
import { loadConfigFiles } from '../../engine/config/files.js';
import { loadService, parameterEnum, serviceNames } from '../../engine/models/loader.js';
import { resolveShape } from '../../engine/models/shapes.js';
import type { ServiceModel } from '../../engine/models/types.js';
import { KNOWN_REGIONS } from '../../engine/sso/regions.js';
import { COMMAND_GROUPS, SHELLS, commandGroup } from '../command-groups.js';
import { buildArgTable, type ArgDef } from '../params/arg-table.js';
import { GLOBAL_OPTION_SPECS } from '../params/global-args.js';
import { operationNameMaps } from '../params/xform-name.js';

export interface Completion {
  /** Whole words (the current word completed), in the order to show them. */
  words: string[];
  /** Nothing of ours fits: let the shell complete file names (local paths of `s3 cp`, file:// values). */
  files?: boolean;
}

export interface CompletionContext {
  env: NodeJS.ProcessEnv;
  /** Lists `s3://bucket/prefix…` candidates; absent or failing means no candidates. */
  listS3?: (path: string, globalWords: string[]) => Promise<string[]>;
}

const S3_PATH_COMMANDS = new Set(['ls', 'cp', 'mv', 'rm', 'sync', 'mb', 'rb', 'presign', 'website']);

interface LineState {
  /** Positional words before the cursor, after the program name: command, operation, paths. */
  positionals: string[];
  /** Every option word before the current one, `--name` (a `--name=value` counted as its name). */
  options: string[];
  /** The option whose value the current word is, if any. */
  valueOf?: string;
  /** The words before the current one, without the program name (for --profile/--region of s3 listing). */
  before: string[];
  current: string;
}

/** Splits a line as aws_completer does (blanks), keeping an empty current word after a blank. */
export function splitLine(line: string, point = line.length): { before: string[]; current: string } {
  const upto = line.slice(0, point);
  const words = upto.split(/\s+/).filter((w) => w !== '');
  const current = /\s$/.test(upto) || words.length === 0 ? '' : words.pop()!;
  return { before: words.slice(1), current: unquote(current) };
}

function unquote(word: string): string {
  return word.replace(/^['"]/, '').replace(/['"]$/, '');
}

export async function complete(line: string, point: number | undefined, ctx: CompletionContext): Promise<Completion> {
  const { before, current } = splitLine(line, point);
  const state = readLine(before, current);
  const [command, second] = state.positionals;
  const service = command !== undefined && !commandGroup(command) && serviceNames().includes(command) ? command : undefined;
  const args = service && second ? operationArgs(service, second) : undefined;

  if (state.valueOf) return valuesOf(state.valueOf, current, args, ctx);
  if (current.startsWith('-')) return words(optionNames(state, args), current);

  if (command === undefined) return words([...COMMAND_GROUPS.map((g) => g.name), ...serviceNames()], current);
  const group = commandGroup(command);
  if (group) {
    if (state.positionals.length === 1) {
      if (group.subcommands) return words(group.subcommands, current);
      if (group.argument === 'profile') return words(profileNames(ctx.env), current);
      if (group.argument === 'shell') return words(SHELLS, current);
      return { words: [] };
    }
    if (command === 's3' && second !== undefined && S3_PATH_COMMANDS.has(second)) return s3Path(current, state.before, ctx);
    return { words: [] };
  }
  if (service && state.positionals.length === 1) return words([...operationNameMaps(loadService(service)).byCliName.keys()], current);
  return { words: [] };
}

function readLine(before: string[], current: string): LineState {
  const positionals: string[] = [];
  const options: string[] = [];
  let valueOf: string | undefined;
  let command: string | undefined;
  let second: string | undefined;
  for (const word of before) {
    if (valueOf) {
      valueOf = undefined;
      continue;
    }
    if (word.startsWith('--')) {
      const [name, inline] = splitInline(word);
      options.push(name);
      if (inline === undefined && takesValue(name, command, second)) valueOf = name;
      continue;
    }
    positionals.push(word);
    if (positionals.length === 1) command = word;
    else if (positionals.length === 2) second = word;
  }
  return { positionals, options, valueOf, before, current };
}

function splitInline(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}

const GLOBAL_WITH_VALUE = new Set(GLOBAL_OPTION_SPECS.filter((s) => s.nargs !== 'flag').map((s) => `--${s.name}`));
const USE_OPTIONS = ['--region'];

function takesValue(option: string, command: string | undefined, second: string | undefined): boolean {
  if (GLOBAL_WITH_VALUE.has(option)) return true;
  if (command === undefined || second === undefined || commandGroup(command) || !serviceNames().includes(command)) return false;
  const arg = operationArgs(command, second)?.args.find((a) => `--${a.name}` === option);
  return arg !== undefined && arg.kind !== 'bool' && arg.kind !== 'no-bool' && arg.kind !== 'pulled-bool' && arg.kind !== 'no-pulled-bool' && arg.kind !== 'generate-cli-skeleton';
}

interface OperationArgs { model: ServiceModel; operation: string; args: ArgDef[] }

const argsCache = new Map<string, OperationArgs | undefined>();

/** The operation's documented arguments in help order, or undefined for an unknown operation. */
function operationArgs(service: string, operation: string): OperationArgs | undefined {
  const key = `${service} ${operation}`;
  if (!argsCache.has(key)) argsCache.set(key, readOperationArgs(service, operation));
  return argsCache.get(key);
}

function readOperationArgs(service: string, operation: string): OperationArgs | undefined {
  const model = loadService(service);
  const opName = operationNameMaps(model).byCliName.get(operation);
  if (!opName) return undefined;
  return { model, operation: opName, args: buildArgTable(model, opName).args.filter((a) => !a.hidden) };
}

function optionNames(state: LineState, op: OperationArgs | undefined): string[] {
  const own = op?.args.map((a) => `--${a.name}`) ?? [];
  const extra = state.positionals[0] === 'use' ? USE_OPTIONS : [];
  // Options already given are not offered again (aws_completer does the same).
  const given = new Set(state.options);
  const all = [...own, ...extra, ...GLOBAL_OPTION_SPECS.map((s) => `--${s.name}`)];
  return [...new Set(all)].filter((o) => !given.has(o));
}

function valuesOf(option: string, current: string, op: OperationArgs | undefined, ctx: CompletionContext): Completion {
  const spec = GLOBAL_OPTION_SPECS.find((s) => `--${s.name}` === option);
  if (option === '--profile') return words(profileNames(ctx.env), current);
  if (option === '--region') return words(KNOWN_REGIONS, current);
  if (spec?.choices) return words(spec.choices, current);
  if (spec) return { words: [] };
  const arg = op?.args.find((a) => `--${a.name}` === option);
  const choices = arg?.member ? enumValues(op!, arg) : [];
  if (choices.length) return words(choices, current);
  // Any parameter may be given as file://… or fileb://…: offer files once that prefix is typed.
  if (/^fileb?:\/\//.test(current)) return { words: [], files: true };
  return { words: [] };
}

/** An enum parameter's values, or a list of enum's (`--instance-types t3.micro …`). */
function enumValues(op: OperationArgs, arg: ArgDef): string[] {
  if (arg.shape?.enum) return arg.shape.enum;
  if (arg.shape?.type === 'list' && arg.shape.member) {
    const member = resolveShape(op.model, arg.shape.member);
    if (member.enum) return member.enum;
  }
  return parameterEnum(op.model, op.operation, arg.member!) ?? [];
}

export function profileNames(env: NodeJS.ProcessEnv): string[] {
  try {
    return loadConfigFiles(env).listProfiles();
  } catch {
    return [];
  }
}

async function s3Path(current: string, before: string[], ctx: CompletionContext): Promise<Completion> {
  if (current !== '' && current.length < 's3://'.length && 's3://'.startsWith(current)) return { words: ['s3://'] };
  if (!current.startsWith('s3://')) return { words: [], files: true };
  try {
    return words((await ctx.listS3?.(current, before)) ?? [], current);
  } catch {
    return { words: [] };
  }
}

function words(candidates: readonly string[], current: string): Completion {
  return { words: candidates.filter((c) => c.startsWith(current)) };
}
