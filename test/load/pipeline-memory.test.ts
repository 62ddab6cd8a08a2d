// 10,000 requests through the engine's pipeline against the sandbox: the client's heap after a full
// GC at 10,000 requests stays within a small bound of the heap at 1,000. Nothing per request (a
// response, a socket, a listener, a cache entry) may be kept. The client runs in its own process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, type Sandbox } from '../../src/sandbox/index.js';

/** Heap allowed to grow between 1,000 and 10,000 requests: 9,000 kept requests would be far more. */
const GROWTH_BOUND_BYTES = 1.5 * 1024 * 1024;

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await startSandbox({ seed: 'empty' }); });
afterAll(async () => { await sandbox.close(); });

describe('the request pipeline under load', () => {
  it('keeps a flat heap over 10,000 requests', async () => {
    const client = new URL('./pipeline-client.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', client, sandbox.url, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, '10000', '1000', '10000'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: '/nonexistent', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' },
      timeout: 50_000,
    });
    const result = JSON.parse(stdout.trim()) as { sent: number; failed: number; heapAt: Record<string, number>; ms: number };
    const growth = result.heapAt['10000']! - result.heapAt['1000']!;
    console.log(`pipeline load: ${result.sent} requests in ${result.ms} ms, heap after GC ${(result.heapAt['1000']! / 1048576).toFixed(2)} MB at 1k, ${(result.heapAt['10000']! / 1048576).toFixed(2)} MB at 10k (growth ${(growth / 1024).toFixed(0)} KB)`);
    expect(result.sent).toBe(10_000);
    expect(result.failed).toBe(0);
    expect(growth).toBeLessThan(GROWTH_BOUND_BYTES);
  }, 58_000);
});
