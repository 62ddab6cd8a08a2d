// Per-page ListObjectsV2 latency: the sandbox over its 100,000-object demo bucket against moto
// over a 10,000-object bucket (the bar: the sandbox at least as fast per page).
// Run: node bench/sandbox-listing.mjs   (needs python3 with moto and boto3)
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { register } from 'tsx/esm/api';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';

register();
const { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } = await import('../src/sandbox/index.ts');

const EMPTY_SHA = createHash('sha256').update('').digest('hex');
const MOTO_OBJECTS = 10_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function waitFor(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('moto exited early');
    try { await (await fetch(url)).arrayBuffer(); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error('moto did not start');
}

const fillScript = `
import boto3, sys
from concurrent.futures import ThreadPoolExecutor
s3 = boto3.client('s3', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='bench', aws_secret_access_key='bench')
s3.create_bucket(Bucket='bench')
def put(i): s3.put_object(Bucket='bench', Key='events/batch-%03d/event-%06d.json' % (i // 1000, i), Body=b'{"id": %d}\\n' % i)
with ThreadPoolExecutor(16) as pool: list(pool.map(put, range(int(sys.argv[2]))))
`;

async function listAll(endpoint, bucket, credentials, maxPages) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false });
  const times = [];
  let token;
  let keys = 0;
  for (let page = 0; page < maxPages; page++) {
    const query = { 'list-type': '2', 'max-keys': '1000', 'encoding-type': 'url', ...(token ? { 'continuation-token': token } : {}) };
    const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: `/${bucket}`, query, headers: { host: url.host, 'x-amz-content-sha256': EMPTY_SHA } });
    const qs = new URLSearchParams(query).toString();
    const started = performance.now();
    const res = await fetch(`${endpoint}/${bucket}?${qs}`, { headers: signed.headers });
    const text = await res.text();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
    keys += (text.match(/<Key>/g) ?? []).length;
    token = /<NextContinuationToken>([^<]+)</.exec(text)?.[1];
    if (!token) break;
  }
  return { pages: times.length, keys, times };
}

function summary(name, { pages, keys, times }) {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { name, pages, keys, meanMs: +mean.toFixed(2), medianMs: +sorted[Math.floor(sorted.length / 2)].toFixed(2), p95Ms: +sorted[Math.floor(sorted.length * 0.95)].toFixed(2) };
}

const port = await freePort();
const moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
const sandbox = await startSandbox({ seed: 'demo' });
try {
  const motoUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${motoUrl}/moto-api/`, moto);
  process.stderr.write(`filling moto with ${MOTO_OBJECTS} objects…\n`);
  execFileSync('python3', ['-c', fillScript, motoUrl, String(MOTO_OBJECTS)], { env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' } });
  const sandboxCreds = { accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: SANDBOX_SECRET_ACCESS_KEY };
  await listAll(sandbox.url, 'awsdeck-demo-dev-telemetry', sandboxCreds, 3); // warm-up
  await listAll(motoUrl, 'bench', { accessKeyId: 'bench', secretAccessKey: 'bench' }, 3);
  const motoResult = summary(`moto (${MOTO_OBJECTS} objects)`, await listAll(motoUrl, 'bench', { accessKeyId: 'bench', secretAccessKey: 'bench' }, 1000));
  const sandboxResult = summary('sandbox (100,000 objects)', await listAll(sandbox.url, 'awsdeck-demo-dev-telemetry', sandboxCreds, 1000));
  console.table([sandboxResult, motoResult]);
  const ok = sandboxResult.meanMs <= motoResult.meanMs;
  console.log(ok ? `PASS: sandbox ${sandboxResult.meanMs} ms/page <= moto ${motoResult.meanMs} ms/page` : `FAIL: sandbox ${sandboxResult.meanMs} ms/page > moto ${motoResult.meanMs} ms/page`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await sandbox.close();
  moto.kill('SIGTERM');
}
