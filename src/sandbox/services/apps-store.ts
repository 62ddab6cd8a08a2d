// Lambda functions, CloudFormation stacks and CloudWatch log groups for one account+region.
import type { SandboxState } from '../state.js';

export interface LambdaFunction { config: Record<string, unknown>; tags: Record<string, string> }
export interface Stack {
  summary: Record<string, unknown>; template: string;
  resources: Array<Record<string, unknown>>; events: Array<Record<string, unknown>>;
}
export interface LogStream {
  logStreamName: string; creationTime: number; events: Array<{ timestamp: number; message: string; ingestionTime: number }>;
  /** A stream still being written (the demo's follow mode has something to tail): one event every `everyMs`. */
  live?: { everyMs: number; message: (n: number, timestamp: number) => string };
}
export interface LogGroup { logGroupName: string; creationTime: number; retentionInDays?: number; streams: LogStream[] }

export interface AppsStore {
  functions: Map<string, LambdaFunction>;
  stacks: Map<string, Stack>;
  logGroups: Map<string, LogGroup>;
}

export function appsStore(state: SandboxState, accountId: string, region: string): AppsStore {
  return state.store('apps', accountId, region, () => ({ functions: new Map(), stacks: new Map(), logGroups: new Map() }));
}
