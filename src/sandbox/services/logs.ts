// CloudWatch Logs, read side: log groups, streams and their events.
import type { CallContext, ServiceHandlers } from '../types.js';
import { fault } from '../fault.js';
import { appsStore, type LogGroup } from './apps-store.js';
import { pageOf } from './paging.js';

/** A live stream gets the events due by now (at most the last 10 minutes' worth after a long pause). */
function catchUp(g: LogGroup, now: number): LogGroup {
  for (const stream of g.streams) {
    if (!stream.live) continue;
    const { everyMs, message } = stream.live;
    let t = Math.max((stream.events.at(-1)?.timestamp ?? stream.creationTime) + everyMs, now - 600_000);
    for (; t <= now; t += everyMs) stream.events.push({ timestamp: t, ingestionTime: t + 150, message: message(stream.events.length, t) });
  }
  return g;
}

function group(ctx: CallContext, input: Record<string, any>): LogGroup {
  const name = String(input.logGroupName ?? String(input.logGroupIdentifier ?? '').replace(/^arn:.*:log-group:/, '').replace(/:\*$/, ''));
  const found = appsStore(ctx.state, ctx.principal.accountId, ctx.region).logGroups.get(name);
  if (!found) throw fault('ResourceNotFoundException', 'The specified log group does not exist.');
  return catchUp(found, ctx.now.getTime());
}

