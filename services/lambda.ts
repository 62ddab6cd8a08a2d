// Lambda functions: listed with ListFunctions; the detail is GetFunction's configuration and tags.
import { humanBytes, partitionOf, shortTime, str } from './format.js';
import type { ResourceDescriptor } from './types.js';

const stateTone: Record<string, 'ok' | 'warn' | 'danger' | 'muted'> = { Active: 'ok', Pending: 'warn', Inactive: 'muted', Failed: 'danger' };

export const functions: ResourceDescriptor = {
  id: 'lambda.functions',
  title: 'Lambda functions',
  aliases: ['lambda', 'functions'],
  service: 'lambda',
  operation: 'ListFunctions',
  items: ['Functions[]'],
  columns: [
    { id: 'name', title: 'Function', path: 'FunctionName', min: 12, max: 48 },
    { id: 'runtime', title: 'Runtime', path: 'Runtime', min: 7 },
    { id: 'memory', title: 'MiB', path: 'MemorySize', min: 4, align: 'right' },
    { id: 'timeout', title: 'Timeout', path: 'Timeout', min: 3, align: 'right' },
    { id: 'size', title: 'Code', path: 'CodeSize', min: 6, align: 'right', format: humanBytes },
    { id: 'modified', title: 'Modified', path: 'LastModified', min: 16, format: shortTime },
    { id: 'description', title: 'Description', path: 'Description', min: 8, max: 48, grow: 1 },
  ],
  identity: { id: 'FunctionName', name: 'FunctionName', arn: (item) => str(item.FunctionArn) || undefined },
  // GetFunction's configuration has the state and its reason, layers and the image; tags may be unreadable.
  detail: (item) => [
    { service: 'lambda', operation: 'GetFunction', params: { FunctionName: item.FunctionName }, pick: 'Configuration' },
    { service: 'lambda', operation: 'ListTags', params: { Resource: item.FunctionArn }, key: 'Tags', pick: 'Tags', optional: true },
  ],
  tone: (item) => stateTone[str(item.State)],
  consoleUrl: (item, where) => `https://${where.region}.${partitionOf(where.region).console}/lambda/home?region=${where.region}#/functions/${encodeURIComponent(str(item.FunctionName))}`,
};

export const lambdaViews = [functions];
