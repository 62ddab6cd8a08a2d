// Plain-text help: `awsdeck help`, `awsdeck <service> help`, `awsdeck <service> <op> help`.
// Model documentation is stripped from the shipped models, so help shows names, types, enums and
// which parameters are required, in the CLI's names.
import type { ServiceModel } from '../../engine/models/types.js';
import { serviceNames } from '../../engine/models/loader.js';
import { COMMAND_GROUPS } from '../command-groups.js';
import { GLOBAL_OPTION_SPECS } from '../params/global-args.js';
import { operationCliNames, operationNameMaps } from '../params/xform-name.js';
import { buildArgTable, type ArgDef } from '../params/arg-table.js';
import { describeShape, shorthandExample, typeLabel } from './shape-text.js';

const GLOBAL_HINT = 'Global options (see `awsdeck help`) may appear anywhere on the line.';

function columns(items: string[], width = 80): string[] {
  const colWidth = Math.max(...items.map((i) => i.length), 1) + 2;
  const perLine = Math.max(1, Math.floor((width - 2) / colWidth));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) {
    lines.push(`  ${items.slice(i, i + perLine).map((s) => s.padEnd(colWidth)).join('').trimEnd()}`);
  }
  return lines;
}

function globalOptionLines(): string[] {
  return GLOBAL_OPTION_SPECS.map((spec) => {
    const value = spec.nargs === 'flag' ? '' : spec.choices ? ` <${spec.choices.join('|')}>` : ' <value>';
    return `  --${spec.name}${value}`;
  });
}

/** awsdeck's own command groups, one line each. */
function commandLines(): string[] {
  const width = Math.max(...COMMAND_GROUPS.map((g) => g.usage.length)) + 2;
  return COMMAND_GROUPS.map((g) => `  awsdeck ${g.usage.padEnd(width)}${g.summary}`);
}

export function topLevelHelp(services: string[] = serviceNames()): string {
  return [
    'awsdeck: a terminal UI and AWS-CLI-compatible command line',
    '',
    'Usage:',
    '  awsdeck                               open the dashboard',
    '  awsdeck --demo                        open the dashboard against the built-in sandbox',
    '                                        (AWSDECK_SANDBOX_FAULTS=SPEC injects faults: awsdeck sandbox --help)',
    '  awsdeck --profile P [--region R]      open the dashboard on profile P (then :ec2, :s3, … browse)',
    '  awsdeck --read-only                   the dashboard without any action that changes AWS or your config',
    '                                        files (S3 downloads and presigned URLs stay: they change nothing)',
    '  awsdeck s3 ls|cp|mv|rm|sync|mb|rb|presign|website …',
    '                                        the AWS CLI\'s S3 transfer commands (awsdeck s3 help)',
    '  awsdeck <service> <operation> [parameters] [global options]',
    '  awsdeck <service> help                list the operations of a service',
    '  awsdeck <service> <operation> help    show an operation\'s parameters',
    '',
    'If the dashboard crashes, it restores the terminal and says where its report is',
    '($XDG_STATE_HOME/awsdeck/crash-<time>.txt, without credentials or environment values).',
    '',
    'Commands:',
    ...commandLines(),
    '',
    'Global options:',
    ...globalOptionLines(),
    '',
    `Services (${services.length}):`,
    ...columns([...services].sort()),
    '',
  ].join('\n');
}

/** `extraCommands`: lines for commands awsdeck adds beside the model's operations (sso login, …). */
export function serviceHelp(model: ServiceModel, extraCommands: string[] = []): string {
  const commandNames = new Set(extraCommands.map((line) => line.trim().split(/\s+/)[0]));
  const ops = operationCliNames(model).filter((op) => !commandNames.has(op));
  const meta = model.metadata;
  return [
    `${model.name}${meta.serviceFullName ? ` (${meta.serviceFullName})` : ''}`,
    '',
    `Usage: awsdeck ${model.name} <operation> [parameters]`,
    '',
    `Operations (${ops.length}):`,
    ...ops.map((op) => `  ${op}${model.paginators?.[operationNameMaps(model).byCliName.get(op)!] ? '  (paginated)' : ''}`),
    '',
    ...(extraCommands.length ? ['Commands:', ...extraCommands, ''] : []),
    `Run \`awsdeck ${model.name} <operation> help\` for an operation's parameters.`,
    '',
  ].join('\n');
}

