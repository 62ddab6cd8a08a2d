// Running a descriptor's row action: leave out the rows it cannot apply to, ask the service first
// with DryRun (a refusal is explained, decoded when permitted, before anything is asked), confirm,
// then make the one call and write it to the audit log, whatever its outcome.
import jmespath from 'jmespath';
import type { ResourceDescriptor, RowAction, Scope } from '../../../services/types.js';
import type { Dashboard } from '../dashboard-model.js';
import type { ResponseData } from '../engine-port.js';
import { recordCall } from './audit-call.js';

export interface ActionRequest {
  descriptor: ResourceDescriptor;
  action: RowAction;
  items: Array<Record<string, unknown>>;
  scope: Scope;
  profile: string;
  region: string;
}

export interface ActionOutcome {
  /** The rows acted on (the call succeeded for all of them). */
  acted: Array<Record<string, unknown>>;
  /** Rows left out because the action does not apply to them (a stopped instance for `stop`). */
  skipped: Array<Record<string, unknown>>;
  requestId?: string;
}

/** Said to the person as it is: a refusal, nothing applicable, or the service's error. */
export class ActionProblem extends Error {}

const errorCode = (error: unknown) => (error as { code?: string }).code;

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

export function describeRow(descriptor: ResourceDescriptor, item: Record<string, unknown>): { id: string; name: string } {
  const id = textOf(jmespath.search(item, descriptor.identity.id));
  const name = descriptor.identity.name ? textOf(jmespath.search(item, descriptor.identity.name)) : '';
  return { id, name };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export async function runRowAction(dashboard: Dashboard, request: ActionRequest): Promise<ActionOutcome> {
  const { descriptor, action, profile, region, scope } = request;
  const acted = request.items.filter((item) => action.appliesTo?.(item) ?? true);
  const skipped = request.items.filter((item) => !acted.includes(item));
  const ids = acted.map((item) => describeRow(descriptor, item));
  if (acted.length === 0) {
    throw new ActionProblem(`Nothing to ${action.description}: ${request.items.length === 1 ? 'this row is' : `none of the ${request.items.length} rows is`} in a state it applies to.`);
  }
  const { service, operation, params } = action.call(acted, scope);
  const caller = (interaction: Parameters<Dashboard['engine']['service']>[3]) => dashboard.engine.service(profile, region, service, interaction);

  const audited = { profile, region, operation: `${service}:${operation}`, resources: ids.map((i) => i.id) };
  if (action.dryRun) {
    const done = await dryRun(dashboard, profile, () => dashboard.withSignIn(profile, (i) => caller(i).call(operation, { ...params, DryRun: true })));
    if (done) {
      // A service that ignores DryRun has carried the action out already: record it, say so.
      recordCall(dashboard, audited, { response: done });
      throw new ActionProblem(`The service carried out ${operation} although DryRun was set: it is done.`);
    }
  }

  const lines = ids.map(({ id, name }) => (name ? `${id}  ${name}` : id));
  if (skipped.length) lines.push('', `left out (${action.description} does not apply in their state): ${skipped.map((s) => describeRow(descriptor, s).id).join(', ')}`);
  const count = acted.length === 1 ? ids[0].id : `×${acted.length}`;
  const typed = action.typeToConfirm ? (acted.length === 1 ? ids[0].name || ids[0].id : String(acted.length)) : undefined;
  await dashboard.prompts.confirmAction(`${capitalised(action.description)} ${count} (${profile}, ${region})`, lines, typed);

  let response: ResponseData;
  try {
    response = await dashboard.withSignIn(profile, (i) => caller(i).call(operation, params));
  } catch (error) {
    recordCall(dashboard, audited, { error });
    throw error;
  }
  recordCall(dashboard, audited, { response });
  return { acted, skipped, requestId: requestIdOf(response) };
}

const requestIdOf = (response: ResponseData) => textOf((response.ResponseMetadata as Record<string, unknown> | undefined)?.RequestId) || undefined;

/**
 * DryRunOperation means it would be allowed (undefined); UnauthorizedOperation says why not, decoded
 * if we may. A response means the service did it anyway: returned so it can be recorded.
 */
async function dryRun(dashboard: Dashboard, profile: string, send: () => Promise<ResponseData>): Promise<ResponseData | undefined> {
  try {
    return await send();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'DryRunOperation') return undefined;
    // EC2 says UnauthorizedOperation (with an encoded reason); some servers say AccessDenied.
    if (code !== 'UnauthorizedOperation' && code !== 'AccessDenied') throw error;
    const message = (error as Error).message;
    const encoded = /Encoded authorization failure message:\s*(\S+)/.exec(message)?.[1];
    let why = '';
    if (encoded) {
      try {
        why = `\n\n${await dashboard.engine.decodeAuthorizationMessage(profile, encoded)}`;
      } catch {
        why = '\n\n(the encoded reason could not be decoded: sts:DecodeAuthorizationMessage is not permitted)';
      }
    }
    throw new ActionProblem(`Not permitted (the DryRun was refused, nothing was changed): ${message.split(' Encoded authorization failure message:')[0]}${why}`);
  }
}
