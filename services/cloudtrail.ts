// CloudTrail: the last 90 days of management events (LookupEvents), newest first.
import { partitionOf, shortTime, str } from './format.js';
import type { ResourceDescriptor } from './types.js';

export const trailEvents: ResourceDescriptor = {
  id: 'cloudtrail.events',
  title: 'CloudTrail events',
  aliases: ['trail', 'cloudtrail', 'lookup-events'],
  service: 'cloudtrail',
  operation: 'LookupEvents',
  items: ['Events[]'],
  columns: [
    { id: 'time', title: 'Time', path: 'EventTime', min: 16, format: shortTime },
    { id: 'event', title: 'Event', path: 'EventName', min: 8, max: 32 },
    { id: 'user', title: 'User', path: 'Username', min: 6, max: 32 },
    { id: 'source', title: 'Source', path: 'EventSource', min: 8, max: 32 },
    { id: 'resource', title: 'Resource', path: 'Resources[0].ResourceName', min: 8, grow: 1 },
    { id: 'readonly', title: 'Read', path: 'ReadOnly', min: 4 },
  ],
  identity: { id: 'EventId', name: 'EventName' },
  // The row carries the whole event record (CloudTrailEvent, a JSON string).
  detail: 'row',
  consoleUrl: (item, where) => `https://${where.region}.${partitionOf(where.region).console}/cloudtrailv2/home?region=${where.region}#/events/${encodeURIComponent(str(item.EventId))}`,
};

export const cloudtrailViews = [trailEvents];
