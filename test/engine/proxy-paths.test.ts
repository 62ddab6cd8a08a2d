// Every HTTP path uses the one transport, so a proxy applies to all of them: the dashboard's
// engine adapter (identity check and resource calls) in front of moto, and SSO sign-in's OIDC
// calls against the sandbox.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import type { Interaction } from '../../src/app/engine-port.js';
import { networkFromEnv } from '../../src/engine/http/proxy.js';
import { oidcApi } from '../../src/engine/sso/oidc.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { startMoto, type MotoServer } from '../support/moto.js';

let moto: MotoServer;
let proxy: ForwardProxy;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startForwardProxy({ credentials: 'dash:board' });
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe('the dashboard', () => {
  it('checks identities and lists resources through the profile\'s proxy', async () => {
    const home = mkdtempSync(join(tmpdir(), 'awsdeck-proxy-dash-'));
    writeFileSync(join(home, 'config'), [
      '[profile p]', 'region = us-east-1', `endpoint_url = ${moto.endpoint}`,
      `aws_access_key_id = ${moto.accessKeyId}`, `aws_secret_access_key = ${moto.secretAccessKey}`, '',
    ].join('\n'));
    const env = {
      PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true', HTTP_PROXY: `http://dash:board@127.0.0.1:${proxy.port}`,
    };
    const adapter = createEngineAdapter(env, {});
    const interaction = { mfaCode: async () => '' } as unknown as Interaction;
    const before = proxy.seen.length;
    const identity = await adapter.identify('p', interaction);
    expect(identity.account).toBeTruthy();
    await adapter.service('p', 'us-east-1', 'ec2', interaction).call('DescribeRegions', {});
    const seen = proxy.seen.slice(before);
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect(seen.every((s) => s.target.startsWith(`${moto.endpoint}/`) && s.proxyAuthorization === `Basic ${Buffer.from('dash:board').toString('base64')}`)).toBe(true);
  });
});

describe('SSO sign-in', () => {
  it('registers its OIDC client through the proxy', async () => {
    const sandbox = await startSandbox({ seed: 'demo' });
    try {
      const before = proxy.seen.length;
      const oidc = oidcApi({ region: 'us-east-1', endpointUrl: sandbox.url, network: networkFromEnv({ HTTP_PROXY: `http://dash:board@127.0.0.1:${proxy.port}` }) });
      const client = await oidc.registerClient({ clientName: 'awsdeck-proxy-test', clientType: 'public' });
      expect(client.clientId).toBeTruthy();
      expect(proxy.seen.slice(before).map((s) => `${s.method} ${s.target}`)).toEqual([`POST ${sandbox.url}/client/register`]);
    } finally {
      await sandbox.close();
    }
  });
});
