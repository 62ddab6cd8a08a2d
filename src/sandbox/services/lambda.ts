// Lambda, read side: list and describe functions and their tags.
import type { CallContext, ServiceHandlers } from '../types.js';
import { fault } from '../fault.js';
import { appsStore, type LambdaFunction } from './apps-store.js';
import { pageOf } from './paging.js';

function fn(ctx: CallContext, name: unknown): LambdaFunction {
  const id = String(name);
  const short = id.startsWith('arn:') ? id.split(':')[6] ?? '' : id;
  const found = appsStore(ctx.state, ctx.principal.accountId, ctx.region).functions.get(short);
  if (!found) throw fault('ResourceNotFoundException', `Function not found: arn:aws:lambda:${ctx.region}:${ctx.principal.accountId}:function:${short}`, { status: 404, extra: { Type: 'User' } });
  return found;
}

export const lambdaHandlers: ServiceHandlers = {
  ListFunctions(input, ctx) {
    const max = input.MaxItems === undefined ? 50 : Number(input.MaxItems);
    if (!(max >= 1 && max <= 10000)) throw fault('InvalidParameterValueException', 'MaxItems must be between 1 and 10000', { extra: { Type: 'User' } });
    const all = [...appsStore(ctx.state, ctx.principal.accountId, ctx.region).functions.values()].map((f) => f.config);
    const { page, next } = pageOf(all, input.Marker, max, { salt: 'lambda', errorCode: 'InvalidParameterValueException', message: 'Invalid marker' });
    return { Functions: page, NextMarker: next };
  },
  GetFunction(input, ctx) {
    const f = fn(ctx, input.FunctionName);
    return { Configuration: f.config, Code: { RepositoryType: 'S3', Location: `${ctx.state.options.baseUrl}/lambda-code/${String(f.config.FunctionName)}.zip` }, Tags: f.tags };
  },
  GetFunctionConfiguration(input, ctx) {
    return fn(ctx, input.FunctionName).config;
  },
  ListTags(input, ctx) {
    return { Tags: fn(ctx, input.Resource).tags };
  },
};
