// The `s3` commands' arguments, as the CLI's arg tables define them (names, choices, which
// command takes which), parsed with the same argparse subset as every other command.
import { ArgParser, pythonInt, type OptionSpec } from '../params/argparse-lite.js';
import { CliArgumentError, pyRepr } from '../params/errors.js';

export type S3CommandName = 'ls' | 'cp' | 'mv' | 'rm' | 'sync' | 'mb' | 'rb' | 'presign' | 'website';
export const S3_COMMANDS: S3CommandName[] = ['ls', 'website', 'cp', 'mv', 'rm', 'sync', 'mb', 'rb', 'presign'];

const flag = (name: string, dest = camel(name), constValue: unknown = true): OptionSpec => ({ name, dest, nargs: 'flag', constValue });
const one = (name: string, choices?: string[], convert?: 'int'): OptionSpec => ({ name, dest: camel(name), nargs: 'one', choices, convert });
const optional = (name: string, choices: string[]): OptionSpec => ({ name, dest: camel(name), nargs: 'optional', choices });

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const ACL_CHOICES = ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'];
const STORAGE_CLASSES = ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR'];

const DRYRUN = flag('dryrun');
const QUIET = flag('quiet');
const RECURSIVE = flag('recursive');
const PAGE_SIZE = one('page-size');
const REQUEST_PAYER: OptionSpec = optional('request-payer', ['requester']);
const ONLY_SHOW_ERRORS = flag('only-show-errors');
// --include/--exclude are read in order by readFilters before argparse sees the rest.

const TRANSFER_OPTIONS: OptionSpec[] = [
  DRYRUN, QUIET, one('acl', ACL_CHOICES),
  flag('follow-symlinks', 'followSymlinks', true), flag('no-follow-symlinks', 'followSymlinks', false),
  flag('no-guess-mime-type', 'guessMimeType', false),
  optional('sse', ['AES256', 'aws:kms']), optional('sse-c', ['AES256']), one('sse-c-key'), one('sse-kms-key-id'),
  optional('sse-c-copy-source', ['AES256']), one('sse-c-copy-source-key'),
  one('storage-class', STORAGE_CLASSES), { name: 'grants', dest: 'grants', nargs: 'list' },
  one('website-redirect'), one('content-type'), one('cache-control'), one('content-disposition'),
  one('content-encoding'), one('content-language'), one('expires'), one('source-region'),
  ONLY_SHOW_ERRORS, flag('no-progress', 'progress', false), PAGE_SIZE,
  flag('ignore-glacier-warnings'), flag('force-glacier-transfer'), REQUEST_PAYER,
];
const COPY_OPTIONS: OptionSpec[] = [one('metadata'), one('copy-props', ['none', 'metadata-directive', 'default']), one('metadata-directive', ['COPY', 'REPLACE'])];

const OPTIONS: Record<S3CommandName, OptionSpec[]> = {
  ls: [RECURSIVE, PAGE_SIZE, flag('human-readable'), flag('summarize'), REQUEST_PAYER],
  cp: [...TRANSFER_OPTIONS, ...COPY_OPTIONS, one('expected-size'), RECURSIVE],
  mv: [...TRANSFER_OPTIONS, ...COPY_OPTIONS, RECURSIVE],
  rm: [DRYRUN, QUIET, RECURSIVE, REQUEST_PAYER, ONLY_SHOW_ERRORS, PAGE_SIZE],
  sync: [...TRANSFER_OPTIONS, ...COPY_OPTIONS, flag('size-only'), flag('exact-timestamps'), flag('delete')],
  mb: [],
  rb: [flag('force')],
  presign: [one('expires-in')],
  website: [one('index-document'), one('error-document')],
};

/** How many paths each command takes (the CLI's `paths` positional). */
const PATH_COUNT: Record<S3CommandName, { min: number; max: number; dest: string }> = {
  ls: { min: 0, max: 1, dest: 'paths' }, cp: { min: 2, max: 2, dest: 'paths' }, mv: { min: 2, max: 2, dest: 'paths' },
  sync: { min: 2, max: 2, dest: 'paths' }, rm: { min: 1, max: 1, dest: 'paths' }, website: { min: 1, max: 1, dest: 'paths' },
  mb: { min: 1, max: 1, dest: 'path' }, rb: { min: 1, max: 1, dest: 'path' }, presign: { min: 1, max: 1, dest: 'path' },
};

export type Filter = ['include' | 'exclude', string];

export interface S3Options {
  paths: string[];
  filters: Filter[];
  values: Map<string, unknown>;
  get<T = string>(name: string): T | undefined;
  has(name: string): boolean;
}

const FILTER_COMMANDS: S3CommandName[] = ['cp', 'mv', 'rm', 'sync'];

/** Take --include/--exclude out of argv in the order given (their order decides the outcome). */
function readFilters(args: string[]): { filters: Filter[]; rest: string[] } {
  const filters: Filter[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const match = /^--(include|exclude)(?:=(.*))?$/s.exec(args[i]);
    if (!match) {
      rest.push(args[i]);
      continue;
    }
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new CliArgumentError(`argument --${match[1]}: expected one argument`, 'argparse');
    filters.push([match[1] as Filter[0], value]);
  }
  return { filters, rest };
}

export function parseS3Options(command: S3CommandName, args: string[]): S3Options {
  const { filters, rest } = FILTER_COMMANDS.includes(command) ? readFilters(args) : { filters: [], rest: args };
  const count = PATH_COUNT[command];
  const positionals = Array.from({ length: count.max }, (_, i) => ({ dest: `path${i}`, optional: i >= count.min }));
  const parser = new ArgParser(OPTIONS[command], positionals);
  let parsed;
  try {
    parsed = parser.parse(rest);
  } catch (err) {
    // argparse names the positional as the arg table does (`paths` / `path`).
    if (err instanceof CliArgumentError && /required: path\d/.test(err.message)) {
      throw new CliArgumentError(`the following arguments are required: ${count.dest}`, 'argparse');
    }
    throw err;
  }
  if (parsed.extras.length) throw new CliArgumentError(`Unknown options: ${parsed.extras.join(', ')}`, 'param');
  const paths: string[] = [];
  for (let i = 0; i < count.max; i++) {
    const value = parsed.values.get(`path${i}`);
    if (typeof value === 'string') paths.push(value);
  }
  const values = parsed.values;
  return {
    paths,
    filters,
    values,
    get: <T>(name: string) => values.get(name) as T | undefined,
    has: (name: string) => values.get(name) !== undefined && values.get(name) !== false,
  };
}

/** The CLI converts `integer` options after parsing: a bad value escapes as Python's ValueError. */
export function integerOption(options: S3Options, name: string): number | undefined {
  const raw = options.get(name);
  if (raw === undefined) return undefined;
  const n = pythonInt(raw);
  if (n === undefined) throw new CliArgumentError(`invalid literal for int() with base 10: ${pyRepr(raw)}`, 'uncaught');
  return n;
}
