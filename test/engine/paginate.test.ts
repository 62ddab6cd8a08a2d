// The paginator against botocore's own behaviour: tokens, --max-items truncation, merging.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PageIterator, buildFullResult, decodeStartingToken, encodeToken } from '../../src/engine/http/paginate.js';
import { PaginationError } from '../../src/engine/http/errors.js';
import type { PaginatorConfig } from '../../src/engine/models/types.js';

const listObjects: PaginatorConfig = {
  input_token: 'ContinuationToken', output_token: 'NextContinuationToken', more_results: 'IsTruncated',
  limit_key: 'MaxKeys', result_key: ['Contents', 'CommonPrefixes'], non_aggregate_keys: ['RequestCharged', 'Prefix'],
};

/** A fake service over `total` keys served `pageSize` at a time, recording each request. */
function fakeListing(total: number, pageSize: number) {
  const calls: Array<Record<string, unknown>> = [];
  const call = async (params: Record<string, unknown>) => {
    calls.push(params);
    const start = params.ContinuationToken ? Number(params.ContinuationToken) : 0;
    const size = Number(params.MaxKeys ?? pageSize);
    const keys = Array.from({ length: Math.min(size, total - start) }, (_, i) => ({ Key: `k${start + i}` }));
    const end = start + keys.length;
    return {
      IsTruncated: end < total, Contents: keys, Name: 'b', Prefix: '', KeyCount: keys.length,
      ...(end < total ? { NextContinuationToken: String(end) } : {}),
    };
  };
  return { call, calls };
}

describe('pagination tokens', () => {
  it('encodes resume tokens exactly as botocore (base64 of Python json.dumps)', () => {
    expect(encodeToken({ ContinuationToken: null, boto_truncate_amount: 1 })).toBe('eyJDb250aW51YXRpb25Ub2tlbiI6IG51bGwsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9');
    const token = { NextToken: 'abc/é', boto_truncate_amount: 3 };
    const python = execFileSync('python3', ['-c', 'import json,sys,base64;print(base64.b64encode(json.dumps(json.loads(sys.argv[1])).encode()).decode())', JSON.stringify(token)], { encoding: 'utf8' }).trim();
    expect(encodeToken(token)).toBe(python);
  });

  it('decodes new and legacy starting tokens', () => {
    expect(decodeStartingToken(encodeToken({ NextToken: 't', boto_truncate_amount: 2 }), ['NextToken'])).toEqual({ tokens: { NextToken: 't' }, skip: 2 });
    expect(decodeStartingToken('tok___5', ['NextToken'])).toEqual({ tokens: { NextToken: 'tok' }, skip: 5 });
  });
});

describe('PageIterator', () => {
  it('merges pages into result keys and first-page non-aggregate keys only', async () => {
    const { call, calls } = fakeListing(25, 10);
    const merged = await buildFullResult(new PageIterator(listObjects, call, { Bucket: 'b' }));
    expect(Object.keys(merged)).toEqual(['Contents', 'RequestCharged', 'Prefix']);
    expect((merged.Contents as unknown[]).length).toBe(25);
    expect(merged.RequestCharged).toBeNull();
    expect(calls.map((c) => c.ContinuationToken)).toEqual([undefined, '10', '20']);
  });

  it('sends the page size as the limit key on every call', async () => {
    const { call, calls } = fakeListing(7, 100);
    await buildFullResult(new PageIterator(listObjects, call, {}, { pageSize: 3 }));
    expect(calls.map((c) => c.MaxKeys)).toEqual([3, 3, 3]);
  });

  it('truncates at --max-items mid-page and resumes from the token without repeats', async () => {
    const { call } = fakeListing(25, 10);
    const first = await buildFullResult(new PageIterator(listObjects, call, {}, { maxItems: 13 }));
    expect((first.Contents as Array<{ Key: string }>).map((c) => c.Key).at(-1)).toBe('k12');
    expect(JSON.parse(Buffer.from(first.NextToken as string, 'base64').toString())).toEqual({ ContinuationToken: '10', boto_truncate_amount: 3 });
    const rest = await buildFullResult(new PageIterator(listObjects, fakeListing(25, 10).call, {}, { startingToken: first.NextToken as string }));
    expect((rest.Contents as Array<{ Key: string }>).map((c) => c.Key)).toEqual(Array.from({ length: 12 }, (_, i) => `k${13 + i}`));
  });

  it('at a page boundary the resume token is the plain service token', async () => {
    const { call } = fakeListing(25, 10);
    const merged = await buildFullResult(new PageIterator(listObjects, call, {}, { maxItems: 10 }));
    expect(JSON.parse(Buffer.from(merged.NextToken as string, 'base64').toString())).toEqual({ ContinuationToken: '10' });
  });

  it('fails on a repeated token like botocore', async () => {
    const config: PaginatorConfig = { input_token: 'NextToken', output_token: 'NextToken', result_key: 'Items' };
    const call = async () => ({ Items: [1], NextToken: 'same' });
    await expect(buildFullResult(new PageIterator(config, call, {}))).rejects.toThrow(PaginationError);
    await expect(buildFullResult(new PageIterator(config, call, {}))).rejects.toThrow("The same next token was received twice: {'NextToken': 'same'}");
  });

  it('adds numeric result keys (DynamoDB Count)', async () => {
    const config: PaginatorConfig = { input_token: 'ExclusiveStartKey', output_token: 'LastEvaluatedKey', result_key: ['Items', 'Count', 'ScannedCount'] };
    let n = 0;
    const call = async () => (++n < 3 ? { Items: [n], Count: 1, ScannedCount: 2, LastEvaluatedKey: { pk: n } } : { Items: [n], Count: 1, ScannedCount: 2 });
    const merged = await buildFullResult(new PageIterator(config, call, {}));
    expect(merged).toEqual({ Items: [1, 2, 3], Count: 3, ScannedCount: 6 });
  });
});
