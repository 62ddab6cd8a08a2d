// prepareDemo({ deferSandbox: true }), as `awsdeck --demo` uses it: the port and the config folder
// are ready at once, and the sandbox is imported and seeded by the first request (or ready()).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { prepareDemo, type DeferredDemoEnvironment } from '../../src/sandbox/demo.js';
import { runAws } from './cli-helpers.js';

let demo: DeferredDemoEnvironment;
beforeAll(async () => { demo = await prepareDemo({ baseEnv: { PATH: process.env.PATH }, deferSandbox: true }); });
afterAll(async () => { await demo?.cleanup(); });

describe('prepareDemo with a deferred sandbox', () => {
  it('writes the same config, aimed at the port it already listens on', () => {
    const config = readFileSync(demo.env.AWS_CONFIG_FILE!, 'utf8');
    expect(config).toContain(`endpoint_url = ${demo.sandbox.url}`);
    expect(config).toContain('[profile prod-breakglass]');
    expect(demo.env).toMatchObject({ AWS_ENDPOINT_URL: demo.sandbox.url, AWS_PROFILE: 'demo' });
  });

  it('answers requests that arrive together before it is seeded, all from one seeded state', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${demo.sandbox.url}/sandbox/health`).then((r) => r.status)));
    expect(answers).toEqual([200, 200, 200]);
    const sandbox = await demo.sandbox.ready();
    expect(await demo.sandbox.ready()).toBe(sandbox);
    expect(sandbox.url).toBe(demo.sandbox.url);
    expect(sandbox.state.options.baseUrl).toBe(demo.sandbox.url);
    expect(sandbox.state.accounts.size).toBe(3);
  });

  it('serves the demo organisation to the AWS CLI', async () => {
    const me = await runAws(demo.sandbox.url, ['sts', 'get-caller-identity', '--output', 'json'], { ...demo.env });
    expect(me.code, me.stderr).toBe(0);
    expect(JSON.parse(me.stdout).Arn).toBe('arn:aws:iam::111111111111:user/demo-user');
  });

  it('closes the port and removes the folder on cleanup, seeded or not', async () => {
    const other = await prepareDemo({ deferSandbox: true });
    await other.cleanup();
    expect(existsSync(other.dir)).toBe(false);
    await expect(fetch(`${other.sandbox.url}/sandbox/health`)).rejects.toThrow();
  });
});
