// Every resource view in services/: well-formed against the service models and the palette, paths
// valid for both the jmespath package (the view) and the CLI's parser (show as CLI), and the
// projection of a sample item giving the expected cells.
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { resourceViews, viewByAlias, viewById, type ResourceDescriptor } from '../../../services/index.js';
import { humanBytes, shortTime } from '../../../services/format.js';
import { cellsOf, projectionOf } from '../../../src/app/browse/listing.js';
import { commandWords } from '../../../src/app/commands.js';
import { loadService } from '../../../src/engine/models/loader.js';
import { resolveShape } from '../../../src/engine/models/shapes.js';
import { jmespathSyntaxError } from '../../../src/engine/output/jmespath-syntax.js';

const compile = (jmespath as unknown as { compile(expression: string): unknown }).compile;
const tags = (name: string) => [{ Key: 'env', Value: 'prod' }, { Key: 'Name', Value: name }];

/** One item of each view as its operation returns it, the scope it is listed in, and the cells expected. */
const samples: Record<string, { item: Record<string, unknown>; scope?: Record<string, string>; cells: string[]; id: string }> = {
  'ec2.instances': {
    item: { InstanceId: 'i-0abc', Tags: tags('web-1'), State: { Name: 'running', Code: 16 }, InstanceType: 't3.micro', Placement: { AvailabilityZone: 'eu-west-1a' }, PrivateIpAddress: '10.0.0.5', LaunchTime: '2024-05-01T08:30:00+00:00' },
    cells: ['i-0abc', 'web-1', 'running', 't3.micro', 'eu-west-1a', '10.0.0.5', '', '2024-05-01 08:30'],
    id: 'i-0abc',
  },
  'ec2.volumes': {
    item: { VolumeId: 'vol-1', Tags: tags('data'), State: 'in-use', Size: 100, VolumeType: 'gp3', AvailabilityZone: 'eu-west-1b', Attachments: [{ InstanceId: 'i-0abc' }], Encrypted: true },
    cells: ['vol-1', 'data', 'in-use', '100', 'gp3', 'eu-west-1b', 'i-0abc', 'true'],
    id: 'vol-1',
  },
  'ec2.security-groups': {
    item: { GroupId: 'sg-1', GroupName: 'web', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp' }, { IpProtocol: 'udp' }], Description: 'web tier' },
    cells: ['sg-1', 'web', 'vpc-1', '2', '0', 'web tier'],
    id: 'sg-1',
  },
  'ec2.vpcs': {
    item: { VpcId: 'vpc-1', Tags: tags('main'), CidrBlock: '10.0.0.0/16', State: 'available', IsDefault: false },
    cells: ['vpc-1', 'main', '10.0.0.0/16', 'available', 'false'],
    id: 'vpc-1',
  },
  'ec2.subnets': {
    item: { SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'eu-west-1a', AvailableIpAddressCount: 250, SubnetArn: 'arn:aws:ec2:eu-west-1:1:subnet/subnet-1' },
    cells: ['subnet-1', '', 'vpc-1', '10.0.1.0/24', 'eu-west-1a', '250'],
    id: 'subnet-1',
  },
  's3.buckets': {
    item: { Name: 'my-bucket', BucketRegion: 'eu-west-1', CreationDate: '2023-02-03T04:05:06+00:00' },
    cells: ['my-bucket', 'eu-west-1', '2023-02-03 04:05'],
    id: 'my-bucket',
  },
  's3.objects': {
    item: { Key: 'photos/2024/a.jpg', Size: 1536, LastModified: '2024-06-07T10:11:12+00:00', StorageClass: 'STANDARD' },
    scope: { Bucket: 'my-bucket', Prefix: 'photos/' },
    cells: ['2024/a.jpg', '1.5 KiB', '2024-06-07 10:11', 'STANDARD'],
    id: 'photos/2024/a.jpg',
  },
  'ec2.key-pairs': {
    item: { KeyName: 'deploy', KeyPairId: 'key-0abc', KeyType: 'ed25519', KeyFingerprint: 'ab:cd', CreateTime: '2024-03-04T05:06:07+00:00' },
    cells: ['deploy', 'key-0abc', 'ed25519', 'ab:cd', '2024-03-04 05:06'],
    id: 'deploy',
  },
  'ec2.images': {
    item: { ImageId: 'ami-1', Name: 'golden-2024', State: 'available', Architecture: 'arm64', RootDeviceType: 'ebs', Public: false, CreationDate: '2024-04-05T06:07:08.000Z' },
    cells: ['ami-1', 'golden-2024', 'available', 'arm64', 'ebs', 'false', '2024-04-05 06:07'],
    id: 'ami-1',
  },
  'ec2.snapshots': {
    item: { SnapshotId: 'snap-1', Tags: tags('nightly'), VolumeId: 'vol-1', VolumeSize: 8, State: 'completed', Progress: '100%', StartTime: '2024-04-05T06:07:08+00:00', Description: 'db backup' },
    cells: ['snap-1', 'nightly', 'vol-1', '8', 'completed', '100%', '2024-04-05 06:07', 'db backup'],
    id: 'snap-1',
  },
  'iam.users': {
    item: { UserName: 'alice', UserId: 'AIDAEXAMPLE', Path: '/', Arn: 'arn:aws:iam::1:user/alice', CreateDate: '2023-01-02T03:04:05+00:00' },
    cells: ['alice', 'AIDAEXAMPLE', '/', '2023-01-02 03:04', ''],
    id: 'alice',
  },
  'iam.roles': {
    item: { RoleName: 'deployer', RoleId: 'AROAEXAMPLE', Path: '/ci/', Arn: 'arn:aws:iam::1:role/ci/deployer', CreateDate: '2023-01-02T03:04:05+00:00', Description: 'CI deploys' },
    cells: ['deployer', 'AROAEXAMPLE', '/ci/', '2023-01-02 03:04', 'CI deploys'],
    id: 'deployer',
  },
  'iam.policies': {
    item: { PolicyName: 'assets-read', PolicyId: 'ANPAEXAMPLE', Arn: 'arn:aws:iam::1:policy/assets-read', AttachmentCount: 2, DefaultVersionId: 'v3', UpdateDate: '2024-01-02T03:04:05+00:00' },
    cells: ['assets-read', 'ANPAEXAMPLE', '2', 'v3', '2024-01-02 03:04', ''],
    id: 'assets-read',
  },
  'iam.user-policies': {
    item: { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    scope: { UserName: 'alice' },
    cells: ['ReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    id: 'ReadOnlyAccess',
  },
  'iam.role-policies': {
    item: { PolicyName: 'assets-read', PolicyArn: 'arn:aws:iam::1:policy/assets-read' },
    scope: { RoleName: 'deployer' },
    cells: ['assets-read', 'arn:aws:iam::1:policy/assets-read'],
    id: 'assets-read',
  },
  'lambda.functions': {
    item: { FunctionName: 'api', FunctionArn: 'arn:aws:lambda:eu-west-1:1:function:api', Runtime: 'nodejs20.x', MemorySize: 512, Timeout: 30, CodeSize: 3072, LastModified: '2024-06-01T08:00:00.000+0000', Description: 'entry', State: 'Active' },
    cells: ['api', 'nodejs20.x', '512', '30', '3.0 KiB', '2024-06-01 08:00', 'entry'],
    id: 'api',
  },
  'cloudformation.stacks': {
    item: { StackName: 'net', StackId: 'arn:aws:cloudformation:eu-west-1:1:stack/net/abc', StackStatus: 'UPDATE_ROLLBACK_COMPLETE', CreationTime: '2024-01-02T03:04:05.678Z', Description: 'VPC' },
    cells: ['net', 'UPDATE_ROLLBACK_COMPLETE', '2024-01-02 03:04', '', 'VPC'],
    id: 'net',
  },
  'cloudformation.resources': {
    item: { LogicalResourceId: 'Bucket', PhysicalResourceId: 'net-bucket-1', ResourceType: 'AWS::S3::Bucket', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: '2024-01-02T03:04:05.678Z' },
    scope: { StackName: 'net' },
    cells: ['Bucket', 'net-bucket-1', 'AWS::S3::Bucket', 'CREATE_COMPLETE', '2024-01-02 03:04'],
    id: 'Bucket',
  },
  'cloudformation.events': {
    item: { EventId: 'e-1', Timestamp: '2024-01-02T03:04:05.678Z', LogicalResourceId: 'Bucket', ResourceType: 'AWS::S3::Bucket', ResourceStatus: 'CREATE_FAILED', ResourceStatusReason: 'name taken' },
    scope: { StackName: 'net' },
    cells: ['2024-01-02 03:04', 'Bucket', 'AWS::S3::Bucket', 'CREATE_FAILED', 'name taken'],
    id: 'e-1',
  },
  'logs.groups': {
    item: { logGroupName: '/aws/lambda/api', retentionInDays: 14, storedBytes: 2048, creationTime: 1717228800000, logGroupArn: 'arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/api' },
    cells: ['/aws/lambda/api', '14', '2.0 KiB', '2024-06-01 08:00:00'],
    id: '/aws/lambda/api',
  },
  'logs.streams': {
    item: { logStreamName: '2024/06/01/[$LATEST]abc', lastEventTimestamp: 1717228805000, firstEventTimestamp: 1717228801000, creationTime: 1717228800000 },
    scope: { logGroupName: '/aws/lambda/api' },
    cells: ['2024/06/01/[$LATEST]abc', '2024-06-01 08:00:05', '2024-06-01 08:00:01', '2024-06-01 08:00:00'],
    id: '2024/06/01/[$LATEST]abc',
  },
  'logs.events': {
    item: { timestamp: 1717228805123, message: 'GET / 200\u001b[31m', ingestionTime: 1717228805200 },
    scope: { logGroupName: '/aws/lambda/api', logStreamName: 's1' },
    cells: ['2024-06-01 08:00:05', 'GET / 200\\e[31m'],
    id: '1717228805123',
  },
  audit: {
    item: { Region: 'eu-west-1', ResourceType: 'EBS', ResourceID: 'vol-1', Status: 'unattached', Details: 'Size:8GB_Created:2024-01-01T00:00:00+00:00' },
    cells: ['eu-west-1', 'EBS', 'vol-1', 'unattached', 'Size:8GB_Created:2024-01-01T00:00:00+00:00'],
    id: 'vol-1',
  },
  'cloudtrail.events': {
    item: { EventId: 'ev-1', EventName: 'StopInstances', EventTime: '2024-06-01T08:00:05+00:00', Username: 'alice', EventSource: 'ec2.amazonaws.com', Resources: [{ ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-0abc' }], ReadOnly: 'false' },
    cells: ['2024-06-01 08:00', 'StopInstances', 'alice', 'ec2.amazonaws.com', 'i-0abc', 'false'],
    id: 'ev-1',
  },
};

/** The member list a paginator (or the output) gives for `Name[]…` and the model's operation. */
function operationShapes(descriptor: ResourceDescriptor) {
  const model = loadService(descriptor.service);
  const operation = model.operations[descriptor.operation];
  return { model, operation, input: resolveShape(model, operation?.input), output: resolveShape(model, operation?.output) };
}

describe('services/ descriptors', () => {
  it('have unique ids, found by viewById', () => {
    const ids = resourceViews.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const view of resourceViews) expect(viewById(view.id)).toBe(view);
    expect(resourceViews.length).toBeGreaterThanOrEqual(7);
  });

  it('have lower-case aliases, unique across views, not shadowing a palette command, each finding its view', () => {
    const all = resourceViews.flatMap((v) => v.aliases);
    expect(new Set(all).size).toBe(all.length);
    const commands = new Set([...commandWords.map((w) => w.trim()), 'home', 'whoami', 'q']);
    for (const view of resourceViews) {
      expect(view.aliases.length).toBeGreaterThan(0);
      for (const alias of view.aliases) {
        expect(alias).toBe(alias.toLowerCase());
        expect(alias).toMatch(/^[a-z0-9-]+$/);
        expect(commands.has(alias)).toBe(false);
        expect(viewByAlias(alias)).toBe(view);
      }
    }
  });

  it('name a real operation of their service, with params and item sources the model has', () => {
    // A computed view (the audit) lists no operation of its own.
    for (const view of resourceViews.filter((v) => !v.compute)) {
      const { model, operation, input, output } = operationShapes(view);
      expect(operation, `${view.id}: ${view.service} ${view.operation}`).toBeDefined();
      // Each source starts with a member of the output (the paginator's result key when there is one).
      const resultKeys = [model.paginators[view.operation]?.result_key ?? []].flat();
      for (const source of view.items) {
        const top = /^[A-Za-z]+/.exec(source)?.[0] ?? '';
        expect(output.members, `${view.id}: ${source}`).toHaveProperty(top);
        if (resultKeys.length) expect(resultKeys, `${view.id}: ${source}`).toContain(top);
      }
      const scope = samples[view.id]?.scope ?? { Bucket: 'b', Prefix: 'p/', VpcId: 'vpc-1' };
      for (const params of [view.params?.(scope) ?? {}, view.flat?.(scope) ?? {}]) {
        for (const key of Object.keys(params)) expect(input.members, `${view.id}: param ${key}`).toHaveProperty(key);
      }
    }
  });

  it('have column paths (and the id and name paths) that compile in the jmespath package and in the CLI\'s parser', () => {
    for (const view of resourceViews) {
      const ids = view.columns.map((c) => c.id);
      expect(new Set(ids).size, `${view.id} column ids`).toBe(ids.length);
      const paths = [...view.columns.map((c) => c.path), view.identity.id, ...(view.identity.name ? [view.identity.name] : [])];
      for (const path of paths) {
        expect(() => compile(path), `${view.id}: ${path}`).not.toThrow();
        expect(jmespathSyntaxError(path), `${view.id}: ${path}`).toBeUndefined();
      }
      for (const source of view.items) {
        const expression = `${source}.${projectionOf(view.columns)}`;
        expect(() => compile(expression)).not.toThrow();
        expect(jmespathSyntaxError(expression)).toBeUndefined();
      }
    }
  });

  it('open child views that exist, with the scope they need', () => {
    const children: Record<string, { item: Record<string, unknown>; scope: Record<string, string>; view: string; childScope: Record<string, string> }> = {
      'ec2.vpcs': { item: { VpcId: 'vpc-9' }, scope: {}, view: 'ec2.subnets', childScope: { VpcId: 'vpc-9' } },
      's3.buckets': { item: { Name: 'bk' }, scope: {}, view: 's3.objects', childScope: { Bucket: 'bk', Prefix: '' } },
      's3.objects': { item: { Prefix: 'photos/2024/' }, scope: { Bucket: 'bk', Prefix: 'photos/' }, view: 's3.objects', childScope: { Bucket: 'bk', Prefix: 'photos/2024/' } },
      'iam.users': { item: { UserName: 'alice' }, scope: {}, view: 'iam.user-policies', childScope: { UserName: 'alice' } },
      'iam.roles': { item: { RoleName: 'deployer' }, scope: {}, view: 'iam.role-policies', childScope: { RoleName: 'deployer' } },
      'cloudformation.stacks': { item: { StackName: 'net' }, scope: {}, view: 'cloudformation.resources', childScope: { StackName: 'net' } },
      'logs.groups': { item: { logGroupName: '/aws/lambda/api' }, scope: {}, view: 'logs.streams', childScope: { logGroupName: '/aws/lambda/api' } },
      'logs.streams': { item: { logStreamName: 's1' }, scope: { logGroupName: 'g' }, view: 'logs.events', childScope: { logGroupName: 'g', logStreamName: 's1' } },
    };
    for (const view of resourceViews) {
      const expected = children[view.id];
      if (!view.child) {
        expect(expected, `${view.id} has no child`).toBeUndefined();
        continue;
      }
      expect(expected, `${view.id}: a child case for this test`).toBeDefined();
      const child = view.child(expected.item, expected.scope);
      if (!child || !('view' in child)) throw new Error(`${view.id}: expected a child view`);
      expect(viewById(child.view)).toBeDefined();
      expect(child.view).toBe(expected.view);
      expect(child.scope).toEqual(expected.childScope);
      // The child's request uses its scope.
      const params = viewById(child.view)!.params?.(child.scope);
      for (const [key, value] of Object.entries(child.scope)) {
        if (key === 'VpcId') expect(params).toEqual({ Filters: [{ Name: 'vpc-id', Values: [value] }] });
        else expect(params).toHaveProperty(key, value);
      }
    }
    // An object (not a prefix) opens its detail.
    expect(viewById('s3.objects')!.child!({ Key: 'a.txt' }, { Bucket: 'bk', Prefix: '' })).toEqual({ detail: true });
  });

  it('project a sample item into the expected cells, and its id', () => {
    expect(Object.keys(samples).sort()).toEqual(resourceViews.map((v) => v.id).sort());
    for (const view of resourceViews) {
      const sample = samples[view.id];
      const scope = sample.scope ?? {};
      const values = jmespath.search(sample.item, projectionOf(view.columns)) as unknown[];
      expect(cellsOf(values, view.columns, scope), view.id).toEqual(sample.cells);
      expect(jmespath.search(sample.item, view.identity.id), view.id).toBe(sample.id);
    }
  });

  it('give ARNs and console links for a sample row', () => {
    const where = { region: 'eu-west-1', account: '111122223333', scope: {} };
    expect(viewById('ec2.instances')!.identity.arn!(samples['ec2.instances'].item, where)).toBe('arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc');
    expect(viewById('ec2.instances')!.identity.arn!(samples['ec2.instances'].item, { ...where, account: undefined })).toBeUndefined();
    expect(viewById('ec2.vpcs')!.identity.arn!(samples['ec2.vpcs'].item, { ...where, region: 'cn-north-1' })).toBe('arn:aws-cn:ec2:cn-north-1:111122223333:vpc/vpc-1');
    expect(viewById('ec2.subnets')!.identity.arn!(samples['ec2.subnets'].item, where)).toBe('arn:aws:ec2:eu-west-1:1:subnet/subnet-1');
    expect(viewById('s3.buckets')!.identity.arn!(samples['s3.buckets'].item, where)).toBe('arn:aws:s3:::my-bucket');
    expect(viewById('s3.objects')!.identity.arn!(samples['s3.objects'].item, { ...where, scope: { Bucket: 'my-bucket' } })).toBe('arn:aws:s3:::my-bucket/photos/2024/a.jpg');
    expect(viewById('ec2.instances')!.consoleUrl!(samples['ec2.instances'].item, where)).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0abc');
    expect(viewById('s3.objects')!.consoleUrl!(samples['s3.objects'].item, { ...where, scope: { Bucket: 'my bucket' } }))
      .toBe('https://s3.console.aws.amazon.com/s3/object/my%20bucket?region=eu-west-1&prefix=photos%2F2024%2Fa.jpg');
    // A bucket's console page and its objects are in the bucket's own region, when ListBuckets names it.
    const buckets = viewById('s3.buckets')!;
    expect(buckets.consoleUrl!({ Name: 'bk', BucketRegion: 'ap-southeast-2' }, where)).toBe('https://s3.console.aws.amazon.com/s3/buckets/bk?region=ap-southeast-2');
    expect(buckets.consoleUrl!({ Name: 'bk' }, where)).toBe('https://s3.console.aws.amazon.com/s3/buckets/bk?region=eu-west-1');
    expect(buckets.child!({ Name: 'bk', BucketRegion: 'ap-southeast-2' }, {})).toMatchObject({ view: 's3.objects', region: 'ap-southeast-2' });
    expect(buckets.child!({ Name: 'bk' }, {})).not.toHaveProperty('region', expect.anything());
  });

  it('S3 objects: HeadObject and optional tags for a key, nothing for a prefix', () => {
    const objects = viewById('s3.objects')!;
    if (objects.detail === 'row') throw new Error('expected detail calls');
    expect(objects.detail({ Key: 'a.txt' }, { Bucket: 'bk', Prefix: '' })).toEqual([
      { service: 's3api', operation: 'HeadObject', params: { Bucket: 'bk', Key: 'a.txt' } },
      { service: 's3api', operation: 'GetObjectTagging', params: { Bucket: 'bk', Key: 'a.txt' }, key: 'Tags', pick: 'TagSet', optional: true },
    ]);
    expect(objects.detail({ Prefix: 'p/' }, { Bucket: 'bk', Prefix: '' })).toEqual([]);
  });

  it('format sizes with the unit and rounding of aws s3 ls --human-readable, and times to the minute', () => {
    // What awscli.customizations.s3.utils.human_readable_size gives (with `B` for its `Bytes`).
    const cli: Array<[number, string]> = [
      [0, '0 B'], [1023, '1023 B'], [1024, '1.0 KiB'], [1536, '1.5 KiB'], [1047976, '1023.4 KiB'],
      [1048575, '1.0 MiB'], [1048576, '1.0 MiB'], [5637144576, '5.2 GiB'], [5744518758.4, '5.3 GiB'], [471859.2, '460.8 KiB'],
    ];
    for (const [bytes, shown] of cli) expect(humanBytes(bytes), String(bytes)).toBe(shown);
    expect(humanBytes(2n ** 40n)).toBe('1.0 TiB');
    expect(humanBytes(null)).toBe('');
    expect(shortTime('2024-05-01T08:30:59.000Z')).toBe('2024-05-01 08:30');
    expect(shortTime('yesterday')).toBe('yesterday');
  });
});
