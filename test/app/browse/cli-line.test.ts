// "Show as CLI" (src/app/browse/cli-line.ts): the `aws …` line must survive a POSIX shell word for
// word, and its --query must give the rows the view shows.
import { execFileSync } from 'node:child_process';
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { instances, subnets } from '../../../services/ec2.js';
import { objects } from '../../../services/s3.js';
import type { ResourceDescriptor, Scope } from '../../../services/types.js';
import { cliLine, rowsQuery, shellQuote } from '../../../src/app/browse/cli-line.js';
import { startListing } from '../../../src/app/browse/listing.js';
import { jmespathSyntaxError } from '../../../src/engine/output/jmespath-syntax.js';

/** The words a POSIX shell makes of `line` (each printed NUL-terminated by printf). */
function shellWords(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('leaves safe words bare', () => {
    for (const word of ['i-0abc', 'eu-west-1', 'a/b/c.txt', 'Name=x,Values=y', 'arn:aws:s3:::b', 'user@host', '50%', '+x']) {
      expect(shellQuote(word)).toBe(word);
    }
  });

  it('single-quotes anything else so the shell gives the word back exactly', () => {
    const words = ['', 'dev admin', "it's", "a'b'c", '$HOME', '`id`', '$(id)', 'a;b|c&d', '*', '~', 'x\ny', 'back\\slash', '"dq"', '日本語', "Tags[?Key=='Name']"];
    for (const word of words) {
      const quoted = shellQuote(word);
      expect(quoted).not.toBe(word);
      expect(shellWords(quoted)).toEqual([word]);
    }
  });
});

describe('rowsQuery', () => {
  it('projects one source with the column paths', () => {
    expect(rowsQuery(['Vpcs[]'], [{ id: 'id', title: 'VPC', path: 'VpcId', min: 1 }, { id: 'c', title: 'CIDR', path: 'CidrBlock', min: 1 }]))
      .toBe('Vpcs[].[VpcId, CidrBlock]');
    expect(rowsQuery(instances.items, instances.columns)).toMatch(/^Reservations\[\]\.Instances\[\]\.\[InstanceId, Tags\[\?Key=='Name'\]\.Value \| \[0\], State\.Name, /);
  });

  it('lists several sources in order (folders, then objects)', () => {
    expect(rowsQuery(objects.items, objects.columns)).toBe('[CommonPrefixes, Contents][].[Key || Prefix, Size, LastModified, StorageClass]');
  });

  it('gives, over the merged listing, exactly the rows the view holds (one and several sources)', async () => {
    const cases: Array<{ descriptor: ResourceDescriptor; scope: Scope; resultKeys: string[]; pages: Array<Record<string, unknown>> }> = [
      { descriptor: instances, scope: {}, resultKeys: ['Reservations'], pages: [
        { Reservations: [{ Instances: [{ InstanceId: 'i-1', State: { Name: 'running' }, Tags: [{ Key: 'Name', Value: 'web' }] }] }] },
        { Reservations: [{ Instances: [{ InstanceId: 'i-2', State: { Name: 'stopped' }, PrivateIpAddress: '10.0.0.2' }, { InstanceId: 'i-3' }] }] },
      ] },
      { descriptor: objects, scope: { Bucket: 'bk', Prefix: '' }, resultKeys: ['Contents', 'CommonPrefixes'], pages: [
        { CommonPrefixes: [{ Prefix: 'a/' }], Contents: [{ Key: 'x', Size: 1, StorageClass: 'STANDARD' }] },
        { Contents: [{ Key: 'y', Size: 2 }] },
        { CommonPrefixes: [{ Prefix: 'b/' }] },
      ] },
      // No folder at all: the null source drops out of the projection.
      { descriptor: objects, scope: { Bucket: 'bk', Prefix: '' }, resultKeys: ['Contents', 'CommonPrefixes'], pages: [{ Contents: [{ Key: 'only', Size: 5 }] }] },
    ];
    for (const { descriptor, scope, resultKeys, pages } of cases) {
      const remaining = pages.map((p) => ({ done: false as const, value: structuredClone(p) }));
      const first = remaining.shift()!;
      const listing = startListing({
        open: async () => ({ feed: { resultKeys, pages: { next: async () => remaining.shift() ?? { done: true, value: undefined } } }, first }),
        items: descriptor.items, columns: descriptor.columns, scope,
      });
      await listing.finished;
      const query = rowsQuery(descriptor.items, descriptor.columns);
      expect(jmespathSyntaxError(query)).toBeUndefined();
      expect(jmespath.search(listing.merged(), query)).toEqual(listing.rows.map((r) => r.values));
      expect(listing.rows.length).toBeGreaterThan(0);
    }
  });
});

describe('cliLine', () => {
  it('prints the EC2 instances listing with region, profile, query and text output', () => {
    const query = rowsQuery(instances.items, instances.columns);
    const line = cliLine({ service: 'ec2', operation: 'DescribeInstances', params: {}, query, region: 'eu-west-1', profile: 'dev admin' });
    expect(line.startsWith('aws ec2 describe-instances ')).toBe(true);
    expect(shellWords(line)).toEqual(['aws', 'ec2', 'describe-instances', '--region', 'eu-west-1', '--profile', 'dev admin', '--query', query, '--output', 'text']);
  });

  it('leaves out --profile and --region when there are none', () => {
    expect(shellWords(cliLine({ service: 'ec2', operation: 'DescribeVpcs', params: {}, query: 'Vpcs[].VpcId' })))
      .toEqual(['aws', 'ec2', 'describe-vpcs', '--query', 'Vpcs[].VpcId', '--output', 'text']);
  });

  it('prints S3 objects with --bucket, --prefix (an empty one as its own argument) and --delimiter', () => {
    const query = rowsQuery(objects.items, objects.columns);
    const top = cliLine({ service: 's3api', operation: 'ListObjectsV2', params: objects.params!({ Bucket: 'my-bucket', Prefix: '' }), query, region: 'us-east-1' });
    expect(top).toContain("--prefix ''");
    expect(shellWords(top)).toEqual(['aws', 's3api', 'list-objects-v2', '--bucket', 'my-bucket', '--prefix', '', '--delimiter', '/', '--region', 'us-east-1', '--query', query, '--output', 'text']);
    const inner = cliLine({ service: 's3api', operation: 'ListObjectsV2', params: objects.params!({ Bucket: 'my-bucket', Prefix: "my photos/it's/" }), query });
    expect(shellWords(inner).slice(0, 9)).toEqual(['aws', 's3api', 'list-objects-v2', '--bucket', 'my-bucket', '--prefix', "my photos/it's/", '--delimiter', '/']);
    // Flat mode: no delimiter.
    const flat = cliLine({ service: 's3api', operation: 'ListObjectsV2', params: objects.flat!({ Bucket: 'my-bucket', Prefix: 'logs/' }), query });
    expect(shellWords(flat).slice(0, 7)).toEqual(['aws', 's3api', 'list-objects-v2', '--bucket', 'my-bucket', '--prefix', 'logs/']);
    expect(flat).not.toContain('--delimiter');
  });

  it('passes structured parameters as JSON (subnets of one VPC)', () => {
    const line = cliLine({ service: 'ec2', operation: 'DescribeSubnets', params: subnets.params!({ VpcId: 'vpc-1' }), query: 'Subnets[].SubnetId' });
    const words = shellWords(line);
    expect(words.slice(0, 4)).toEqual(['aws', 'ec2', 'describe-subnets', '--filters']);
    expect(JSON.parse(words[4])).toEqual([{ Name: 'vpc-id', Values: ['vpc-1'] }]);
  });
});
