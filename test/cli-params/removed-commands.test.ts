// The operations the AWS CLI removes (event-stream operations it has no command for, old APIs):
// awsdeck lists none of them, and neither does the CLI v1 (1.45, whose list is the newest here).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadService, serviceNames } from '../../src/engine/models/loader.js';
import { operationCliNames } from '../../src/cli/params/index.js';
import { isRemovedCommand } from '../../src/cli/params/removed-commands.js';

const SERVICES = ['ses', 'ec2', 'emr', 'lambda', 'sagemaker-runtime', 'bedrock-runtime', 'bedrock-agent-runtime', 'qbusiness', 'iotsitewise', 'polly', 'logs', 's3api'];

function cliV1Commands(services: string[]): Record<string, string[]> {
  const script = [
    'import json, sys',
    'from awscli.clidriver import create_clidriver',
    'table = create_clidriver()._get_command_table()',
    'print(json.dumps({s: sorted(table[s]._get_command_table().keys()) for s in json.loads(sys.argv[1]) if s in table}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, JSON.stringify(services)], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

describe('commands the AWS CLI removes', () => {
  it('are not awsdeck commands, and the CLI v1 does not have them either', () => {
    const ours = SERVICES.filter((s) => serviceNames().includes(s));
    const theirs = cliV1Commands(ours);
    for (const service of ours) {
      const names = operationCliNames(loadService(service));
      const removed = names.filter((name) => isRemovedCommand(service, name));
      expect(removed, service).toEqual([]);
      const model = loadService(service);
      // Every operation we remove is absent from the CLI v1's command table too.
      for (const op of Object.keys(model.operations)) {
        const cli = op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
        if (isRemovedCommand(service, cli)) expect(theirs[service], `${service} ${cli}`).not.toContain(cli);
      }
    }
    // The two event-stream commands the CLI does support stay.
    expect(operationCliNames(loadService('s3api'))).toContain('select-object-content');
    expect(operationCliNames(loadService('logs'))).toContain('start-live-tail');
    expect(operationCliNames(loadService('lambda'))).not.toContain('invoke-with-response-stream');
  });
});
