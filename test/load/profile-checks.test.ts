// 200 profiles checked at once by the dashboard's model (its background health checks, the engine
// adapter the dashboard runs on) against the sandbox over HTTP: every profile gets its own result,
// and the server never sees more identity checks in flight than the dashboard's limit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { createSandboxState, sandboxRequestListener, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from '../../src/sandbox/index.js';

const PROFILES = 200;
const DASHBOARD_CHECK_LIMIT = 4; // createDashboard's default
const isRefused = (i: number) => i % 10 === 7; // every tenth profile has a wrong secret

let server: Server;
let url: string;
const seen = { inFlight: 0, maxInFlight: 0, identityChecks: 0 };

beforeAll(async () => {
  const listener = sandboxRequestListener(createSandboxState({ seed: 'empty' }));
  server = createServer((req, res) => {
    seen.inFlight++;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    seen.identityChecks++;
    res.on('close', () => { seen.inFlight--; });
    // A server that takes a moment, as STS does, so checks overlap and the limit is what holds them.
    setTimeout(() => listener(req, res), 10);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise((r) => server.close(r)); });

describe('the dashboard checking 200 profiles', () => {
  it('gives every profile its result, with at most the limit in flight', async () => {
    const home = mkdtempSync(join(tmpdir(), 'awsdeck-200-'));
    const names = Array.from({ length: PROFILES }, (_, i) => `p${String(i).padStart(3, '0')}`);
    writeFileSync(join(home, 'config'), names.map((n) => `[profile ${n}]\nregion = us-east-1\n`).join('\n'));
    writeFileSync(join(home, 'credentials'), names.map((n, i) =>
      `[${n}]\naws_access_key_id = ${SANDBOX_ACCESS_KEY_ID}\naws_secret_access_key = ${isRefused(i) ? 'not-the-secret' : SANDBOX_SECRET_ACCESS_KEY}\n`).join('\n'));
    const env = {
      HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: url, XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'xdg'),
    };
    const dashboard = createDashboard(createEngineAdapter(env), { env });
    await dashboard.load();
    expect(dashboard.profiles.get().profiles).toHaveLength(PROFILES);

    await dashboard.checkAll();

    const { identities } = dashboard.profiles.get();
    expect(Object.keys(identities).sort()).toEqual(names);
    names.forEach((name, i) => {
      const state = identities[name]!;
      if (isRefused(i)) {
        expect(state.status, name).toBe('error');
        expect(state.message, name).toMatch(/SignatureDoesNotMatch|signature/i);
      } else {
        expect(state.status, name).toBe('valid');
        expect(state.identity?.arn, name).toMatch(/^arn:aws:iam::\d{12}:user\//);
      }
    });
    // One request per profile: none dropped, none repeated.
    expect(seen.identityChecks).toBe(PROFILES);
    expect(seen.maxInFlight).toBeLessThanOrEqual(DASHBOARD_CHECK_LIMIT);
    // The limit is what held them back, not a server too quick to overlap requests.
    expect(seen.maxInFlight).toBe(DASHBOARD_CHECK_LIMIT);
  });
});
