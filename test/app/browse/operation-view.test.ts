// Any read operation from the palette (src/app/browse/operation-view.ts): a table from the
// paginator's result list, a detail otherwise, changes refused.
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { columnsFromShape, isReadOperation, operationRequest, splitArgs } from '../../../src/app/browse/operation-view.js';
import { startListing } from '../../../src/app/browse/listing.js';
import { loadService } from '../../../src/engine/models/loader.js';
import { resolveShape } from '../../../src/engine/models/shapes.js';

const request = (service: string, operation: string, args: string[] = []) => operationRequest(service, operation, args, '/tmp', {});
const isId = (name: string) => /(Id|Arn|ID)$/.test(name);

describe('operationRequest: paginated operations become tables', () => {
  it('ec2 describe-vpcs: items Vpcs[], columns the scalar members of Vpc, its own id first, then other ids', () => {
    const result = request('ec2', 'describe-vpcs');
    if (result.kind !== 'table') throw new Error(`expected a table, got ${result.kind}`);
    const { descriptor } = result;
    expect(descriptor).toMatchObject({ service: 'ec2', operation: 'DescribeVpcs', items: ['Vpcs[]'], title: 'ec2 describe-vpcs' });
    const model = loadService('ec2');
    const output = resolveShape(model, model.operations.DescribeVpcs.output);
    const vpc = resolveShape(model, resolveShape(model, output.members!.Vpcs).member);
    const scalars = Object.entries(vpc.members!).filter(([, ref]) => !['structure', 'list', 'map'].includes(resolveShape(model, ref).type)).map(([n]) => n);
    const ids = descriptor.columns.map((c) => c.id);
    expect(ids.every((id) => scalars.includes(id))).toBe(true);
    expect(ids).toEqual(expect.arrayContaining(['VpcId', 'CidrBlock', 'State', 'IsDefault']));
    expect(ids).not.toContain('Tags');
    expect(ids.length).toBeLessThanOrEqual(8);
    // The row's own identifier leads (it is what `y` copies), the other identifiers follow, then the rest.
    expect(ids[0]).toBe('VpcId');
    expect(descriptor.identity.id).toBe('VpcId');
    const firstNonId = ids.findIndex((id) => !isId(id));
    expect(ids.slice(firstNonId).some(isId)).toBe(false);
    // Each column is a plain path over one item.
    for (const column of descriptor.columns) expect(column.path).toBe(column.id);
  });

  it('keeps the parsed parameters (the CLI shorthand) for the listing', () => {
    const result = request('ec2', 'describe-vpcs', ['--filters', 'Name=x,Values=y', '--vpc-ids', 'vpc-1', 'vpc-2']);
    if (result.kind !== 'table') throw new Error('expected a table');
    expect(result.params).toEqual({ Filters: [{ Name: 'x', Values: ['y'] }], VpcIds: ['vpc-1', 'vpc-2'] });
    expect(result.descriptor.params?.({})).toEqual(result.params);
  });

  it('leads with the listed thing\'s own id for other lists too (security groups, subnets, IAM users)', () => {
    const first = (service: string, operation: string, args: string[] = []) => {
      const result = request(service, operation, args);
      if (result.kind !== 'table') throw new Error('expected a table');
      return result.descriptor.columns[0].id;
    };
    expect(first('ec2', 'describe-security-groups')).toBe('GroupId');
    expect(first('ec2', 'describe-subnets')).toBe('SubnetId');
    expect(first('iam', 'list-users')).toBe('UserId');
    expect(first('s3api', 'list-objects-v2', ['--bucket', 'b'])).toBe('Key');
  });

  it('lists a page of items as rows, and the ARN member is the row ARN', async () => {
    const result = request('iam', 'list-users');
    if (result.kind !== 'table') throw new Error('expected a table');
    const { descriptor } = result;
    const page = { Users: [{ UserName: 'alice', UserId: 'AIDA1', Arn: 'arn:aws:iam::1:user/alice', Path: '/', CreateDate: '2024-01-01T00:00:00Z' }] };
    const listing = startListing({ open: async () => ({ feed: { resultKeys: ['Users'], pages: { next: async () => ({ done: true, value: undefined }) } }, first: { done: false, value: page } }), items: descriptor.items, columns: descriptor.columns, scope: {} });
    await listing.finished;
    const cellOf = (id: string) => listing.rows[0].cells[descriptor.columns.findIndex((c) => c.id === id)];
    expect(cellOf('UserName')).toBe('alice');
    expect(cellOf('UserId')).toBe('AIDA1');
    expect(descriptor.identity.arn?.(page.Users[0], { region: 'us-east-1', scope: {} })).toBe('arn:aws:iam::1:user/alice');
    expect(jmespath.search(page.Users[0], descriptor.identity.id)).toBe('AIDA1');
  });

  it('right-aligns numeric members', () => {
    const model = loadService('ec2');
    const output = resolveShape(model, model.operations.DescribeSubnets.output);
    const subnet = resolveShape(model, resolveShape(model, output.members!.Subnets).member);
    const columns = columnsFromShape(model, subnet, 'Subnets');
    expect(columns.find((c) => c.id === 'AvailableIpAddressCount')?.align).toBe('right');
    expect(columns.find((c) => c.id === 'SubnetId')?.align).toBe('left');
  });
});

