// The sandbox in fault mode for differential tests: one sandbox per tool (awsdeck, the AWS CLI v2)
// with the same fault spec, so both face the same faults at once and each one's attempts can be
// counted from what its sandbox saw.
import { startSandbox, type FaultRecord, type Sandbox } from '../../src/sandbox/index.js';
import { runAwsCliAsync, runAwsdeckAsync, type RunResult } from './cli.js';
import { isolatedEnv } from '../sandbox/cli-helpers.js';

/** A home of its own with no AWS files; the sandbox user's keys; nothing from the machine. */
export const faultEnv = isolatedEnv;

export interface ToolRun extends RunResult {
  /** The requests this tool's sandbox saw for the operation, in order. */
  attempts: FaultRecord[];
}

export interface FaultPair {
  awsdeck: Sandbox;
  cli: Sandbox;
  /** Sets the same fault spec on both sandboxes (counters and records start again). */
  faults(spec: string): void;
  /** Runs `args` with both tools at once, each against its own sandbox. */
  run(args: string[], env: NodeJS.ProcessEnv, operation: string): Promise<{ awsdeck: ToolRun; cli: ToolRun }>;
  close(): Promise<void>;
}

export async function startFaultPair(): Promise<FaultPair> {
  const [awsdeck, cli] = await Promise.all([startSandbox({ seed: 'demo' }), startSandbox({ seed: 'demo' })]);
  const seen = (sandbox: Sandbox, operation: string) => sandbox.state.faults.seen.filter((r) => r.operation === operation);
  return {
    awsdeck, cli,
    faults(spec) {
      awsdeck.state.faults.set(spec);
      cli.state.faults.set(spec);
    },
    async run(args, env, operation) {
      const [ours, theirs] = await Promise.all([
        runAwsdeckAsync(['--endpoint-url', awsdeck.url, ...args], env),
        runAwsCliAsync(['--endpoint-url', cli.url, ...args], env),
      ]);
      return { awsdeck: { ...ours, attempts: seen(awsdeck, operation) }, cli: { ...theirs, attempts: seen(cli, operation) } };
    },
    async close() {
      await Promise.all([awsdeck.close(), cli.close()]);
    },
  };
}

/** The same text with each tool's own sandbox URL replaced by `ENDPOINT`. */
export function withoutEndpoint(text: string, sandbox: Sandbox): string {
  return text.split(sandbox.url).join('ENDPOINT');
}
