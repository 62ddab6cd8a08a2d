// Demo Lambda functions, CloudFormation stacks and log groups (filled in with those services).
import type { SandboxState } from './state.js';

export function seedDemoApps(_state: SandboxState, _accountId: string, _env: string): void {}
