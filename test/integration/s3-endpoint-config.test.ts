// The `s3` section's endpoint and signing settings beside the AWS CLI v2: use_accelerate_endpoint
// (with use_dualstack_endpoint and addressing_style), whose hosts are real AWS names, observed only
// as the CONNECT target a local proxy refuses (407: nothing is forwarded); and
// payload_signing_enabled, observed on recording servers over http and https on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { runIn, usePrivateBundle } from '../support/s3-pair.js';

let root: string;
let proxy: ForwardProxy;
const servers: Server[] = [];
let httpUrl: string;
let httpsUrl: string;

interface Recorded { url: string; headers: IncomingMessage['headers'] }
const recorded: Recorded[] = [];

function answer(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on('end', () => {
    recorded.push({ url: req.url!, headers: req.headers });
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-length': '5', etag: '"x"' });
      res.end('hello');
    } else if (req.method === 'POST') {
      res.writeHead(200);
      res.end('<DeleteResult></DeleteResult>');
    } else {
      res.writeHead(200, { etag: '"e"' });
      res.end();
    }
  });
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'awsdeck-s3-endpoint-'));
  const keyPath = join(root, 'key.pem');
  const certPath = join(root, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyPath, '-out', certPath], { stdio: 'pipe' });
  const [, httpPort, httpsPort] = await Promise.all([
    usePrivateBundle(),
    listen(createHttpServer(answer)),
    listen(createHttpsServer({ key: readFileSync(keyPath), cert: readFileSync(certPath) }, answer)),
  ]);
  httpUrl = `http://127.0.0.1:${httpPort}`;
  httpsUrl = `https://127.0.0.1:${httpsPort}`;
  writeFileSync(join(root, 'f.txt'), 'hello');
  // Every CONNECT is answered 407: the proxy sees the host and nothing leaves the machine.
  proxy = await startForwardProxy({ credentials: 'never:given' });
}, 60_000);

afterAll(async () => {
  for (const server of servers) server.close();
  await proxy?.close();
});

function envWith(s3Section: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const config = join(mkdtempSync(join(root, 'cfg-')), 'config');
  // An `s3 =` with nothing under it crashes the CLI ('str' object has no attribute 'get').
  writeFileSync(config, `[default]\nregion = us-east-1\n${s3Section ? `s3 =\n${s3Section}\n` : ''}`);
  return {
    PATH: process.env.PATH, HOME: root, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(root, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_MAX_ATTEMPTS: '1', AWS_PAGER: '',
    ...extra,
  };
}

describe.concurrent('s3 endpoint settings against the CLI v2', () => {
  it.concurrent('use_accelerate_endpoint: the same host (seen by a refusing proxy) or the same rule-set error', async () => {
    const accelerate = '  use_accelerate_endpoint = true';
    const cases: Array<[string, string[]]> = [
      [accelerate, ['s3api', 'list-objects-v2', '--bucket', 'mybucket']],
      [`${accelerate}\n  use_dualstack_endpoint = true`, ['s3api', 'head-object', '--bucket', 'mybucket', '--key', 'a/b c']],
      [`${accelerate}\n  addressing_style = path`, ['s3', 'ls', 's3://mybucket/logs/', '--region', 'eu-west-1']],
      ['  use_accelerate_endpoint = TRUE', ['s3api', 'list-buckets']],
      [accelerate, ['s3api', 'list-objects-v2', '--bucket', 'my.dotted.bucket']],
      [accelerate, ['s3api', 'get-bucket-location', '--bucket', 'mybucket']],
      [accelerate, ['s3api', 'list-objects-v2', '--bucket', 'mybucket', '--region', 'cn-north-1']],
      [accelerate, ['s3api', 'list-objects-v2', '--bucket', 'mybucket', '--endpoint-url', httpUrl]],
      ['  use_dualstack_endpoint = true', ['s3api', 'list-objects-v2', '--bucket', 'mybucket', '--region', 'eu-west-1']],
      ['  use_accelerate_endpoint = yes', ['s3api', 'list-objects-v2', '--bucket', 'mybucket']],
    ];
    for (const [section, args] of cases) {
      const env = envWith(section, { HTTPS_PROXY: proxy.url });
      const seen: string[][] = [];
      const results = [];
      for (const tool of ['cli', 'deck'] as const) {
        const before = proxy.seen.length;
        results.push(await runIn(tool, args, { cwd: root, env }));
        seen.push(proxy.seen.slice(before).map((r) => `${r.method} ${r.target}`));
      }
      const [cli, deck] = results;
      expect({ args, seen: seen[1], stdout: deck.stdout, stderr: deck.stderr, status: deck.status })
        .toEqual({ args, seen: seen[0], stdout: cli.stdout, stderr: cli.stderr, status: cli.status });
    }
    expect(proxy.seen.map((r) => r.target)).toContain('mybucket.s3-accelerate.dualstack.amazonaws.com:443');
    // A presigned URL names the accelerate host too (nothing is sent).
    const env = envWith('  use_accelerate_endpoint = true');
    const [cli, deck] = await Promise.all((['cli', 'deck'] as const).map((tool) => runIn(tool, ['s3', 'presign', 's3://mybucket/k', '--region', 'eu-west-1'], { cwd: root, env })));
    expect(deck.stdout.split('?')[0]).toBe('https://mybucket.s3-accelerate.amazonaws.com/k');
    expect(deck.stdout.split('?')[0]).toBe(cli.stdout.split('?')[0]);
  }, 180_000);

  it.concurrent('payload_signing_enabled and botocore\'s own choice: the same X-Amz-Content-SHA256 and Content-MD5', async () => {
    const cases: Array<[string, string, string[]]> = [];
    const putObject = ['s3api', 'put-object', '--bucket', 'b', '--key', 'k', '--body', 'f.txt'];
    for (const section of ['', '  payload_signing_enabled = false', '  payload_signing_enabled = true']) {
      cases.push([section, httpsUrl, putObject], [section, httpUrl, putObject]);
    }
    cases.push(
      ['', httpsUrl, ['s3api', 'delete-objects', '--bucket', 'b', '--delete', 'Objects=[{Key=k}]']],
      ['', httpsUrl, ['s3api', 'get-object', '--bucket', 'b', '--key', 'k', 'out.txt']],
      ['', httpsUrl, ['s3', 'cp', 'f.txt', 's3://b/f.txt']],
    );
    // The path only: awsdeck writes a valueless sub-resource as `?delete=`, the CLI as `?delete`.
    const signingHeaders = (from: number, to: number) => recorded.slice(from, to).map((r) => ({
      path: r.url.split('?')[0], sha256: r.headers['x-amz-content-sha256'], md5: r.headers['content-md5'],
    }));
    for (const [section, endpoint, args] of cases) {
      const env = envWith(section);
      const argv = ['--endpoint-url', endpoint, '--no-verify-ssl', ...args];
      const start = recorded.length;
      const cli = await runIn('cli', argv, { cwd: root, env });
      const middle = recorded.length;
      const deck = await runIn('deck', argv, { cwd: root, env });
      expect(deck.status, `${args.join(' ')}\n${cli.stderr}\n${deck.stderr}`).toBe(cli.status);
      expect({ section, endpoint, args, sent: signingHeaders(middle, recorded.length) })
        .toEqual({ section, endpoint, args, sent: signingHeaders(start, middle) });
    }
    const unsigned = recorded.filter((r) => r.headers['x-amz-content-sha256'] === 'UNSIGNED-PAYLOAD');
    expect(unsigned.length).toBeGreaterThanOrEqual(6);
  }, 180_000);
});
