// `awsdeck s3 <ls|cp|mv|rm|sync|mb|rb|presign|website>`: the AWS CLI's high-level S3 commands.
import { ExitCode, type CliIO } from '../io.js';
import { invalidChoiceMessage } from '../params/argparse-lite.js';
import { CliArgumentError } from '../params/errors.js';
import { parseGlobalArgs, type GlobalOptions } from '../params/index.js';
import { reportError } from '../report-error.js';
import { runMb, runPresign, runRb, runWebsite } from './bucket-commands.js';
import { runLs } from './ls.js';
import { parseS3Options, S3_COMMANDS, type S3CommandName } from './options.js';
import { createS3Session } from './session.js';
import { runTransferCommand } from './transfer-command.js';

/** Entry from main(): the whole argv, `s3` first. */
export async function runS3Command(argv: string[], io: CliIO): Promise<number> {
  let debug = false;
  try {
    const { globals, rest } = parseGlobalArgs(argv);
    debug = globals.debug;
    return await runS3(globals, rest, io);
  } catch (err) {
    return reportError(err, io, debug);
  }
}

export async function runS3(globals: GlobalOptions, rest: string[], io: CliIO): Promise<number> {
  try {
    const [subcommand, ...args] = rest;
    if (subcommand === undefined) {
      io.stderr.write('\nusage: awsdeck [options] s3 <subcommand> [parameters]\nawsdeck: error: too few arguments\n');
      return ExitCode.usage;
    }
    if (subcommand === 'help') {
      const { s3Help } = await import('./help.js');
      io.stdout.write(s3Help());
      return ExitCode.ok;
    }
    if (!S3_COMMANDS.includes(subcommand as S3CommandName)) {
      const { message, suggestions } = invalidChoiceMessage(subcommand, S3_COMMANDS);
      throw new CliArgumentError(`argument subcommand: ${message}`, 'argparse', suggestions);
    }
    const command = subcommand as S3CommandName;
    const options = parseS3Options(command, args);
    const session = createS3Session(globals, io);
    switch (command) {
      case 'ls': return await runLs(options, session);
      case 'mb': return await runMb(options, session);
      case 'rb': return await runRb(options, session);
      case 'presign': return await runPresign(options, session);
      case 'website': return await runWebsite(options, session);
      default: return await runTransferCommand(command, options, session);
    }
  } catch (err) {
    return reportError(err, io, globals.debug);
  }
}