function synopsisEntry(arg: ArgDef, all: ArgDef[]): string | undefined {
  switch (arg.kind) {
    case 'no-bool':
    case 'no-pulled-bool':
    case 'cli-input-yaml':
      return undefined;
    case 'bool':
    case 'pulled-bool':
      return `[--${arg.name} | --no-${arg.name}]`;
    case 'cli-input-json':
      return all.some((a) => a.kind === 'cli-input-yaml') ? '[--cli-input-json | --cli-input-yaml]' : '[--cli-input-json <value>]';
    default: {
      return arg.required ? `--${arg.name} <value>` : `[--${arg.name} <value>]`;
    }
  }
}

export function operationHelp(model: ServiceModel, operationCliName: string): string {
  const opName = operationNameMaps(model).byCliName.get(operationCliName);
  if (!opName) throw new Error(`unknown operation ${operationCliName}`);
  const table = buildArgTable(model, opName);
  const visible = table.args.filter((a) => !a.hidden);
  const synopsis = visible.map((a) => synopsisEntry(a, visible)).filter((s): s is string => !!s);
  if (table.streamingOutputMember) synopsis.push('<outfile>');
  const lines = [
    `${model.name} ${operationCliName}  (${opName})`,
    '',
    'Synopsis:',
    `  awsdeck ${model.name} ${operationCliName}`,
    ...synopsis.map((s) => `    ${s}`),
    '',
    'Parameters:',
  ];
  for (const arg of visible) {
    if (arg.kind === 'no-bool' || arg.kind === 'no-pulled-bool') continue;
    lines.push(...parameterLines(model, arg));
  }
  if (table.streamingOutputMember) {
    lines.push(`  outfile (string, required)`, `      file to write the ${table.streamingOutputMember} output to`);
  }
  if (table.paginator) {
    lines.push(
      '',
      `${operationCliName} is paginated: all pages are fetched unless --no-paginate is given.`,
      `Its own paging parameters (${table.pagingMemberFlags.map((f) => `--${f}`).join(', ')}) still work and make a single call.`,
    );
  }
  lines.push('', GLOBAL_HINT, '');
  return lines.join('\n');
}

function parameterLines(model: ServiceModel, arg: ArgDef): string[] {
  const flag = arg.kind === 'bool' || arg.kind === 'pulled-bool' ? `--${arg.name} | --no-${arg.name}` : `--${arg.name}`;
  const req = arg.required ? 'required' : 'optional';
  if (!arg.shape) return [`  ${flag} (${arg.typeName}, ${req})`, `      ${builtInDescription(arg)}`];
  const lines = [`  ${flag} (${typeLabel(model, arg.shape)}, ${req})`];
  lines.push(...describeShape(model, arg.shape).map((l) => `      ${l}`));
  const example = shorthandExample(model, arg.shape);
  if (example) lines.push(`      Shorthand: ${example}`);
  return lines;
}

function builtInDescription(arg: ArgDef): string {
  switch (arg.kind) {
    case 'starting-token': return 'resume from the NextToken of an earlier truncated output';
    case 'page-size': return 'items per service call (does not change the total)';
    case 'max-items': return 'total items to print; a NextToken is printed to resume';
    case 'cli-input-json': return 'read parameters from JSON (a string or file://path); flags win';
    case 'cli-input-yaml': return 'read parameters from YAML (a string or file://path); flags win';
    case 'generate-cli-skeleton': return 'print a parameter skeleton (input | output | yaml-input) instead of calling';
    default: return '';
  }
}