describe('operationRequest: other reads become a detail', () => {
  it('sts get-caller-identity has no paginator: one call shown as a detail', () => {
    expect(request('sts', 'get-caller-identity')).toEqual({ kind: 'detail', service: 'sts', operation: 'GetCallerIdentity', params: {}, title: 'sts get-caller-identity' });
  });

  it('passes the parsed parameters of a detail call', () => {
    expect(request('s3api', 'head-bucket', ['--bucket', 'my-bucket'])).toMatchObject({ kind: 'detail', operation: 'HeadBucket', params: { Bucket: 'my-bucket' } });
  });
});

describe('operationRequest: refusals and bad input', () => {
  it('refuses ec2 run-instances as not a read operation, with or without its required arguments', () => {
    expect(() => request('ec2', 'run-instances')).toThrow(/ec2 run-instances is not a read operation/);
    expect(() => request('ec2', 'run-instances', ['--image-id', 'ami-1', '--min-count', '1', '--max-count', '1'])).toThrow(/is not a read operation/);
    expect(() => request('s3api', 'delete-object', ['--bucket', 'b', '--key', 'k'])).toThrow(/is not a read operation/);
  });

  it('refuses a Get that streams a body (it belongs in a file)', () => {
    expect(() => request('s3api', 'get-object', ['--bucket', 'b', '--key', 'k', 'out.bin'])).toThrow(/is not a read operation/);
    const s3 = loadService('s3api');
    expect(isReadOperation(s3, 'GetObject')).toBe(false);
    expect(isReadOperation(s3, 'GetObjectTagging')).toBe(true);
    expect(isReadOperation(s3, 'PutObject')).toBe(false);
  });

  it('gives the CLI parser\'s message for bad arguments of a read operation', () => {
    expect(() => request('ec2', 'describe-vpcs', ['--no-such-flag', 'x'])).toThrow(/Unknown options: --no-such-flag/);
    expect(() => request('s3api', 'list-objects-v2')).toThrow(/required: --bucket/);
  });
});

describe('splitArgs', () => {
  it('splits on whitespace, honours single and double quotes and backslashes', () => {
    expect(splitArgs('  a   b\tc ')).toEqual(['a', 'b', 'c']);
    expect(splitArgs(`--filters "Name=tag:Name,Values=my web" 'x y'`)).toEqual(['--filters', 'Name=tag:Name,Values=my web', 'x y']);
    expect(splitArgs(`a"b c"d`)).toEqual(['ab cd']);
    expect(splitArgs(`"say \\"hi\\""`)).toEqual(['say "hi"']);
    expect(splitArgs(`'no \\escape'`)).toEqual(['no \\escape']);
    expect(splitArgs('my\\ file')).toEqual(['my file']);
    expect(splitArgs(`--prefix '' --x ""`)).toEqual(['--prefix', '', '--x', '']);
    expect(splitArgs('')).toEqual([]);
  });

  it('throws on an unclosed quote', () => {
    expect(() => splitArgs(`--filters "Name=x`)).toThrow('unclosed " quote');
    expect(() => splitArgs(`'abc`)).toThrow("unclosed ' quote");
  });
});
