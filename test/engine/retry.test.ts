// Retry policy: classification as botocore's standard mode, jitter bounds, quota, and the
// pipeline retrying against a real local HTTP server that fails on purpose.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError, TransportError } from '../../src/engine/http/errors.js';
import { AdaptiveRateLimiter, RetryQuota, backoffMs, classifyFailure } from '../../src/engine/http/retry.js';
import { createClient } from '../../src/engine/http/client.js';

const err = (code: string, status = 400) => new ServiceError('Op', status, { Code: code, Message: 'm' });

describe('classification', () => {
  it('matches botocore standard mode', () => {
    expect(classifyFailure(err('ThrottlingException'))).toBe('throttling');
    expect(classifyFailure(err('SlowDown', 503))).toBe('throttling');
    expect(classifyFailure(err('InternalError', 500))).toBe('transient');
    expect(classifyFailure(err('RequestTimeout'))).toBe('transient');
    expect(classifyFailure(err('IDPCommunicationError'), 'sts')).toBe('transient');
    expect(classifyFailure(err('TooMany', 429))).toBe('none');
    expect(classifyFailure(err('SignatureDoesNotMatch', 403))).toBe('none');
    expect(classifyFailure(err('RequestTimeTooSkewed', 403))).toBe('none');
    expect(classifyFailure(new TransportError('read-timeout', 'x', 'e'))).toBe('timeout');
    expect(classifyFailure(new TransportError('connect', 'x', 'e'))).toBe('transient');
  });

  it('backs off with full jitter capped at 20 s', () => {
    expect(backoffMs(1, () => 0.999)).toBeLessThan(1000);
    expect(backoffMs(2, () => 0.999)).toBeLessThan(2000);
    expect(backoffMs(10, () => 0.999)).toBeLessThan(20000);
    expect(backoffMs(10, () => 0.999)).toBeGreaterThan(19000);
  });

  it('spends and refunds the retry quota', () => {
    const q = new RetryQuota();
    expect(q.acquire('transient')).toBe(5);
    expect(q.acquire('timeout')).toBe(10);
    expect(q.available).toBe(485);
    q.release(10);
    expect(q.available).toBe(495);
    for (let i = 0; i < 99; i++) q.acquire('transient');
    expect(q.acquire('transient')).toBeUndefined();
  });

  it('adaptive limiter engages only after throttling and lowers its rate', () => {
    let t = 1000;
    const limiter = new AdaptiveRateLimiter(() => t);
    for (let i = 0; i < 20; i++) { limiter.update(false); t += 0.05; }
    expect(limiter.isLimiting).toBe(false);
    limiter.update(true);
    expect(limiter.isLimiting).toBe(true);
  });
});

describe('pipeline retries over real HTTP', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function serve(statuses: number[]): Promise<{ url: string; seen: string[] }> {
    const seen: string[] = [];
    server = createServer((req, res) => {
      seen.push(String(req.headers['amz-sdk-request']));
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': `req-${seen.length}` });
      res.end(status === 200
        ? '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/a</Arn><UserId>U</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>'
        : '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>busy</Message></Error><RequestId>r</RequestId></ErrorResponse>');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    return { url: `http://127.0.0.1:${(server!.address() as { port: number }).port}`, seen };
  }

  const sts = (url: string, maxAttempts: number) => createClient({
    service: 'sts', region: 'us-east-1', endpointUrl: url, maxAttempts,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });

  it('retries 503 and succeeds, numbering attempts in amz-sdk-request', async () => {
    const { url, seen } = await serve([503, 503]);
    const out = await sts(url, 3).call('GetCallerIdentity');
    expect(out.Account).toBe('123456789012');
    expect(out.ResponseMetadata?.RetryAttempts).toBe(2);
    expect(seen).toEqual(['attempt=1', 'attempt=2; max=3', 'attempt=3; max=3']);
  });

  it('gives up after max_attempts with the CLI message', async () => {
    const { url, seen } = await serve([503, 503, 503]);
    const e = await sts(url, 2).call('GetCallerIdentity').catch((x: unknown) => x);
    expect(seen).toHaveLength(2);
    expect(String(e)).toBe('An error occurred (ServiceUnavailable) when calling the GetCallerIdentity operation (reached max retries: 1): busy');
  });
});
