// The request pipeline through a real local proxy: absolute-form forwarding to moto (signatures
// checked), CONNECT tunnels to an HTTPS endpoint whose name only the proxy resolves, an HTTPS
// proxy verified with proxy_ca_bundle and shown a client certificate, forwarding for HTTPS, 407s,
// an unreachable proxy, NO_PROXY, and an endpoint URL with a path used as given.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../../src/engine/http/client.js';
import { TransportError } from '../../src/engine/http/errors.js';
import { networkFromEnv, type ProxySettings } from '../../src/engine/http/proxy.js';
import { resolveCredentials } from '../../src/engine/credentials/index.js';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { freePort, startMoto, type MotoServer } from '../support/moto.js';

const identity = '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/tunnel</Arn><UserId>AIDATUNNEL</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>';
// A name that never reaches DNS: the proxy connects it to 127.0.0.1.
const NAME = 'sts.proxy.test';
const USER = 'us@er';
const PASSWORD = 'p:ss w0rd';
const userinfo = `${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}`;

let moto: MotoServer;
let tlsServer: Server;
let tlsPort: number;
let dir: string;
let certPath: string;
let keyPath: string;
let clientPemPath: string;
const proxies: ForwardProxy[] = [];

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awsdeck-proxy-'));
  certPath = join(dir, 'cert.pem');
  keyPath = join(dir, 'key.pem');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', `subjectAltName=IP:127.0.0.1,DNS:${NAME}`, '-keyout', keyPath, '-out', certPath]);
  const clientKey = join(dir, 'client-key.pem');
  const clientCert = join(dir, 'client-cert.pem');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=awsdeck-client', '-keyout', clientKey, '-out', clientCert]);
  clientPemPath = join(dir, 'client.pem');
  writeFileSync(clientPemPath, readFileSync(clientCert).toString() + readFileSync(clientKey).toString());
  tlsServer = createServer({ key: readFileSync(keyPath), cert: readFileSync(certPath) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(identity);
  });
  await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', () => r()));
  tlsPort = (tlsServer.address() as { port: number }).port;
  moto = await startMoto();
});

afterAll(async () => {
  await moto?.stop();
  await new Promise<void>((r) => tlsServer.close(() => r()));
});

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function proxy(options: Parameters<typeof startForwardProxy>[0] = {}): Promise<ForwardProxy> {
  const p = await startForwardProxy(options);
  proxies.push(p);
  return p;
}

function sts(env: Record<string, string>, extra: Partial<ClientOptions> & { proxy?: ProxySettings } = {}) {
  const { proxy: settings, ...rest } = extra;
  return createClient({
    service: 'sts', region: 'us-east-1', maxAttempts: 1,
    credentials: { accessKeyId: moto.accessKeyId, secretAccessKey: moto.secretAccessKey },
    endpointUrl: moto.endpoint,
    network: networkFromEnv(env, settings),
    ...rest,
  });
}

const tunnelled = (): Partial<ClientOptions> => ({ endpointUrl: `https://${NAME}:${tlsPort}`, caBundle: certPath });

