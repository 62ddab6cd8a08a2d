// Rules that a JSON case cannot express well: random tokens, validation errors, the registry,
// S3 addressing, the XML reader, and timestamp rendering in other zones.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { loadService, serviceNames } from '../../src/engine/models/loader.js';
import { ResponseParseError, protocolFor } from '../../src/engine/protocols/index.js';
import { formEncode, percentEncode, pythonFloatString, unquotePlus } from '../../src/engine/protocols/encoding.js';
import { parseXml, XmlSyntaxError } from '../../src/engine/protocols/xml.js';
import { renderTimestamp, serializeTimestamp } from '../../src/engine/protocols/timestamps.js';
import { resolveS3Addressing, type S3AddressingInput } from '../../src/engine/protocols/s3-addressing.js';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function serialize(service: string, operation: string, params: Record<string, unknown>) {
  const model = loadService(service);
  return protocolFor(model).serialize(model, model.operations[operation], params);
}

describe('idempotency tokens', () => {
  it('fills a missing token with a uuid4 (query)', () => {
    const body = new URLSearchParams(String(serialize('cloudformation', 'CreateStackSet', { StackSetName: 's' }).body));
    expect(body.get('ClientRequestToken')).toMatch(UUID4);
  });
  it('fills a missing token with a uuid4 (json, rest-json, ec2)', () => {
    const dynamo = JSON.parse(String(serialize('dynamodb', 'TransactWriteItems', { TransactItems: [] }).body));
    expect(dynamo.ClientRequestToken).toMatch(UUID4);
    const oidc = serialize('sso-oidc', 'CreateToken', { clientId: 'c', clientSecret: 's', grantType: 'g' });
    expect(oidc.body).not.toContain('uuid'); // CreateToken has no token member: nothing added
    const ec2 = new URLSearchParams(String(serialize('ec2', 'RunInstances', { ImageId: 'ami-1', MinCount: 1, MaxCount: 1 }).body));
    expect(ec2.get('ClientToken')).toMatch(UUID4);
  });
  it('never changes the caller params', () => {
    const params = { StackSetName: 's' };
    serialize('cloudformation', 'CreateStackSet', params);
    expect(params).toEqual({ StackSetName: 's' });
  });
});

describe('validation the serializers do themselves', () => {
  it('rejects a host label that is not DNS-safe', () => {
    expect(() => serialize('s3control', 'CreateAccessGrantsInstance', { AccountId: 'a/b' })).toThrow(/AccountId/);
  });
  it('names a missing URI label', () => {
    expect(() => serialize('lambda', 'GetFunction', {})).toThrow(/FunctionName/);
  });
  it('rejects unknown parameters', () => {
    expect(() => serialize('sts', 'GetCallerIdentity', { Nope: 1 })).toThrow(/Nope/);
  });
});

describe('registry', () => {
  it('has a protocol for every built model', () => {
    const unsupported = serviceNames().filter((name) => {
      try {
        protocolFor(loadService(name));
        return false;
      } catch {
        return true;
      }
    });
    expect(unsupported).toEqual([]);
  });
});

describe('malformed responses', () => {
  it('throws a ResponseParseError naming the operation, for every protocol', () => {
    const cases: Array<[string, string, string]> = [
      ['sts', 'GetCallerIdentity', '<GetCallerIdentityResponse><GetCallerIdentityResult>'],
      ['ec2', 'DescribeRegions', '<DescribeRegionsResponse><regionInfo>'],
      ['dynamodb', 'ListTables', '{"TableNames": ['],
      ['lambda', 'ListFunctions', '{"Functions": [{"FunctionName": '],
      ['s3api', 'ListBuckets', '<ListAllMyBucketsResult><Buckets>'],
    ];
    for (const [service, operation, body] of cases) {
      const model = loadService(service);
      const run = () => protocolFor(model).parse(model, model.operations[operation], { statusCode: 200, headers: {}, body: Buffer.from(body) });
      expect(run).toThrow(ResponseParseError);
      expect(run).toThrow(new RegExp(`${operation} operation`));
    }
  });
  it('a query error body that is not XML is a parse error, an empty one is the status', () => {
    const model = loadService('sts');
    const op = model.operations.GetCallerIdentity;
    expect(() => protocolFor(model).parseError(model, op, { statusCode: 400, headers: {}, body: Buffer.from('<ErrorResponse><Error>') })).toThrow(ResponseParseError);
    expect(protocolFor(model).parseError(model, op, { statusCode: 404, headers: {}, body: Buffer.alloc(0) }).error).toEqual({ Code: '404', Message: 'Not Found' });
  });
});

