// CloudFormation, read side: stacks, their resources, events and templates.
import type { CallContext, ServiceHandlers } from '../types.js';
import { fault } from '../fault.js';
import { appsStore, type Stack } from './apps-store.js';
import { pageOf } from './paging.js';

function stacks(ctx: CallContext): Stack[] {
  return [...appsStore(ctx.state, ctx.principal.accountId, ctx.region).stacks.values()];
}

function stack(ctx: CallContext, name: unknown): Stack {
  const found = stacks(ctx).find((s) => s.summary.StackName === name || s.summary.StackId === name);
  if (!found || found.summary.StackStatus === 'DELETE_COMPLETE' && found.summary.StackName === name) throw fault('ValidationError', `Stack with id ${String(name)} does not exist`);
  return found;
}

function page<T>(items: T[], token: unknown, max = 100) {
  return pageOf(items, token, max, { salt: 'cfn', errorCode: 'ValidationError', message: 'Invalid NextToken' });
}

export const cloudformationHandlers: ServiceHandlers = {
  DescribeStacks(input, ctx) {
    const all = input.StackName ? [stack(ctx, input.StackName)] : stacks(ctx).filter((s) => s.summary.StackStatus !== 'DELETE_COMPLETE');
    const { page: items, next } = page(all, input.NextToken);
    return { Stacks: items.map((s) => ({ ...s.summary, Outputs: s.summary.Outputs ?? [], Tags: s.summary.Tags ?? [] })), NextToken: next };
  },
  ListStacks(input, ctx) {
    const filter = input.StackStatusFilter as string[] | undefined;
    const all = stacks(ctx).filter((s) => !filter?.length || filter.includes(String(s.summary.StackStatus)));
    const { page: items, next } = page(all, input.NextToken);
    return {
      StackSummaries: items.map((s) => ({ StackId: s.summary.StackId, StackName: s.summary.StackName, TemplateDescription: s.summary.Description, CreationTime: s.summary.CreationTime, LastUpdatedTime: s.summary.LastUpdatedTime, StackStatus: s.summary.StackStatus, DriftInformation: { StackDriftStatus: 'NOT_CHECKED' } })),
      NextToken: next,
    };
  },
  ListStackResources(input, ctx) {
    const s = stack(ctx, input.StackName);
    const { page: items, next } = page(s.resources, input.NextToken);
    return { StackResourceSummaries: items.map((r) => ({ LogicalResourceId: r.LogicalResourceId, PhysicalResourceId: r.PhysicalResourceId, ResourceType: r.ResourceType, LastUpdatedTimestamp: r.Timestamp, ResourceStatus: r.ResourceStatus, DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' } })), NextToken: next };
  },
  DescribeStackResources(input, ctx) {
    const s = stack(ctx, input.StackName);
    return { StackResources: s.resources.filter((r) => !input.LogicalResourceId || r.LogicalResourceId === input.LogicalResourceId).map((r) => ({ ...r, StackName: s.summary.StackName, StackId: s.summary.StackId })) };
  },
  DescribeStackEvents(input, ctx) {
    const s = stack(ctx, input.StackName);
    const { page: items, next } = page(s.events, input.NextToken);
    return { StackEvents: items, NextToken: next };
  },
  GetTemplate(input, ctx) {
    return { TemplateBody: stack(ctx, input.StackName).template, StagesAvailable: ['Original', 'Processed'] };
  },
};
