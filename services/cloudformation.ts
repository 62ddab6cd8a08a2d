// CloudFormation: stacks → their resources (Enter) and their events (the related view).
import { partitionOf, shortTime, str } from './format.js';
import type { ResourceDescriptor, Where } from './types.js';

/** `CREATE_COMPLETE` green, `…_IN_PROGRESS` amber, failures and rollbacks red, deleted dim. */
export function cfnStatusTone(status: string): 'ok' | 'warn' | 'danger' | 'muted' | undefined {
  if (!status) return undefined;
  if (status.startsWith('DELETE_COMPLETE') || status.endsWith('SKIPPED')) return 'muted';
  if (status.includes('FAILED') || status.includes('ROLLBACK')) return 'danger';
  if (status.endsWith('IN_PROGRESS')) return 'warn';
  if (status.endsWith('COMPLETE')) return 'ok';
  return undefined;
}

const stacksConsole = (where: Where, query: string) =>
  `https://${where.region}.${partitionOf(where.region).console}/cloudformation/home?region=${where.region}#/stacks/${query}`;

export const stacks: ResourceDescriptor = {
  id: 'cloudformation.stacks',
  title: 'CloudFormation stacks',
  aliases: ['cfn', 'stacks', 'cloudformation'],
  service: 'cloudformation',
  operation: 'DescribeStacks',
  items: ['Stacks[]'],
  columns: [
    { id: 'name', title: 'Stack', path: 'StackName', min: 12, max: 40 },
    { id: 'status', title: 'Status', path: 'StackStatus', min: 15 },
    { id: 'created', title: 'Created', path: 'CreationTime', min: 16, format: shortTime },
    { id: 'updated', title: 'Updated', path: 'LastUpdatedTime', min: 16, format: shortTime },
    { id: 'description', title: 'Description', path: 'Description', min: 8, max: 48, grow: 1 },
  ],
  identity: { id: 'StackName', name: 'StackName', arn: (item) => str(item.StackId) || undefined },
  detail: 'row',
  child: (item) => ({ view: 'cloudformation.resources', scope: { StackName: str(item.StackName) }, label: str(item.StackName) }),
  related: (item) => ({ view: 'cloudformation.events', scope: { StackName: str(item.StackName) }, label: `${str(item.StackName)} events` }),
  tone: (item) => cfnStatusTone(str(item.StackStatus)),
  consoleUrl: (item, where) => stacksConsole(where, `stackinfo?stackId=${encodeURIComponent(str(item.StackId))}`),
};

export const stackResources: ResourceDescriptor = {
  id: 'cloudformation.resources',
  title: 'Stack resources',
  aliases: ['stack-resources'],
  service: 'cloudformation',
  operation: 'ListStackResources',
  params: (scope) => ({ StackName: scope.StackName }),
  items: ['StackResourceSummaries[]'],
  columns: [
    { id: 'logical', title: 'Logical id', path: 'LogicalResourceId', min: 10, max: 32 },
    { id: 'physical', title: 'Physical id', path: 'PhysicalResourceId', min: 8, max: 48, grow: 1 },
    { id: 'type', title: 'Type', path: 'ResourceType', min: 8, max: 36 },
    { id: 'status', title: 'Status', path: 'ResourceStatus', min: 15 },
    { id: 'updated', title: 'Updated', path: 'LastUpdatedTimestamp', min: 16, format: shortTime },
  ],
  identity: { id: 'LogicalResourceId', name: 'PhysicalResourceId' },
  detail: 'row',
  label: (scope) => `Resources of ${scope.StackName}`,
  tone: (item) => cfnStatusTone(str(item.ResourceStatus)),
  consoleUrl: (_item, where) => stacksConsole(where, `resources?stackId=${encodeURIComponent(where.scope.StackName ?? '')}`),
};

export const stackEvents: ResourceDescriptor = {
  id: 'cloudformation.events',
  title: 'Stack events',
  aliases: ['stack-events'],
  service: 'cloudformation',
  operation: 'DescribeStackEvents',
  params: (scope) => ({ StackName: scope.StackName }),
  items: ['StackEvents[]'],
  columns: [
    { id: 'time', title: 'Time', path: 'Timestamp', min: 16, format: shortTime },
    { id: 'logical', title: 'Logical id', path: 'LogicalResourceId', min: 8, max: 32 },
    { id: 'type', title: 'Type', path: 'ResourceType', min: 8, max: 36 },
    { id: 'status', title: 'Status', path: 'ResourceStatus', min: 15 },
    { id: 'reason', title: 'Reason', path: 'ResourceStatusReason', min: 8, grow: 1 },
  ],
  identity: { id: 'EventId', name: 'LogicalResourceId' },
  detail: 'row',
  label: (scope) => `Events of ${scope.StackName}`,
  tone: (item) => cfnStatusTone(str(item.ResourceStatus)),
  consoleUrl: (_item, where) => stacksConsole(where, `events?stackId=${encodeURIComponent(where.scope.StackName ?? '')}`),
};

export const cloudformationViews = [stacks, stackResources, stackEvents];
