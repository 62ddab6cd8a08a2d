// CloudWatch Logs: log groups → streams (most recent first) → events, which can be followed live.
import { epochMsTime, humanBytes, partitionOf, str } from './format.js';
import type { ResourceDescriptor, Where } from './types.js';

/** The console's own escaping of names in its fragment: `/` → `$252F` (encodeURIComponent twice, `%` → `$`). */
const consoleName = (name: string) => encodeURIComponent(encodeURIComponent(name)).replace(/%/g, '$');

const logsConsole = (where: Where, path: string) =>
  `https://${where.region}.${partitionOf(where.region).console}/cloudwatch/home?region=${where.region}#logsV2:log-groups${path}`;

export const logGroups: ResourceDescriptor = {
  id: 'logs.groups',
  title: 'CloudWatch log groups',
  aliases: ['logs', 'log-groups'],
  service: 'logs',
  operation: 'DescribeLogGroups',
  items: ['logGroups[]'],
  columns: [
    { id: 'name', title: 'Log group', path: 'logGroupName', min: 12, max: 64, grow: 1 },
    { id: 'retention', title: 'Retention (days)', path: 'retentionInDays', min: 4, align: 'right' },
    { id: 'stored', title: 'Stored', path: 'storedBytes', min: 6, align: 'right', format: humanBytes },
    { id: 'created', title: 'Created', path: 'creationTime', min: 19, format: epochMsTime },
  ],
  identity: { id: 'logGroupName', name: 'logGroupName', arn: (item) => str(item.logGroupArn) || str(item.arn) || undefined },
  detail: 'row',
  child: (item) => ({ view: 'logs.streams', scope: { logGroupName: str(item.logGroupName) }, label: str(item.logGroupName) }),
  consoleUrl: (item, where) => logsConsole(where, `/log-group/${consoleName(str(item.logGroupName))}`),
};

export const logStreams: ResourceDescriptor = {
  id: 'logs.streams',
  title: 'Log streams',
  aliases: ['log-streams'],
  service: 'logs',
  operation: 'DescribeLogStreams',
  // The stream written last is the one usually wanted.
  params: (scope) => ({ logGroupName: scope.logGroupName, orderBy: 'LastEventTime', descending: true }),
  items: ['logStreams[]'],
  columns: [
    { id: 'name', title: 'Stream', path: 'logStreamName', min: 12, max: 72, grow: 1 },
    { id: 'last', title: 'Last event', path: 'lastEventTimestamp', min: 19, format: epochMsTime },
    { id: 'first', title: 'First event', path: 'firstEventTimestamp', min: 19, format: epochMsTime },
    { id: 'created', title: 'Created', path: 'creationTime', min: 19, format: epochMsTime },
  ],
  identity: { id: 'logStreamName', name: 'logStreamName', arn: (item) => str(item.arn) || undefined },
  detail: 'row',
  child: (item, scope) => ({ view: 'logs.events', scope: { logGroupName: scope.logGroupName, logStreamName: str(item.logStreamName) }, label: str(item.logStreamName) }),
  label: (scope) => `Streams of ${scope.logGroupName}`,
  consoleUrl: (item, where) => logsConsole(where, `/log-group/${consoleName(where.scope.logGroupName ?? '')}/log-events/${consoleName(str(item.logStreamName))}`),
};

export const logEvents: ResourceDescriptor = {
  id: 'logs.events',
  title: 'Log events',
  aliases: ['log-events'],
  service: 'logs',
  operation: 'GetLogEvents',
  // Oldest first, so new events arrive at the bottom as in `tail -f`.
  params: (scope) => ({ logGroupName: scope.logGroupName, logStreamName: scope.logStreamName, startFromHead: true }),
  items: ['events[]'],
  columns: [
    { id: 'time', title: 'Time', path: 'timestamp', min: 19, format: epochMsTime },
    { id: 'message', title: 'Message', path: 'message', min: 20, grow: 1 },
  ],
  identity: { id: 'to_string(timestamp)' },
  detail: 'row',
  // The forward token of the last response asks for what was written since; at the end it comes back unchanged.
  follow: { next: (params, last) => ({ ...params, nextToken: last.nextForwardToken }), everyMs: 1000 },
  label: (scope) => `${scope.logStreamName}`,
  consoleUrl: (_item, where) => logsConsole(where, `/log-group/${consoleName(where.scope.logGroupName ?? '')}/log-events/${consoleName(where.scope.logStreamName ?? '')}`),
};

export const logsViews = [logGroups, logStreams, logEvents];
