// SigV4 checks the AWS CLI cannot provoke on its own (a skewed clock, a tampered body), RFC 6238
// vectors, and error formats per protocol for malformed input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { startSandbox, totp, verifyTotp, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, type Sandbox } from '../../src/sandbox/index.js';
import { base32Encode } from '../../src/sandbox/totp.js';
import { compareUtf8 } from '../../src/sandbox/services/s3-store.js';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await startSandbox({ seed: 'demo' }); });
afterAll(async () => { await sandbox?.close(); });

interface Signed { status: number; body: string; headers: Headers }

async function signedFetch(opts: { service: string; method?: string; path?: string; body?: string; headers?: Record<string, string>; date?: Date; secret?: string; tamper?: string }): Promise<Signed> {
  const url = new URL(sandbox.url);
  const signer = new SignatureV4({
    credentials: { accessKeyId: SANDBOX_ACCESS_KEY_ID, secretAccessKey: opts.secret ?? SANDBOX_SECRET_ACCESS_KEY },
    region: 'us-east-1', service: opts.service, sha256: Sha256, uriEscapePath: opts.service !== 's3',
  });
  const [path, query] = (opts.path ?? '/').split('?') as [string, string | undefined];
  const request = {
    method: opts.method ?? 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path,
    query: Object.fromEntries(new URLSearchParams(query ?? '')),
    headers: { host: url.host, ...(opts.headers ?? {}) }, body: opts.body,
  };
  const signed = await signer.sign(request, { signingDate: opts.date ?? new Date() });
  const res = await fetch(`${sandbox.url}${opts.path ?? '/'}`, { method: request.method, headers: signed.headers as Record<string, string>, body: opts.tamper ?? opts.body });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('SigV4 verification', () => {
  it('accepts a request signed by @smithy/signature-v4 and rejects a tampered body', async () => {
    const ok = await signedFetch({ service: 'sts', body: STS_BODY, headers: FORM });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<Arn>arn:aws:iam::111111111111:user/demo-user</Arn>');
    const tampered = await signedFetch({ service: 'sts', body: STS_BODY, headers: FORM, tamper: `${STS_BODY}&x=1` });
    expect(tampered.status).toBe(403);
    expect(tampered.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses clocks more than 15 minutes off, in each service\'s own words', async () => {
    const skewed = new Date(Date.now() - 20 * 60_000);
    const sts = await signedFetch({ service: 'sts', body: STS_BODY, headers: FORM, date: skewed });
    expect(sts.status).toBe(403);
    expect(sts.body).toMatch(/<Code>SignatureDoesNotMatch<\/Code><Message>Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const s3 = await signedFetch({ service: 's3', method: 'GET', path: '/', date: skewed, headers: { 'x-amz-content-sha256': createHash('sha256').update('').digest('hex') } });
    expect(s3.status).toBe(403);
    expect(s3.body).toContain('<Code>RequestTimeTooSkewed</Code>');
    expect(s3.body).toContain('<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>');
    const logs = await signedFetch({ service: 'logs', body: '{}', date: new Date(Date.now() + 20 * 60_000), headers: { 'x-amz-target': 'Logs_20140328.DescribeLogGroups', 'content-type': 'application/x-amz-json-1.1' } });
    expect(logs.status).toBe(400);
    expect(JSON.parse(logs.body)).toMatchObject({ __type: 'InvalidSignatureException', message: expect.stringContaining('Signature not yet current') });
    const ec2 = await signedFetch({ service: 'ec2', body: 'Action=DescribeRegions&Version=2016-11-15', headers: FORM, date: skewed });
    expect(ec2.body).toContain('<Code>RequestExpired</Code>');
  });

  it('answers unsigned calls with MissingAuthenticationToken / AccessDenied', async () => {
    const sts = await fetch(sandbox.url, { method: 'POST', headers: FORM, body: STS_BODY });
    expect(sts.status).toBe(403);
    expect(await sts.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    const s3 = await fetch(`${sandbox.url}/awsdeck-demo-dev-assets/index.html`);
    expect(s3.status).toBe(403);
    expect(await s3.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('reports unknown actions and missing or bad parameters in the protocol format', async () => {
    const unknown = await signedFetch({ service: 'sts', body: 'Action=Frobnicate&Version=2011-06-15', headers: FORM });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('<Code>InvalidAction</Code>');
    const missing = await signedFetch({ service: 'ec2', body: 'Action=StopInstances&Version=2016-11-15', headers: FORM });
    expect(missing.body).toMatch(/<Response><Errors><Error><Code>MissingParameter<\/Code><Message>The request must contain the parameter InstanceId<\/Message>/);
    const badInt = await signedFetch({ service: 'ec2', body: 'Action=DescribeInstances&Version=2016-11-15&MaxResults=lots', headers: FORM });
    expect(badInt.body).toContain('<Code>InvalidParameterValue</Code>');
    const badJson = await signedFetch({ service: 'logs', body: '{not json', headers: { 'x-amz-target': 'Logs_20140328.DescribeLogGroups', 'content-type': 'application/x-amz-json-1.1' } });
    expect(JSON.parse(badJson.body).__type).toBe('SerializationException');
    const badTarget = await signedFetch({ service: 'logs', body: '{}', headers: { 'x-amz-target': 'Logs_20140328.Nope', 'content-type': 'application/x-amz-json-1.1' } });
    expect(JSON.parse(badTarget.body).__type).toBe('UnknownOperationException');
    const noBucket = await signedFetch({ service: 's3', method: 'GET', path: '/no-such-bucket?list-type=2', headers: { 'x-amz-content-sha256': createHash('sha256').update('').digest('hex') } });
    expect(noBucket.status).toBe(404);
    expect(noBucket.body).toMatch(/<Error><Code>NoSuchBucket<\/Code>.*<BucketName>no-such-bucket<\/BucketName>/);
  });
});

describe('TOTP (RFC 6238)', () => {
  const rfcSeed = base32Encode(Buffer.from('12345678901234567890'));
  it('matches the RFC test vectors (last six digits)', () => {
    expect(totp(rfcSeed, 59_000)).toBe('287082');
    expect(totp(rfcSeed, 1111111109_000)).toBe('081804');
    expect(totp(rfcSeed, 2000000000_000)).toBe('279037');
  });
  it('accepts one step of drift either way and nothing more', () => {
    const t = 1_700_000_000_000;
    expect(verifyTotp(rfcSeed, totp(rfcSeed, t - 30_000), t)).toBe(true);
    expect(verifyTotp(rfcSeed, totp(rfcSeed, t + 30_000), t)).toBe(true);
    expect(verifyTotp(rfcSeed, totp(rfcSeed, t - 90_000), t)).toBe(false);
    expect(verifyTotp(rfcSeed, 'abcdef', t)).toBe(false);
  });
});

describe('S3 key order', () => {
  it('compares strings as UTF-8 bytes', () => {
    const keys = ['b', 'a', '\uFF21', '\u{1F600}', 'é', 'Z', 'a/b', 'a-b'];
    const byBytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareUtf8)).toEqual(byBytes);
  });
});
