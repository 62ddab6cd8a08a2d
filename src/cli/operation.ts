// `awsdeck <service> <operation> [params] [global options]`: parse, resolve settings and
// credentials, call (paginating like the CLI), then print exactly what the AWS CLI prints.
import { writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { describeSource, resolveSettings, type ResolvedSettings } from '../engine/config/index.js';
import { resolveCredentials, type CredentialProvider } from '../engine/credentials/index.js';
import { createClient, type AwsClient, type OperationResult } from '../engine/http/client.js';
import type { PageIterator } from '../engine/http/paginate.js';
import { loadService, serviceNames } from '../engine/models/loader.js';
import type { ServiceModel } from '../engine/models/types.js';
import { formatOutput, formatTextPage, formatTextResumeToken, formatYamlStreamPage, validateQuery, type OutputFormat } from '../engine/output/index.js';
import { ExitCode, type CliIO } from './io.js';
import { checkChoice, parseGlobalArgs, parseOperationArgs, splitOperation, operationCliNames, xformName, type GlobalOptions, type OperationArgs } from './params/index.js';
import { reportError } from './report-error.js';
import { BUILTIN_COMMANDS } from './builtins.js';
import { GLOBAL_OPTION_SPECS } from './params/global-args.js';
import { EventStream } from '../engine/eventstream/events.js';
import { isLiveTail, printLiveTail, writeRecords } from './event-streams.js';

const GLOBALS_WITH_VALUE = new Set(GLOBAL_OPTION_SPECS.filter((s) => s.nargs === 'one').map((s) => `--${s.name}`));

/** The CLI's choices after a service: its operations, then `wait` (when it has waiters), then `help`. */
export function operationChoices(model: ServiceModel): string[] {
  return [...operationCliNames(model), ...(Object.keys(model.waiters).length > 0 ? ['wait'] : []), 'help'];
}

/** awsdeck's own commands that main() routes when they come first. */
const ROUTED_BY_MAIN = new Set(['configure', 'sandbox', 'audit', 'exec', 'completion', 'shell-init', 'use']);

/** `[globals…] command args…` → `command args… globals…`. */
function commandFirst(argv: string[], command: string): string[] {
  let at = 0;
  while (at < argv.length && argv[at] !== command) at += GLOBALS_WITH_VALUE.has(argv[at]!) ? 2 : 1;
  return [command, ...argv.slice(at + 1), ...argv.slice(0, at)];
}

export async function runOperationCommand(argv: string[], io: CliIO): Promise<number> {
  let debug = false;
  try {
    const { globals, command, rest } = parseGlobalArgs(argv);
    debug = globals.debug;
    if (globals.version) {
      const { versionLine } = await import('./main.js');
      io.stdout.write(`${versionLine()}\n`);
      return ExitCode.ok;
    }
    const { usageRequired } = await import('./builtins.js');
    if (command === undefined) return usageRequired(io, 'command');
    // `awsdeck --profile p s3 ls`: global options came first, so main() could not route it.
    if (command === 's3') return (await import('./s3/index.js')).runS3(globals, rest, io);
    // `awsdeck --region r configure list`: the command's own options, then the global ones.
    if (ROUTED_BY_MAIN.has(command)) return (await import('./main.js')).main(commandFirst(argv, command), io);
    checkChoice('command', command, [...BUILTIN_COMMANDS, ...serviceNames()]);
    const model = loadService(command);
    const sso = command === 'sso' ? await import('./sso/index.js') : undefined;
    if (sso?.isSsoCommand(rest[0])) return await sso.runSso(sso.ssoCommandArgv(argv, rest[0]!, GLOBALS_WITH_VALUE), io);
    if (rest[0] === 'help') {
      const { serviceHelp } = await import('./help/index.js');
      io.stdout.write(serviceHelp(model, sso?.SSO_COMMAND_LINES));
      return ExitCode.ok;
    }
    if (rest[0] === 'wait' && Object.keys(model.waiters).length > 0) return await runWait(model, rest.slice(1), globals, io);
    const choices = operationCliNames(model);
    const { operation, args } = splitOperation(rest, sso ? sso.ssoChoices(choices) : operationChoices(model));
    if (globals.query !== undefined) validateQuery(globals.query);
    const settings = resolveSettings({ env: io.env, flags: settingsFlags(globals) });
    const parsed = parseOperationArgs(model, operation, args, {
      noPaginate: !globals.paginate,
      cwd: io.cwd,
      env: io.env,
      binaryFormat: (globals.cliBinaryFormat ?? settings.cliBinaryFormat.value) as 'base64' | 'raw-in-base64-out',
      parseYaml: await yamlParserIfNeeded(args),
    });
    if (parsed.help) {
      const { operationHelp } = await import('./help/index.js');
      io.stdout.write(operationHelp(model, parsed.operationCliName));
      return ExitCode.ok;
    }
    for (const warning of parsed.warnings) io.stderr.write(`${warning}\n`);
    if (parsed.generateCliSkeleton) return await printSkeleton(model, parsed, globals, settings, io);
    const client = clientFor(model, globals, settings, io);
    const format = outputFormat(globals, settings);
    return await callAndPrint(client, parsed, { format, query: globals.query, io, color: useColor(globals, io) });
  } catch (err) {
    return reportError(err, io, debug);
  }
}

/** --generate-cli-skeleton: a sample instead of a call (`output` still needs a region, as the CLI's stubbed call does). */
async function printSkeleton(model: ServiceModel, parsed: OperationArgs, globals: GlobalOptions, settings: ResolvedSettings, io: CliIO): Promise<number> {
  const skeleton = await import('./skeleton/index.js');
  if (parsed.generateCliSkeleton === 'input') {
    io.stdout.write(skeleton.inputSkeleton(model, parsed.operationName));
  } else if (parsed.generateCliSkeleton === 'yaml-input') {
    io.stdout.write(await skeleton.yamlInputSkeleton(model, parsed.operationName));
  } else {
    clientFor(model, globals, settings, io);
    const sample = skeleton.outputSample(model, parsed.operationName);
    const width = io.stdout.isTTY ? (io.stdout.columns ?? 80) : 80;
    io.stdout.write(formatOutput(sample, { format: outputFormat(globals, settings), title: parsed.operationName, query: globals.query, terminalWidth: width, color: useColor(globals, io) }));
  }
  return ExitCode.ok;
}

/** `awsdeck <service> wait <waiter> [params]`: polls like `aws <service> wait`; prints nothing. */
async function runWait(model: ServiceModel, rest: string[], globals: GlobalOptions, io: CliIO): Promise<number> {
  const byCliName = new Map(Object.keys(model.waiters).map((name) => [xformName(name), name]));
  const { operation: waiterCliName, args } = splitOperation(rest, [...byCliName.keys()]);
  const waiterName = byCliName.get(waiterCliName)!;
  const config = model.waiters[waiterName]!;
  const settings = resolveSettings({ env: io.env, flags: settingsFlags(globals) });
  const parsed = parseOperationArgs(model, xformName(config.operation), args, { noPaginate: true, cwd: io.cwd, env: io.env, parseYaml: await yamlParserIfNeeded(args) });
  if (parsed.help) {
    const { operationHelp } = await import('./help/index.js');
    io.stdout.write(operationHelp(model, parsed.operationCliName));
    return ExitCode.ok;
  }
  const client = clientFor(model, globals, settings, io);
  const { wait } = await import('../engine/http/waiter.js');
  await wait(waiterName, config, () => client.call(config.operation, parsed.params));
  return ExitCode.ok;
}

/** The YAML library is large: load it only for --cli-input-yaml. */
async function yamlParserIfNeeded(args: string[]): Promise<((text: string) => unknown) | undefined> {
  if (!args.includes('--cli-input-yaml')) return undefined;
  const { parse } = await import('yaml');
  return (text) => parse(text);
}

export function settingsFlags(globals: GlobalOptions) {
  return {
    profile: globals.profile,
    region: globals.region,
    output: globals.output,
    endpointUrl: globals.endpointUrl,
    caBundle: globals.caBundle,
    noVerifySsl: !globals.verifySsl,
    cliBinaryFormat: globals.cliBinaryFormat,
  };
}

export function clientFor(model: ServiceModel, globals: GlobalOptions, settings: ResolvedSettings, io: CliIO): AwsClient {
  const region = settings.region?.value || undefined;
  const debug = globals.debug ? (line: string) => io.stderr.write(`awsdeck [debug] ${line}\n`) : undefined;
  const credentials = globals.signRequest ? credentialSourceFor(globals, settings, io) : undefined;
  if (debug) {
    const source = settings.region ? describeSource(settings.region.source) : 'none';
    debug(`profile=${settings.profileName} region=${region ?? '(none)'} (from ${source})`);
  }
  return createClient({
    service: model.name,
    region,
    credentials,
    unsigned: !globals.signRequest,
    endpointUrl: settings.endpointUrlFor(model.metadata.serviceId)?.value,
    s3AddressingStyle: settings.s3AddressingStyle?.value as 'auto' | 'virtual' | 'path' | undefined,
    s3Endpoint: settings.s3Endpoint,
    maxAttempts: settings.maxAttempts.value,
    retryMode: settings.retryMode.value === 'adaptive' ? 'adaptive' : 'standard',
    connectTimeoutMs: secondsToMs(globals.connectTimeout),
    readTimeoutMs: secondsToMs(globals.readTimeout),
    verifySsl: settings.verifySsl,
    caBundle: settings.caBundle?.value,
    network: settings.network,
    timestampFormat: settings.cliTimestampFormat.value === 'wire' ? 'wire' : 'iso8601',
    debug,
  });
}

/** The profile's credential chain as the client signs with it (also used to presign URLs); it is
 *  told when a service refuses its credentials as expired, so it refreshes them. */
export function credentialSourceFor(globals: GlobalOptions, settings: ResolvedSettings, io: CliIO): CredentialProvider {
  return resolveCredentials(globals.profile, {
    env: io.env,
    config: settings.config,
    region: settings.region?.value || undefined,
    endpointUrlFor: (service) => settings.endpointUrlFor(service)?.value,
    network: settings.network,
    mfaCode: async (serial) => (await import('./prompt.js')).promptLine(io, `Enter MFA code for ${serial}: `),
    // A rejected code before it is asked again, an MFA session the endpoint refuses, a cache replaced.
    warn: (message) => io.stderr.write(`${message}\n`),
  });
}

/** The CLI's 0 means "no timeout" for both timeouts. */
function secondsToMs(seconds: number | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  return seconds === 0 ? 2 ** 31 - 1 : seconds * 1000;
}

function outputFormat(globals: GlobalOptions, settings: ResolvedSettings): OutputFormat {
  const format = globals.output ?? settings.output.value;
  const known: OutputFormat[] = ['json', 'yaml', 'yaml-stream', 'text', 'table', 'off'];
  if (!known.includes(format as OutputFormat)) {
    throw Object.assign(new Error(`Unknown output type: ${format}`), { exitCode: ExitCode.other });
  }
  return format as OutputFormat;
}

function useColor(globals: GlobalOptions, io: CliIO): boolean {
  if (globals.color === 'on') return true;
  if (globals.color === 'off') return false;
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}

interface PrintOptions {
  format: OutputFormat;
  query?: string;
  io: CliIO;
  color: boolean;
}

async function callAndPrint(client: AwsClient, args: OperationArgs, opts: PrintOptions): Promise<number> {
  const { operationName, params, paging } = args;
  const pages = paging.noPaginate
    ? undefined
    : client.paginator(operationName, params, {
        startingToken: paging.startingToken,
        pageSize: paging.pageSize === undefined ? undefined : Number(paging.pageSize),
        maxItems: paging.maxItems === undefined ? undefined : Number(paging.maxItems),
      });
  const width = opts.io.stdout.isTTY ? (opts.io.stdout.columns ?? 80) : 80;
  if (isLiveTail(client, operationName)) return printLiveTail(await client.call(operationName, params), opts.io);
  if (pages && (opts.format === 'text' || opts.format === 'yaml-stream')) {
    await printPerPage(pages, opts);
    return ExitCode.ok;
  }
  let result: OperationResult;
  if (pages) {
    const { buildFullResult } = await import('../engine/http/paginate.js');
    result = await buildFullResult(pages);
  } else {
    result = await client.call(operationName, params);
  }
  if (args.outfile && args.streamingOutputMember) await saveStreamingBody(result, args.streamingOutputMember, args.outfile, opts.io);
  opts.io.stdout.write(formatOutput(result, { format: opts.format, title: operationName, query: opts.query, terminalWidth: width, color: opts.color }));
  return ExitCode.ok;
}

/** text and yaml-stream print each page as it arrives, the query applied per page (§8.1). */
async function printPerPage(pages: PageIterator, opts: PrintOptions): Promise<void> {
  let first = true;
  for await (const page of pages.pages()) {
    const current: Record<string, unknown> = first ? { ...pages.nonAggregatePart } : {};
    first = false;
    for (const key of pages.resultKeys) current[key] = page[key] ?? null;
    opts.io.stdout.write(opts.format === 'text' ? formatTextPage(current, opts.query) : formatYamlStreamPage(current, opts.query));
  }
  if (pages.resumeToken !== undefined && opts.format === 'text') {
    opts.io.stdout.write(formatTextResumeToken(pages.resumeToken, opts.query));
  }
}

/**
 * `s3api get-object … outfile`: the body goes to the file, the rest is printed. An event stream
 * (select-object-content) writes its Records payloads as they come; an error in the stream is
 * raised after the records before it were written, as the CLI does.
 */
async function saveStreamingBody(result: OperationResult, member: string, outfile: string, io: CliIO): Promise<void> {
  const body = result[member];
  const path = resolvePath(io.cwd, outfile);
  if (body instanceof EventStream) await writeRecords(body, path);
  else writeFileSync(path, body instanceof Uint8Array ? body : Buffer.from(String(body ?? '')));
  delete result[member];
}