describe('S3 addressing', () => {
  const base: S3AddressingInput = { path: '/my-bucket/dir/a%20b.txt', bucket: 'my-bucket', hostname: 's3.us-east-1.amazonaws.com', customEndpoint: false, style: 'auto' };
  const place = (over: Partial<S3AddressingInput>) => resolveS3Addressing({ ...base, ...over });
  it('virtual-hosts DNS-safe buckets on AWS endpoints', () => {
    expect(place({})).toEqual({ hostname: 'my-bucket.s3.us-east-1.amazonaws.com', path: '/dir/a%20b.txt', style: 'virtual' });
    expect(place({ path: '/my-bucket' })).toMatchObject({ path: '/', style: 'virtual' });
  });
  it.each([
    ['dotted', 'my.bucket'],
    ['upper case', 'MyBucket'],
    ['underscore', 'my_bucket'],
    ['too short', 'ab'],
    ['IPv4 form', '192.168.1.1'],
    ['leading dash', '-bucket'],
    ['64 chars', 'a'.repeat(64)],
  ])('uses path style for a %s bucket', (_, bucket) => {
    expect(place({ bucket, path: `/${percentEncode(bucket)}/k` })).toEqual({ hostname: base.hostname, path: `/${percentEncode(bucket)}/k`, style: 'path' });
  });
  it('custom endpoints are path style unless addressing_style=virtual', () => {
    const custom = { customEndpoint: true, hostname: '127.0.0.1' };
    expect(place(custom).style).toBe('path');
    expect(place({ ...custom, hostname: 'minio.local', style: 'virtual' })).toMatchObject({ hostname: 'my-bucket.minio.local', style: 'virtual' });
  });
  it('addressing_style=path always wins', () => {
    expect(place({ style: 'path' }).style).toBe('path');
  });
  it('dotted buckets go virtual only when asked for, over plain http', () => {
    const dotted = { bucket: 'a.b.c', path: '/a.b.c/k', style: 'virtual' as const };
    expect(place({ ...dotted, secure: true }).style).toBe('path');
    expect(place({ ...dotted, secure: false })).toMatchObject({ hostname: 'a.b.c.s3.us-east-1.amazonaws.com', path: '/k' });
  });
});

