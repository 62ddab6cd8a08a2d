// awsdeck and the AWS CLI v2 against the same local proxy: the same output through a forwarding
// proxy in front of moto, and the same exit code and message (credentials masked) for a 407 and
// for a proxy that cannot be reached; the proxy sees the same kind of request from both. The
// password never shows in output or --debug.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAwsCliAsync, runAwsdeckAsync } from '../support/cli.js';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { freePort, startMoto, type MotoServer } from '../support/moto.js';

const PASSWORD = 'pr0xy:p@ss';
const secret = encodeURIComponent(PASSWORD);
let moto: MotoServer;
const proxies: ForwardProxy[] = [];

beforeAll(async () => { moto = await startMoto(); });
afterAll(async () => { await moto?.stop(); });
afterEach(async () => { await Promise.all(proxies.splice(0).map((p) => p.close())); });

async function proxy(credentials?: string): Promise<ForwardProxy> {
  const p = await startForwardProxy({ credentials, upstream: { host: '127.0.0.1', port: moto.port } });
  proxies.push(p);
  return p;
}

const kinds = (p: ForwardProxy) => p.seen.map((s) => `${s.method} ${s.target.replace(/^https?:\/\/[^/]+/, '')}`);

describe('through a forwarding proxy in front of moto', () => {
  it('prints what the CLI prints, and the proxy sees the same absolute-form requests', async () => {
    const forCli = await proxy(`user:${PASSWORD}`);
    const forUs = await proxy(`user:${PASSWORD}`);
    const args = ['sts', 'get-caller-identity', '--endpoint-url', moto.endpoint];
    const cli = await runAwsCliAsync(args, moto.env({ HTTP_PROXY: `http://user:${secret}@127.0.0.1:${forCli.port}` }));
    const ours = await runAwsdeckAsync(args, moto.env({ HTTP_PROXY: `http://user:${secret}@127.0.0.1:${forUs.port}` }));
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(cli.stdout);
    expect(ours.status).toBe(cli.status);
    expect(kinds(forUs)).toEqual(kinds(forCli));
    expect(forUs.seen[0]?.proxyAuthorization).toBe(forCli.seen[0]?.proxyAuthorization);
  });

  it('--debug shows the proxy masked and never the password', async () => {
    const p = await proxy(`user:${PASSWORD}`);
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--endpoint-url', moto.endpoint, '--debug'], moto.env({ HTTP_PROXY: `http://user:${secret}@127.0.0.1:${p.port}` }));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`http://***:***@127.0.0.1:${p.port}`);
    for (const leak of [PASSWORD, secret, Buffer.from(`user:${PASSWORD}`).toString('base64')]) {
      expect(r.stdout + r.stderr).not.toContain(leak);
    }
  });
});

describe('proxy failures end as the CLI\'s do', () => {
  const compare = async (env: (port: number) => Record<string, string>, endpoint: string, credentials?: string) => {
    const forCli = await proxy(credentials);
    const forUs = await proxy(credentials);
    const args = ['sts', 'get-caller-identity', '--endpoint-url', endpoint];
    const cli = await runAwsCliAsync(args, moto.env({ AWS_MAX_ATTEMPTS: '2', ...env(forCli.port) }));
    const ours = await runAwsdeckAsync(args, moto.env({ AWS_MAX_ATTEMPTS: '2', ...env(forUs.port) }));
    return { cli, ours, forCli, forUs };
  };

  it('a 407 to CONNECT: same message with credentials masked, same exit code, same requests', async () => {
    const { cli, ours, forCli, forUs } = await compare((port) => ({ HTTPS_PROXY: `http://user:${secret}@127.0.0.1:${port}` }), 'https://sts.proxy.test', 'user:other');
    expect(ours.status).toBe(cli.status);
    expect(ours.status).toBe(255);
    const message = (port: number) => `Failed to connect to proxy URL: "http://***:***@127.0.0.1:${port}"`;
    expect(cli.stderr).toContain(message(forCli.port));
    expect(ours.stderr.trim()).toBe(message(forUs.port));
    expect(forUs.seen.map((s) => `${s.method} ${s.target}`)).toEqual(forCli.seen.map((s) => `${s.method} ${s.target}`));
    expect(ours.stderr + ours.stdout).not.toContain(PASSWORD);
  });

  it('a 407 to a forwarded request: exit 255 tried once as the CLI, with the proxy message', async () => {
    const { cli, ours, forCli, forUs } = await compare((port) => ({ HTTP_PROXY: `http://user:${secret}@127.0.0.1:${port}` }), moto.endpoint, 'user:other');
    expect(ours.status).toBe(cli.status);
    expect(ours.stderr.trim()).toBe(`Failed to connect to proxy URL: "http://***:***@127.0.0.1:${forUs.port}"`);
    expect(kinds(forUs)).toEqual(kinds(forCli));
  });

  it('an unreachable proxy: same message and exit code, for https and http endpoints', async () => {
    const port = await freePort();
    for (const [name, endpoint] of [['HTTPS_PROXY', 'https://sts.proxy.test'], ['HTTP_PROXY', moto.endpoint]] as const) {
      const env = moto.env({ AWS_MAX_ATTEMPTS: '1', [name]: `http://user:${secret}@127.0.0.1:${port}` });
      const args = ['sts', 'get-caller-identity', '--endpoint-url', endpoint];
      const [cli, ours] = await Promise.all([runAwsCliAsync(args, env), runAwsdeckAsync(args, env)]);
      expect(ours.status, name).toBe(cli.status);
      expect(ours.stderr.trim(), name).toBe(cli.stderr.trim());
      expect(ours.stderr.trim()).toBe(`Failed to connect to proxy URL: "http://***:***@127.0.0.1:${port}"`);
    }
  });
});

describe('an endpoint URL with a path', () => {
  it('is reported as the CLI reports it', async () => {
    const port = await freePort();
    const env = moto.env({ AWS_MAX_ATTEMPTS: '1' });
    for (const args of [['sts', 'get-caller-identity'], ['s3api', 'list-objects-v2', '--bucket', 'b']]) {
      const all = [...args, '--endpoint-url', `http://127.0.0.1:${port}/prefix`];
      const [cli, ours] = await Promise.all([runAwsCliAsync(all, env), runAwsdeckAsync(all, env)]);
      expect(ours.status).toBe(cli.status);
      expect(ours.stderr.trim()).toBe(cli.stderr.trim());
    }
  });
});
