// The credential providers that talk to a server, through the shipped CLI: container credentials
// and IMDSv2 against real HTTP servers on 127.0.0.1, web identity against moto (signature
// checking off: moto 5.2.1 fails unsigned AssumeRoleWithWebIdentity with it on).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsdeckAsync } from '../support/cli.js';
import { startMoto, type MotoServer } from '../support/moto.js';

const expiration = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
const dir = mkdtempSync(join(tmpdir(), 'awsdeck-providers-'));
const baseEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  AWS_DEFAULT_REGION: 'us-east-1', ...extra,
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

let container: { server: Server; url: string };
let imds: { server: Server; url: string };
let moto: MotoServer;
const imdsRequests: string[] = [];

beforeAll(async () => {
  container = await serve((req, res) => {
    if (req.headers.authorization !== 'container-token') {
      res.writeHead(403).end('{"message":"bad token"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ AccessKeyId: 'ASIACONTAINER', SecretAccessKey: 'container-secret', Token: 'container-session', Expiration: expiration }));
  });
  imds = await serve((req, res) => {
    imdsRequests.push(`${req.method} ${req.url}`);
    if (req.method === 'PUT' && req.url === '/latest/api/token') return void res.writeHead(200).end('imds-token');
    if (req.headers['x-aws-ec2-metadata-token'] !== 'imds-token') return void res.writeHead(401).end();
    if (req.url === '/latest/meta-data/iam/security-credentials/') return void res.writeHead(200).end('instance-role');
    if (req.url === '/latest/meta-data/iam/security-credentials/instance-role') {
      return void res.writeHead(200).end(JSON.stringify({ Code: 'Success', AccessKeyId: 'ASIAIMDS', SecretAccessKey: 'imds-secret', Token: 'imds-session', Expiration: expiration }));
    }
    res.writeHead(404).end();
  });
  moto = await startMoto({ auth: false });
});

afterAll(async () => {
  container.server.close();
  imds.server.close();
  await moto?.stop();
});

const exported = (stdout: string) => JSON.parse(stdout) as { AccessKeyId: string; SessionToken?: string; Version: number };

describe('credential providers over HTTP', () => {
  it('container credentials from AWS_CONTAINER_CREDENTIALS_FULL_URI with the authorization token', async () => {
    const r = await runAwsdeckAsync(['configure', 'export-credentials', '--format', 'process'], baseEnv({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'container-token',
      AWS_EC2_METADATA_DISABLED: 'true',
    }));
    expect(r.stderr).toBe('');
    expect(exported(r.stdout)).toMatchObject({ Version: 1, AccessKeyId: 'ASIACONTAINER', SessionToken: 'container-session' });
  });

  it('IMDSv2: a session token first, then the role and its credentials', async () => {
    imdsRequests.length = 0;
    const r = await runAwsdeckAsync(['configure', 'export-credentials', '--format', 'process'], baseEnv({
      AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url,
    }));
    expect(r.stderr).toBe('');
    expect(exported(r.stdout)).toMatchObject({ AccessKeyId: 'ASIAIMDS', SessionToken: 'imds-session' });
    expect(imdsRequests[0]).toBe('PUT /latest/api/token');
  });

  it('AWS_EC2_METADATA_DISABLED=true never contacts IMDS', async () => {
    imdsRequests.length = 0;
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity'], baseEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url, AWS_EC2_METADATA_DISABLED: 'true' }));
    expect(r.status).toBe(253);
    expect(r.stderr).toContain('Unable to locate credentials');
    expect(imdsRequests).toEqual([]);
  });

  it('web identity: AssumeRoleWithWebIdentity (unsigned) against moto, then a signed call with the result', async () => {
    const tokenFile = join(dir, 'web-identity-token');
    writeFileSync(tokenFile, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl');
    const r = await runAwsdeckAsync(['sts', 'get-caller-identity', '--endpoint-url', moto.endpoint, '--query', 'Arn', '--output', 'text'], baseEnv({
      AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/web', AWS_ROLE_SESSION_NAME: 'awsdeck-web',
      AWS_ENDPOINT_URL: moto.endpoint, AWS_EC2_METADATA_DISABLED: 'true',
    }));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/assumed-role\/web\/awsdeck-web\n$/);
  });
});