describe('XML reader', () => {
  it('keeps order, attributes, CDATA and entities; drops prefixes', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a:r xmlns:a="u" x="1 &amp; 2"><b>1</b><c><![CDATA[<&>]]>&#x263A;</c><b/></a:r>');
    expect(root.name).toBe('r');
    expect(root.attributes).toEqual({ 'xmlns:a': 'u', x: '1 & 2' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c', 'b']);
    expect(root.children[1].text).toBe('<&>☺');
  });
  it.each([
    ['truncated', '<a><b>text</b>'],
    ['mismatched', '<a><b></a></b>'],
    ['junk after root', '<a/><b/>'],
    ['bare ampersand', '<a>x & y</a>'],
    ['empty', ''],
    ['text only', 'hello'],
  ])('rejects %s documents', (_, doc) => {
    expect(() => parseXml(doc)).toThrow(XmlSyntaxError);
  });
  it('normalises CRLF like an XML parser', () => {
    expect(parseXml('<a>x\r\ny\rz</a>').text).toBe('x\ny\nz');
  });
});

describe('encodings', () => {
  it('form-encodes like Python urlencode', () => {
    expect(formEncode([['a b', "~*'()!/é+"]])).toBe('a+b=~%2A%27%28%29%21%2F%C3%A9%2B');
  });
  it('decodes like unquote_plus, keeping stray percents', () => {
    expect(unquotePlus('a+b%2Fc%E2%98%83%zz')).toBe('a b/c☃%zz');
  });
  it('prints floats as Python str(float)', () => {
    expect([50, 0.5, 1e16, 1.5e-5, Infinity, NaN].map(pythonFloatString)).toEqual(['50.0', '0.5', '1e+16', '1.5e-05', 'Infinity', 'NaN']);
  });
});

describe('timestamps', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });
  it('serializes Date, epoch and strings per format', () => {
    const date = new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 250));
    expect(serializeTimestamp(date, 'iso8601')).toBe('2024-01-01T00:00:00.250000Z');
    expect(serializeTimestamp(date, 'rfc822')).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(serializeTimestamp(date, 'unixTimestamp')).toBe(1704067200);
    expect(serializeTimestamp('2024-01-01T02:00:00+02:00', 'iso8601')).toBe('2024-01-01T00:00:00Z');
    expect(serializeTimestamp('1704067200', 'iso8601')).toBe('2024-01-01T00:00:00Z');
    expect(() => serializeTimestamp('not a time', 'iso8601')).toThrow(/invalid timestamp/);
  });
  it('renders epoch numbers in the local zone, wire strings in their own offset', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(renderTimestamp(1563319771.011)).toBe('2019-07-17T04:59:31.011000+05:30');
    expect(renderTimestamp('2026-11-22T05:50:30.000Z')).toBe('2026-11-22T05:50:30+00:00');
    expect(renderTimestamp('Mon, 01 Jan 2024 10:00:00 GMT')).toBe('2024-01-01T10:00:00+00:00');
    expect(renderTimestamp('2024-01-01T10:00:00')).toBe('2024-01-01T10:00:00');
    process.env.TZ = 'UTC';
    expect(renderTimestamp(0)).toBe('1970-01-01T00:00:00+00:00');
    expect(renderTimestamp(1563319771.011, 'wire')).toBe(1563319771.011);
  });
});

describe('timestamps against the AWS CLI (python3, live)', () => {
  it('renders like awscli scalarparse.iso_format in a fixed zone', () => {
    const values: Array<string | number> = [
      0, 1563319771.011, 1700000000.5, 1700000000.0000005, 1700000000.0000015, 1234567890123 / 1000, '1700000000', '1700000000.25',
      '2026-11-22T05:50:30.000Z', '2026-11-22T05:50:30Z', '2026-11-22T05:50:30.1234567Z', '2026-11-22T05:50:30.5+0530',
      '2026-11-22T05:50:30-07:00', '2026-11-22T05:50:30', '2026-11-22', 'Mon, 01 Jan 2024 00:00:00 GMT', 'Thu, 01 Dec 1994 16:00:00 +0200',
    ];
    const script = [
      'import json, sys',
      'from awscli.customizations.scalarparse import iso_format',
      'print(json.dumps([iso_format(v) for v in json.load(sys.stdin)]))',
    ].join('\n');
    const expected = JSON.parse(
      execFileSync('python3', ['-c', script], { input: JSON.stringify(values), env: { ...process.env, TZ: 'Australia/Adelaide' } }).toString(),
    ) as string[];
    const savedTz = process.env.TZ;
    process.env.TZ = 'Australia/Adelaide';
    try {
      expect(values.map((v) => renderTimestamp(v))).toEqual(expected);
    } finally {
      process.env.TZ = savedTz;
    }
  });
});
