// S3 tasks of one request or none: a presigned URL for an object (signed locally, shown and put
// on the clipboard) and a new bucket in a chosen region.
import { isRegionName } from '../../commands.js';
import { PromptCancelledError } from '../../identity-state.js';
import { ActionProblem } from '../row-actions.js';
import { recordCall } from '../audit-call.js';
import type { TaskContext } from './task-context.js';

/** SigV4 query signatures are valid for at most seven days. */
const MAX_EXPIRY = 604_800;

function expiryProblem(value: string): string | undefined {
  if (!/^\d+$/.test(value)) return 'a whole number of seconds';
  const seconds = Number(value);
  return seconds >= 1 && seconds <= MAX_EXPIRY ? undefined : `between 1 and ${MAX_EXPIRY} seconds (7 days)`;
}

/** The URL as drawn: a session token is a credential, so only the copied URL carries it. */
export function urlForScreen(url: string): string {
  return url.replace(/([?&]X-Amz-Security-Token=)[^&]*/, '$1…');
}

export async function presignTask(ctx: TaskContext): Promise<void> {
  const item = ctx.items.find((i) => typeof i.Key === 'string');
  if (!item || ctx.items.length !== 1) throw new ActionProblem('A presigned URL is for one object: select an object (not a prefix) and unpick the others.');
  const key = item.Key as string;
  const { expires } = await ctx.dashboard.prompts.askForm(`Presigned URL for s3://${ctx.scope.Bucket}/${key}`, [
    { id: 'expires', label: 'expires in (seconds, at most 604800 = 7 days)', kind: 'text', initial: '3600', validate: expiryProblem },
  ]);
  const seconds = Number(expires);
  const url = await ctx.dashboard.withSignIn(ctx.profile, (interaction) =>
    ctx.dashboard.engine.presignGetObject(ctx.profile, ctx.region, ctx.scope.Bucket, key, seconds, interaction));
  ctx.copyToClipboard(url);
  const until = new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const tokenNote = url.includes('X-Amz-Security-Token=') ? '\n(the session token is left out here; the copied URL has it)' : '';
  ctx.dashboard.prompts.showMessage('Presigned URL (copied, OSC 52)', `${urlForScreen(url)}\n\nvalid until ${until} (${seconds} s)${tokenNote}`);
}

/** S3's rules for a new bucket's name (general purpose buckets). */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'a bucket name has 3 to 63 characters';
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return 'lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit';
  if (name.includes('..') || /\.-|-\./.test(name)) return 'no two dots in a row, no dot next to a hyphen';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'not formatted as an IP address';
  if (/^xn--|^sthree-|-s3alias$|--ol-s3$/.test(name)) return 'that prefix or suffix is reserved';
  return undefined;
}

export async function createBucketTask(ctx: TaskContext): Promise<void> {
  const regions = ctx.dashboard.engine.regions();
  const { name, region } = await ctx.dashboard.prompts.askForm('Create bucket', [
    { id: 'name', label: 'bucket name', kind: 'text', validate: bucketNameProblem },
    { id: 'region', label: 'region', kind: 'text', initial: ctx.region, validate: (r) => (isRegionName(r, regions) ? undefined : `not a region: ${r}`) },
  ]);
  const params: Record<string, unknown> = { Bucket: name };
  // us-east-1 is the one region that takes no location constraint.
  if (region !== 'us-east-1') params.CreateBucketConfiguration = { LocationConstraint: region };
  const target = { profile: ctx.profile, region, operation: 's3:CreateBucket', resources: [name] };
  try {
    const response = await ctx.dashboard.withSignIn(ctx.profile, (interaction) => ctx.dashboard.engine.service(ctx.profile, region, 's3api', interaction).call('CreateBucket', params));
    recordCall(ctx.dashboard, target, { response });
  } catch (error) {
    // Cancelled at the sign-in: nothing was sent.
    if (!(error instanceof PromptCancelledError)) recordCall(ctx.dashboard, target, { error });
    throw error;
  } finally {
    ctx.reload();
  }
}
