// One browser download or upload (src/app/browse/tasks, the real dashboard model and engine
// adapter), run in its own process (under GNU time, which reads its peak RSS). Prints JSON: ms.
// Args: download|upload <config dir> <bucket> <key or local file> <folder>
import { register } from 'tsx/esm/api';

register();
const [verb, dir, bucket, what, folder] = process.argv.slice(2);
const { createDashboard } = await import('../src/app/dashboard-model.ts');
const { createEngineAdapter } = await import('../src/app/engine-adapter.ts');
const { createTransfers } = await import('../src/app/transfers.ts');
const { taskRunners } = await import('../src/app/browse/tasks/index.ts');
const env = { HOME: dir, AWS_CONFIG_FILE: `${dir}/config`, AWS_SHARED_CREDENTIALS_FILE: `${dir}/credentials`, AWS_EC2_METADATA_DISABLED: 'true', XDG_STATE_HOME: `${dir}/state` };
const dashboard = createDashboard(createEngineAdapter(env), { env, profile: 'demo', region: 'us-east-1' });
await dashboard.load();
dashboard.prompts.subscribe(() => {
  const open = dashboard.prompts.get().open;
  if (open?.kind === 'form') setTimeout(() => dashboard.prompts.submitForm(verb === 'download' ? { folder } : { path: what }), 0);
  if (open?.kind === 'action') setTimeout(() => dashboard.prompts.submit('yes'), 0);
});
const transfers = createTransfers();
const items = verb === 'download' ? [(await dashboard.engine.service('demo', 'us-east-1', 's3api', {}).call('ListObjectsV2', { Bucket: bucket, Prefix: what })).Contents[0]] : [];
const started = performance.now();
await taskRunners[`s3.${verb}`]({
  dashboard, transfers, copyToClipboard: () => undefined, cwd: dir, profile: 'demo', region: 'us-east-1', scope: { Bucket: bucket, Prefix: '' }, items, reload: () => undefined,
});
const ms = performance.now() - started;
if (!transfers.get().job?.ok) throw new Error(`${transfers.get().job?.summary} ${dashboard.errors.get().errors.map((e) => e.message).join('; ')}`);
console.log(JSON.stringify({ ms }));
process.exit(0);
