// TLS: a private CA through AWS_CA_BUNDLE or --ca-bundle, --no-verify-ssl, and the CLI's error
// when verification fails. The server is a real HTTPS server on 127.0.0.1 with a certificate
// made for this run by openssl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsdeckAsync } from '../support/cli.js';

let server: Server;
let url: string;
let caPath: string;

const identity = '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/tls</Arn><UserId>AIDATLS</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'awsdeck-tls-'));
  caPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyPath, '-out', caPath], { stdio: 'pipe' });
  server = createServer({ key: readFileSync(keyPath), cert: readFileSync(caPath) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(identity);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH, HOME: '/nonexistent', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_DEFAULT_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1', ...extra,
});

describe('TLS verification', () => {
  it('fails against an unknown CA with the SSL error and exit 255', async () => {
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--endpoint-url', url], env());
    expect(r.status).toBe(255);
    expect(r.stderr).toContain(`SSL validation failed for ${url}/`);
  });

  it('trusts the CA given in AWS_CA_BUNDLE', async () => {
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--endpoint-url', url, '--query', 'Account', '--output', 'text'], env({ AWS_CA_BUNDLE: caPath }));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('123456789012\n');
  });

  it('trusts the CA given with --ca-bundle', async () => {
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--endpoint-url', url, '--ca-bundle', caPath, '--query', 'Arn'], env());
    expect(r.stdout).toBe('"arn:aws:iam::123456789012:user/tls"\n');
  });

  it('--no-verify-ssl skips verification', async () => {
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--endpoint-url', url, '--no-verify-ssl', '--query', 'UserId'], env());
    expect(r.stdout).toBe('"AIDATLS"\n');
  });
});
