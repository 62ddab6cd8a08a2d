// Child process of pipeline-memory.test.ts (run with --expose-gc): sends requests through the
// engine's whole pipeline (endpoint, serialize, sign, send, retry, parse) and prints the heap after
// a full GC at each checkpoint, as one JSON line. Alone in its process, so the server's memory and
// vitest's do not count.
import { createClient } from '../../src/engine/http/client.js';

const [endpoint, accessKeyId, secretAccessKey, total, ...checkpointArgs] = process.argv.slice(2);
const checkpoints = checkpointArgs.map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const credentials = { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! };
const sts = createClient({ service: 'sts', region: 'us-east-1', endpointUrl: endpoint, credentials });
const ec2 = createClient({ service: 'ec2', region: 'us-east-1', endpointUrl: endpoint, credentials });
// Two protocols (query XML and EC2) and a paginated-looking call, a few requests in flight at once.
const callNumber = (i: number) => (i % 2 === 0 ? sts.call('GetCallerIdentity', {}) : ec2.call('DescribeRegions', {}));
const IN_FLIGHT = 8;

async function settleHeap(): Promise<number> {
  // Several passes with a turn of the event loop between: finalizers and sockets' buffers go too.
  for (let i = 0; i < 4; i++) {
    gc!();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

const heapAt: Record<number, number> = {};
let sent = 0;
let failed = 0;
const started = Date.now();
while (sent < Number(total)) {
  const batch = Math.min(IN_FLIGHT, Number(total) - sent);
  const results = await Promise.allSettled(Array.from({ length: batch }, (_, k) => callNumber(sent + k)));
  failed += results.filter((r) => r.status === 'rejected').length;
  sent += batch;
  if (checkpoints.includes(sent)) heapAt[sent] = await settleHeap();
}
process.stdout.write(`${JSON.stringify({ sent, failed, heapAt, ms: Date.now() - started })}\n`);