describe('HTTP endpoints through a forwarding proxy', () => {
  it('sends the absolute URL and Basic credentials; moto checks the signature and answers', async () => {
    const p = await proxy({ credentials: `${USER}:${PASSWORD}` });
    const r = await sts({ HTTP_PROXY: `http://${userinfo}@127.0.0.1:${p.port}` }).call('GetCallerIdentity');
    expect(r.Arn).toContain(':user/awsdeck-test');
    expect(p.seen).toEqual([{ method: 'POST', target: `${moto.endpoint}/`, host: `127.0.0.1:${moto.port}`, proxyAuthorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` }]);
  });

  it('the lower-case variable is the one used', async () => {
    const used = await proxy();
    const ignored = await proxy();
    await sts({ HTTP_PROXY: ignored.url, http_proxy: used.url }).call('GetCallerIdentity');
    expect(used.seen).toHaveLength(1);
    expect(ignored.seen).toHaveLength(0);
  });

  it('NO_PROXY sends a matching host direct', async () => {
    const p = await proxy();
    for (const noProxy of ['127.0.0.1', `127.0.0.1:${moto.port}`, '127.0.0.0/8', '*']) {
      const r = await sts({ HTTP_PROXY: p.url, NO_PROXY: noProxy }).call('GetCallerIdentity');
      expect(r.Account).toBeDefined();
    }
    expect(p.seen).toEqual([]);
  });

  it('a 407 is the CLI\'s proxy error with the credentials masked, tried once', async () => {
    const p = await proxy({ credentials: 'right:secret' });
    const lines: string[] = [];
    const err = await sts({ HTTP_PROXY: `http://wrong:${encodeURIComponent(PASSWORD)}@127.0.0.1:${p.port}` }, { maxAttempts: 3, debug: (l) => lines.push(l) })
      .call('GetCallerIdentity').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).message).toBe(`Failed to connect to proxy URL: "http://***:***@127.0.0.1:${p.port}"`);
    expect((err as TransportError).exitCode).toBe(255);
    expect(p.seen).toHaveLength(1);
    expect(lines.join('\n')).toContain('407');
    expect(lines.join('\n')).not.toContain(PASSWORD);
    expect(lines.join('\n')).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('an unreachable proxy is the CLI\'s proxy error', async () => {
    const port = await freePort();
    const err = await sts({ HTTP_PROXY: `http://user:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}` }).call('GetCallerIdentity').catch((e: unknown) => e);
    expect((err as TransportError).message).toBe(`Failed to connect to proxy URL: "http://***:***@127.0.0.1:${port}"`);
    expect((err as TransportError).exitCode).toBe(255);
  });
});

describe('HTTPS endpoints through a CONNECT tunnel', () => {
  it('tunnels to a name only the proxy resolves, verifies the endpoint with the CA bundle, and reuses the tunnel', async () => {
    const p = await proxy({ credentials: `${USER}:${PASSWORD}`, upstream: { host: '127.0.0.1', port: tlsPort } });
    const client = sts({ HTTPS_PROXY: `http://${userinfo}@127.0.0.1:${p.port}` }, tunnelled());
    expect((await client.call('GetCallerIdentity')).Arn).toBe('arn:aws:iam::123456789012:user/tunnel');
    expect((await client.call('GetCallerIdentity')).UserId).toBe('AIDATUNNEL');
    expect(p.seen).toEqual([{ method: 'CONNECT', target: `${NAME}:${tlsPort}`, host: `${NAME}:${tlsPort}`, proxyAuthorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` }]);
  });

  it('the endpoint certificate is still checked inside the tunnel', async () => {
    const p = await proxy({ upstream: { host: '127.0.0.1', port: tlsPort } });
    const err = await sts({ HTTPS_PROXY: p.url }, { endpointUrl: `https://${NAME}:${tlsPort}` }).call('GetCallerIdentity').catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('tls');
    expect((err as Error).message).toContain(`SSL validation failed for https://${NAME}:${tlsPort}/`);
  });

  it('a 407 to CONNECT is the proxy error, retried as the CLI retries it', async () => {
    const p = await proxy({ credentials: 'right:secret' });
    const err = await sts({ HTTPS_PROXY: `http://user:wrong@127.0.0.1:${p.port}` }, { ...tunnelled(), maxAttempts: 2 }).call('GetCallerIdentity').catch((e: unknown) => e);
    expect((err as TransportError).message).toBe(`Failed to connect to proxy URL: "http://***:***@127.0.0.1:${p.port}"`);
    expect(p.seen.map((s) => s.method)).toEqual(['CONNECT', 'CONNECT']);
  });

  it('a proxy given without a scheme is an http proxy', async () => {
    const p = await proxy({ upstream: { host: '127.0.0.1', port: tlsPort } });
    await sts({ https_proxy: `127.0.0.1:${p.port}` }, tunnelled()).call('GetCallerIdentity');
    expect(p.seen[0]?.method).toBe('CONNECT');
  });
});

describe('an HTTPS proxy', () => {
  const tlsProxy = (requestCert = false) => proxy({
    tls: { key: readFileSync(keyPath), cert: readFileSync(certPath), requestCert },
    upstream: { host: '127.0.0.1', port: tlsPort },
  });

  it('is verified with proxy_ca_bundle and shown proxy_client_cert (one PEM with certificate and key)', async () => {
    const p = await tlsProxy(true);
    const r = await sts({ HTTPS_PROXY: p.url }, { ...tunnelled(), proxy: { caBundle: certPath, clientCert: clientPemPath } }).call('GetCallerIdentity');
    expect(r.Account).toBe('123456789012');
    expect(p.seen.map((s) => s.method)).toEqual(['CONNECT']);
    expect(p.clientCerts).toContain('awsdeck-client');
  });

  it('takes the client certificate and key as two files', async () => {
    const p = await tlsProxy(true);
    const both = readFileSync(clientPemPath, 'utf8');
    const certOnly = join(dir, 'c.pem');
    const keyOnly = join(dir, 'k.pem');
    writeFileSync(certOnly, both.slice(0, both.indexOf('-----BEGIN PRIVATE KEY')));
    writeFileSync(keyOnly, both.slice(both.indexOf('-----BEGIN PRIVATE KEY')));
    await sts({ HTTPS_PROXY: p.url }, { ...tunnelled(), proxy: { caBundle: certPath, clientCert: { cert: certOnly, key: keyOnly } } }).call('GetCallerIdentity');
    expect(p.clientCerts).toContain('awsdeck-client');
  });

  it('without proxy_ca_bundle is checked like the endpoint, and an unknown CA fails as TLS', async () => {
    const p = await tlsProxy();
    const err = await sts({ HTTPS_PROXY: p.url }, { endpointUrl: `https://${NAME}:${tlsPort}` }).call('GetCallerIdentity').catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('tls');
    expect(p.seen).toEqual([]);
    // The endpoint's bundle then trusts the proxy too.
    await sts({ HTTPS_PROXY: p.url }, tunnelled()).call('GetCallerIdentity');
    expect(p.seen.map((s) => s.method)).toEqual(['CONNECT']);
  });

  it('with proxy_use_forwarding_for_https gets the absolute https URL instead of CONNECT', async () => {
    const p = await tlsProxy();
    const r = await sts({ HTTPS_PROXY: p.url }, { ...tunnelled(), proxy: { caBundle: certPath, useForwardingForHttps: true } }).call('GetCallerIdentity');
    expect(r.UserId).toBe('AIDATUNNEL');
    expect(p.seen).toEqual([expect.objectContaining({ method: 'POST', target: `https://${NAME}:${tlsPort}/`, host: `${NAME}:${tlsPort}` })]);
  });
});

describe('an endpoint URL with a path', () => {
  let recorder: HttpServer;
  let paths: string[];
  beforeAll(async () => {
    paths = [];
    recorder = createHttpServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(req.url?.includes('list-type') ? '<ListBucketResult><Name>b</Name><KeyCount>0</KeyCount></ListBucketResult>' : identity);
    });
    await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(() => new Promise<void>((r) => recorder.close(() => r())));

  it('is used as given, as the CLI uses it (no slash added; the operation path appended)', async () => {
    const base = `http://127.0.0.1:${(recorder.address() as { port: number }).port}`;
    const creds = { accessKeyId: 'AKID', secretAccessKey: 's' };
    for (const prefix of ['/prefix', '/prefix/']) {
      await createClient({ service: 'sts', region: 'us-east-1', credentials: creds, endpointUrl: `${base}${prefix}`, network: networkFromEnv({}) }).call('GetCallerIdentity');
      await createClient({ service: 's3api', region: 'us-east-1', credentials: creds, endpointUrl: `${base}${prefix}`, network: networkFromEnv({}) }).call('ListObjectsV2', { Bucket: 'bk' });
    }
    // What the AWS CLI v2 sent to the same endpoint URLs.
    expect(paths).toEqual(['/prefix', '/prefix/bk?list-type=2&encoding-type=url', '/prefix/', '/prefix/bk?list-type=2&encoding-type=url']);
  });

  it('is reported as given when it cannot be reached', async () => {
    const port = await freePort();
    const err = await createClient({ service: 'sts', region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, endpointUrl: `http://127.0.0.1:${port}/prefix`, network: networkFromEnv({}) })
      .call('GetCallerIdentity').catch((e: unknown) => e);
    expect((err as Error).message).toBe(`Could not connect to the endpoint URL: "http://127.0.0.1:${port}/prefix"`);
  });
});

describe('credential providers', () => {
  it('the chain\'s STS calls (assume-role) go through the proxy', async () => {
    const p = await proxy();
    const home = mkdtempSync(join(tmpdir(), 'awsdeck-proxy-home-'));
    writeFileSync(join(home, 'config'), [
      '[profile base]', `aws_access_key_id = ${moto.accessKeyId}`, `aws_secret_access_key = ${moto.secretAccessKey}`,
      '[profile role]', 'role_arn = arn:aws:iam::123456789012:role/proxied', 'source_profile = base', 'region = us-east-1', '',
    ].join('\n'));
    const env = { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), AWS_EC2_METADATA_DISABLED: 'true', HTTP_PROXY: p.url };
    const creds = await resolveCredentials('role', { env, region: 'us-east-1', endpointUrlFor: () => moto.endpoint }).get();
    expect(creds.accessKeyId).toBeTruthy();
    expect(p.seen.map((s) => `${s.method} ${s.target}`)).toEqual([`POST ${moto.endpoint}/`]);
  });

  it('the container credential endpoint is reached directly, never through the proxy', async () => {
    const p = await proxy();
    const creds = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ AccessKeyId: 'AKIDCONTAINER', SecretAccessKey: 's', Token: 't', Expiration: new Date(Date.now() + 3600_000).toISOString() }));
    });
    await new Promise<void>((r) => creds.listen(0, '127.0.0.1', () => r()));
    try {
      const env = {
        HOME: '/nonexistent', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true',
        HTTP_PROXY: p.url, http_proxy: p.url, AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${(creds.address() as { port: number }).port}/creds`,
      };
      expect((await resolveCredentials(undefined, { env }).get()).accessKeyId).toBe('AKIDCONTAINER');
      expect(p.seen).toEqual([]);
    } finally {
      await new Promise<void>((r) => creds.close(() => r()));
    }
  });
});

describe('proxy settings that cannot be used', () => {
  it('a missing proxy_ca_bundle is a clear configuration error (exit 255) naming the setting', async () => {
    const p = await proxy({ tls: { key: readFileSync(keyPath), cert: readFileSync(certPath) }, upstream: { host: '127.0.0.1', port: tlsPort } });
    const missing = join(dir, 'no-such-ca.pem');
    const err = await sts({ HTTPS_PROXY: p.url }, { ...tunnelled(), proxy: { caBundle: missing } }).call('GetCallerIdentity').catch((e: unknown) => e);
    expect((err as Error).message).toContain(`Invalid configuration value(s) provided for proxies_config. proxy_ca_bundle ${missing}`);
    expect((err as { exitCode: number }).exitCode).toBe(255);
    expect(p.seen).toEqual([]);
  });
});
