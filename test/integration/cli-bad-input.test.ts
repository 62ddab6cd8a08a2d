// Bad input and broken servers through the shipped CLI: a clear message, the CLI's exit code,
// never a crash or a secret on screen.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsdeck, runAwsdeckAsync } from '../support/cli.js';
import { startMoto, type MotoServer } from '../support/moto.js';

let broken: Server;
let brokenUrl: string;
let moto: MotoServer;

const baseEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH, HOME: '/nonexistent', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_DEFAULT_REGION: 'us-east-1', ...extra,
});

beforeAll(async () => {
  broken = createServer((req, res) => {
    if (req.url?.includes('truncated') || req.headers['x-amz-target']?.includes('ListTables')) {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{"TableNames": ["a", ');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end('<DescribeRegionsResponse><regionInfo><item><regionName>us-ea');
  });
  await new Promise<void>((r) => broken.listen(0, '127.0.0.1', () => r()));
  brokenUrl = `http://127.0.0.1:${(broken.address() as { port: number }).port}`;
  moto = await startMoto();
});

afterAll(async () => {
  await new Promise<void>((r) => broken.close(() => r()));
  await moto?.stop();
});

describe('malformed server replies', () => {
  it('a truncated XML body names the operation and exits 255', async () => {
    const r = await runAwsdeckAsync(['ec2', 'describe-regions', '--endpoint-url', brokenUrl], baseEnv());
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/DescribeRegions/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stdout).toBe('');
  });

  it('a truncated JSON body names the operation and exits 255', async () => {
    const r = await runAwsdeckAsync(['dynamodb', 'list-tables', '--endpoint-url', brokenUrl], baseEnv());
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/ListTables/);
  });

  it('a port nobody listens on gives the CLI connection error', () => {
    const r = runAwsdeck(['sts', 'get-caller-identity', '--endpoint-url', 'http://127.0.0.1:9'], baseEnv({ AWS_MAX_ATTEMPTS: '1' }));
    expect(r.status).toBe(255);
    expect(r.stderr).toBe('\nCould not connect to the endpoint URL: "http://127.0.0.1:9/"\n');
  });
});

describe('--debug never shows secrets', () => {
  it('redacts the signature, the session token and secrets in bodies', () => {
    const token = 'FQoGZXIvYXdzEXAMPLESESSIONTOKENVALUE';
    const r = runAwsdeck(['sts', 'get-session-token', '--endpoint-url', moto.endpoint, '--debug'], moto.env({ AWS_SESSION_TOKEN: token }));
    expect(r.stderr).toContain('send POST');
    expect(r.stderr).toContain('Signature=<redacted>');
    expect(r.stderr).not.toContain(token);
    expect(r.stderr).not.toContain(moto.secretAccessKey);
    const issued = /"SecretAccessKey": "([^"]+)"/.exec(r.stdout)?.[1];
    if (r.status === 0) {
      expect(issued).toBeTruthy();
      expect(r.stderr).not.toContain(issued!);
      expect(r.stderr).toContain('<SecretAccessKey><redacted></SecretAccessKey>');
    } else {
      // moto rejects session tokens it did not issue; the trace must still be clean.
      expect(r.stderr).toMatch(/InvalidClientTokenId|ExpiredToken|SignatureDoesNotMatch/);
    }
  });
});

describe('configuration errors', () => {
  it('no region is exit 253 with the CLI message', () => {
    const env = baseEnv();
    delete env.AWS_DEFAULT_REGION;
    const r = runAwsdeck(['ec2', 'describe-regions'], env);
    expect(r.status).toBe(253);
    expect(r.stderr).toBe('\nYou must specify a region. You can also configure your region by running "aws configure".\n');
  });

  it('a bad --endpoint-url is a usage error', () => {
    const r = runAwsdeck(['sts', 'get-caller-identity', '--endpoint-url', 'localhost:1'], baseEnv());
    expect(r.status).toBe(252);
    expect(r.stderr).toContain('Bad value for --endpoint-url "localhost:1"');
  });
});
