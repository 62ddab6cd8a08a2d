// CloudTrail LookupEvents over the demo's seeded management events, newest first, with the
// lookup attribute, time range and paging of the real API.
import type { CallContext, ServiceHandlers } from '../types.js';
import type { SandboxState } from '../state.js';
import { fault } from '../fault.js';
import { pageOf } from './paging.js';

export interface TrailEvent {
  EventId: string; EventName: string; ReadOnly: 'true' | 'false'; AccessKeyId?: string; EventTime: Date; EventSource: string;
  Username?: string; Resources: Array<{ ResourceType: string; ResourceName: string }>; CloudTrailEvent: string;
}

export function trailEvents(state: SandboxState, accountId: string, region: string): TrailEvent[] {
  return state.store('cloudtrail', accountId, region, () => [] as TrailEvent[]);
}

/** What each LookupAttribute key matches in an event. */
const matchers: Record<string, (e: TrailEvent) => string[]> = {
  EventId: (e) => [e.EventId], EventName: (e) => [e.EventName], ReadOnly: (e) => [e.ReadOnly], Username: (e) => (e.Username ? [e.Username] : []),
  ResourceType: (e) => e.Resources.map((r) => r.ResourceType), ResourceName: (e) => e.Resources.map((r) => r.ResourceName),
  EventSource: (e) => [e.EventSource], AccessKeyId: (e) => (e.AccessKeyId ? [e.AccessKeyId] : []),
};

export const cloudtrailHandlers: ServiceHandlers = {
  LookupEvents(input, ctx: CallContext) {
    const attributes = (input.LookupAttributes ?? []) as Array<{ AttributeKey: string; AttributeValue: string }>;
    if (attributes.length > 1) throw fault('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
    const max = input.MaxResults === undefined ? 50 : Number(input.MaxResults);
    if (!(max >= 1 && max <= 50)) throw fault('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
    const start = input.StartTime === undefined ? undefined : new Date(input.StartTime as string).getTime();
    const end = input.EndTime === undefined ? undefined : new Date(input.EndTime as string).getTime();
    if (start !== undefined && end !== undefined && start > end) throw fault('InvalidTimeRangeException', 'Start time must be before end time.');
    const events = trailEvents(ctx.state, ctx.principal.accountId, ctx.region)
      .filter((e) => attributes.every((a) => {
        const match = matchers[a.AttributeKey];
        if (!match) throw fault('InvalidLookupAttributesException', `${a.AttributeKey} is not a valid lookup attribute key.`);
        return match(e).includes(a.AttributeValue);
      }))
      .filter((e) => (start === undefined || e.EventTime.getTime() >= start) && (end === undefined || e.EventTime.getTime() <= end))
      .sort((a, b) => b.EventTime.getTime() - a.EventTime.getTime());
    const { page, next } = pageOf(events, input.NextToken, max, { salt: 'trail', errorCode: 'InvalidNextTokenException', message: 'Invalid NextToken' });
    return { Events: page, NextToken: next };
  },
};