function limitOf(input: Record<string, any>, max: number, dflt: number): number {
  const n = input.limit === undefined ? dflt : Number(input.limit);
  if (!(n >= 1 && n <= max)) throw fault('InvalidParameterException', `1 validation error detected: Value '${n}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  return n;
}

function arnOf(ctx: CallContext, name: string): string {
  return `arn:aws:logs:${ctx.region}:${ctx.principal.accountId}:log-group:${name}`;
}

export const logsHandlers: ServiceHandlers = {
  DescribeLogGroups(input, ctx) {
    const all = [...appsStore(ctx.state, ctx.principal.accountId, ctx.region).logGroups.values()]
      .map((g) => catchUp(g, ctx.now.getTime()))
      .filter((g) => !input.logGroupNamePrefix || g.logGroupName.startsWith(String(input.logGroupNamePrefix)))
      .filter((g) => !input.logGroupNamePattern || g.logGroupName.toLowerCase().includes(String(input.logGroupNamePattern).toLowerCase()))
      .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1));
    const { page, next } = pageOf(all, input.nextToken, limitOf(input, 50, 50), { salt: 'logs', errorCode: 'InvalidParameterException', message: 'Invalid nextToken' });
    return {
      logGroups: page.map((g) => ({
        logGroupName: g.logGroupName, creationTime: g.creationTime, retentionInDays: g.retentionInDays, metricFilterCount: 0,
        arn: `${arnOf(ctx, g.logGroupName)}:*`, logGroupArn: arnOf(ctx, g.logGroupName), logGroupClass: 'STANDARD',
        // CloudWatch updates storedBytes lazily; a stream still being written is left out, so the
        // figure stays put between two calls (as two tools listing the demo side by side expect).
        storedBytes: g.streams.filter((s) => !s.live).reduce((n, s) => n + s.events.reduce((m, e) => m + e.message.length, 0), 0),
      })),
      nextToken: next,
    };
  },
  DescribeLogStreams(input, ctx) {
    const g = group(ctx, input);
    let streams = g.streams.filter((s) => !input.logStreamNamePrefix || s.logStreamName.startsWith(String(input.logStreamNamePrefix)));
    if (input.orderBy === 'LastEventTime') streams = [...streams].sort((a, b) => (a.events.at(-1)?.timestamp ?? 0) - (b.events.at(-1)?.timestamp ?? 0));
    if (input.descending) streams = [...streams].reverse();
    const { page, next } = pageOf(streams, input.nextToken, limitOf(input, 50, 50), { salt: 'streams', errorCode: 'InvalidParameterException', message: 'Invalid nextToken' });
    return {
      logStreams: page.map((s) => ({
        logStreamName: s.logStreamName, creationTime: s.creationTime, firstEventTimestamp: s.events[0]?.timestamp, lastEventTimestamp: s.events.at(-1)?.timestamp,
        lastIngestionTime: s.events.at(-1)?.ingestionTime, arn: `${arnOf(ctx, g.logGroupName)}:log-stream:${s.logStreamName}`, storedBytes: 0,
      })),
      nextToken: next,
    };
  },
  GetLogEvents(input, ctx) {
    const g = group(ctx, input);
    const stream = g.streams.find((s) => s.logStreamName === input.logStreamName);
    if (!stream) throw fault('ResourceNotFoundException', 'The specified log stream does not exist.');
    const events = stream.events.filter((e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp < input.endTime));
    const limit = limitOf(input, 10000, 10000);
    // Tokens are positions: `f/N` reads forward from event N, `b/N` backward from it. At either end
    // the token sent comes back, which is how clients know they have caught up.
    const token = input.nextToken === undefined ? undefined : /^([fb])\/(\d{20})$/.exec(String(input.nextToken));
    if (input.nextToken !== undefined && !token) throw fault('InvalidParameterException', 'The specified nextToken is invalid.');
    const at = token ? Math.min(Number(token[2]), events.length) : undefined;
    const forward = token ? token[1] === 'f' : input.startFromHead === true;
    const start = forward ? at ?? 0 : Math.max(0, (at ?? events.length) - limit);
    const end = forward ? Math.min(events.length, start + limit) : at ?? events.length;
    const position = (n: number) => String(n).padStart(20, '0');
    return { events: events.slice(start, end), nextForwardToken: `f/${position(end)}`, nextBackwardToken: `b/${position(start)}` };
  },
  FilterLogEvents(input, ctx) {
    const g = group(ctx, input);
    const names = input.logStreamNames as string[] | undefined;
    const pattern = String(input.filterPattern ?? '').replace(/^"|"$/g, '');
    const events = g.streams
      .filter((s) => (!names?.length || names.includes(s.logStreamName)) && (!input.logStreamNamePrefix || s.logStreamName.startsWith(String(input.logStreamNamePrefix))))
      .flatMap((s) => s.events.map((e, i) => ({ logStreamName: s.logStreamName, ...e, eventId: `${e.timestamp}${String(i).padStart(8, '0')}` })))
      .filter((e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp <= input.endTime))
      .filter((e) => !pattern || e.message.includes(pattern))
      .sort((a, b) => a.timestamp - b.timestamp);
    const { page, next } = pageOf(events, input.nextToken, limitOf(input, 10000, 10000), { salt: 'filter', errorCode: 'InvalidParameterException', message: 'Invalid nextToken' });
    return { events: page, searchedLogStreams: g.streams.map((s) => ({ logStreamName: s.logStreamName, searchedCompletely: true })), nextToken: next };
  },
  // Live Tail streams what is ingested from now on; the sandbox has no ingestion, so a session replays
  // the stored events matching the filters, two per session update, then times out.
  StartLiveTail(input, ctx) {
    const identifiers = input.logGroupIdentifiers as string[];
    const groups = identifiers.map((id) => group(ctx, { logGroupIdentifier: id }));
    const names = input.logStreamNames as string[] | undefined;
    const prefixes = input.logStreamNamePrefixes as string[] | undefined;
    const pattern = String(input.logEventFilterPattern ?? '').replace(/^"|"$/g, '');
    const results = groups.flatMap((g, i) => g.streams
      .filter((s) => (!names?.length || names.includes(s.logStreamName)) && (!prefixes?.length || prefixes.some((p) => s.logStreamName.startsWith(p))))
      .flatMap((s) => s.events.map((e) => ({ logStreamName: s.logStreamName, logGroupIdentifier: identifiers[i], message: e.message, timestamp: e.timestamp, ingestionTime: e.ingestionTime }))))
      .filter((e) => !pattern || e.message.includes(pattern))
      .sort((a, b) => a.timestamp - b.timestamp);
    const updates = [];
    for (let i = 0; i < results.length; i += 2) updates.push({ sessionUpdate: { sessionMetadata: { sampled: false }, sessionResults: results.slice(i, i + 2) } });
    const start = { requestId: ctx.requestId, sessionId: ctx.requestId, logGroupIdentifiers: identifiers, logStreamNames: names, logStreamNamePrefixes: prefixes, logEventFilterPattern: input.logEventFilterPattern };
    return {
      responseStream: [
        { sessionStart: start },
        ...updates,
        { SessionTimeoutException: { message: 'The sandbox sent every stored event that matches; the session has ended.' } },
      ],
    };
  },
};
