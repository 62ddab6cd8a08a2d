// Starts a real moto server on 127.0.0.1 with SigV4 checking switched on, for integration tests.
// The server gets an IAM user with an allow-all policy; its access key is what tests sign with.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

export interface MotoServer {
  endpoint: string;
  port: number;
  accessKeyId: string;
  secretAccessKey: string;
  /** Environment for a child process (awsdeck or the AWS CLI) that talks to this server. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`moto did not answer on ${url} within ${timeoutMs} ms`);
}

const createUserScript = `
import boto3, json, sys
iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1',
                   aws_access_key_id='bootstrap', aws_secret_access_key='bootstrap')
iam.create_user(UserName='awsdeck-test')
doc = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]})
arn = iam.create_policy(PolicyName='allow-all', PolicyDocument=doc)['Policy']['Arn']
iam.attach_user_policy(UserName='awsdeck-test', PolicyArn=arn)
key = iam.create_access_key(UserName='awsdeck-test')['AccessKey']
print(json.dumps({'id': key['AccessKeyId'], 'secret': key['SecretAccessKey']}))
`;

export interface MotoOptions {
  /**
   * `false` leaves signature checking off, for calls moto 5.2.1 mishandles with it on (it answers
   * an unsigned AssumeRoleWithWebIdentity, which AWS serves, with a 500).
   */
  auth?: boolean;
  /** A Python script run in place of `-m moto.server` (it patches moto, then calls its main). */
  launcher?: string;
}

export async function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const start = options.launcher ? ['-c', options.launcher] : ['-m', 'moto.server'];
  const child = spawn('python3', [...start, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'false' },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  try {
    await waitForHttp(`${endpoint}/moto-api/`, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${stderr}\nIs moto installed? (python3 -m pip show moto)`);
  }
  let key: { id: string; secret: string };
  try {
    // Never a synchronous child while the server runs: moto logs every request to stderr, and
    // with this process blocked nobody drains that pipe, so a chatty moto would hang.
    const { stdout } = await promisify(execFile)('python3', ['-c', createUserScript, endpoint], {
      encoding: 'utf8',
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
    });
    key = JSON.parse(stdout.trim()) as { id: string; secret: string };
    if (options.auth !== false) {
      const res = await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', body: '0' });
      if (!res.ok) throw new Error(`could not switch on moto auth: HTTP ${res.status}`);
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    endpoint,
    port,
    accessKeyId: key.id,
    secretAccessKey: key.secret,
    env(extra = {}) {
      return {
        PATH: process.env.PATH,
        HOME: process.env.AWSDECK_TEST_HOME ?? '/nonexistent',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: key.id,
        AWS_SECRET_ACCESS_KEY: key.secret,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
        ...extra,
      };
    },
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
