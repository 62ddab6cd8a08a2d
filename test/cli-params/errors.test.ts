// Command-line errors differentially against the AWS CLI v2 binary: the same stderr text (legacy
// format, as v2.9 prints it) and the same exit code. None of these cases reaches the network.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadService } from '../../src/engine/models/loader.js';
import { CliArgumentError, formatCliError, parseGlobalArgs, parseOperationArgs, splitOperation } from '../../src/cli/params/index.js';
import { awsCliV2Path } from '../support/aws-cli.js';
import { operationChoices } from '../../src/cli/operation.js';

interface ErrorCase { name: string; argv: string[]; expectOk?: boolean; compare?: 'suggestions' }
const cases = JSON.parse(readFileSync(new URL('./cases/errors.json', import.meta.url), 'utf8')) as ErrorCase[];

/** What awsdeck's driver does with a command line, up to the call. */
function runLikeCli(argv: string[]): { stderr: string; code: number } {
  try {
    const { globals, command, rest } = parseGlobalArgs(argv);
    const model = loadService(command!);
    const { operation, args } = splitOperation(rest, operationChoices(model));
    parseOperationArgs(model, operation, args, { noPaginate: !globals.paginate, binaryFormat: globals.cliBinaryFormat });
    return { stderr: '', code: 0 };
  } catch (err) {
    if (!(err instanceof CliArgumentError)) throw err;
    return { stderr: formatCliError(err, 'aws'), code: err.exitCode };
  }
}

function runAwsCliV2(argv: string[]): { stderr: string; code: number } {
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-cli-'));
  const env = {
    PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '', AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  };
  const res = spawnSync(awsCliV2Path(), [...argv, '--cli-connect-timeout', '1'], { env, encoding: 'utf8', cwd: home });
  return { stderr: res.stderr, code: res.status ?? -1 };
}

describe('command-line errors', () => {
  it('the AWS CLI v2 oracle is present', () => {
    expect(execFileSync(awsCliV2Path(), ['--version'], { encoding: 'utf8' })).toMatch(/^aws-cli\/2\./);
  });

  for (const c of cases) {
    it(c.name, () => {
      const ours = runLikeCli(c.argv);
      if (c.expectOk) {
        expect(ours).toEqual({ stderr: '', code: 0 });
        return;
      }
      const theirs = runAwsCliV2(c.argv);
      if (c.compare === 'suggestions') {
        const tail = (s: string) => s.slice(s.indexOf('Invalid choice: '));
        expect({ tail: tail(ours.stderr), code: ours.code }).toEqual({ tail: tail(theirs.stderr), code: theirs.code });
        expect(ours.stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:');
        return;
      }
      expect(ours).toEqual(theirs);
    });
  }

  it('the choices end as the CLI\'s: the operations, then wait, then help', () => {
    const last = (stderr: string) => stderr.trimEnd().split('\n').slice(-2).map((l) => l.trimEnd());
    expect(last(runLikeCli(['ec2', 'zzz']).stderr)).toEqual(last(runAwsCliV2(['ec2', 'zzz']).stderr));
    expect(last(runLikeCli(['ec2', 'zzz']).stderr)).toEqual(['withdraw-byoip-cidr                      | wait', 'help']);
  });
});
