// The engine against a real moto server with SigV4 checking on: every protocol at least once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type AwsClient } from '../../src/engine/http/client.js';
import { ServiceError } from '../../src/engine/http/errors.js';
import { startMoto, type MotoServer } from '../support/moto.js';

let moto: MotoServer;
const client = (service: string, extra: Partial<Parameters<typeof createClient>[0]> = {}): AwsClient =>
  createClient({
    service,
    region: 'us-east-1',
    endpointUrl: moto.endpoint,
    credentials: { accessKeyId: moto.accessKeyId, secretAccessKey: moto.secretAccessKey },
    ...extra,
  });

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('signature checking is really on', () => {
  it('rejects a wrong secret with the service error', async () => {
    const bad = client('sts', { credentials: { accessKeyId: moto.accessKeyId, secretAccessKey: 'wrong-secret' } });
    const err = await bad.call('GetCallerIdentity').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe('SignatureDoesNotMatch');
    expect(String(err)).toMatch(/^An error occurred \(SignatureDoesNotMatch\) when calling the GetCallerIdentity operation: /);
  });
});

describe('query protocol (STS, IAM, CloudFormation)', () => {
  it('sts get-caller-identity returns the signing user', async () => {
    const out = await client('sts').call('GetCallerIdentity');
    expect(out.Arn).toMatch(/:user\/awsdeck-test$/);
    expect(Object.keys(out).slice(0, 3)).toEqual(['UserId', 'Account', 'Arn']);
    expect(out.ResponseMetadata?.HTTPStatusCode).toBe(200);
  });

  it('iam creates and lists users across pages', async () => {
    const iam = client('iam');
    for (let i = 0; i < 5; i++) await iam.call('CreateUser', { UserName: `pager-${i}`, Tags: [{ Key: 'team', Value: `t${i}` }] });
    const merged = await iam.callAll('ListUsers', {}, { pageSize: 2 });
    const names = (merged.Users as Array<{ UserName: string }>).map((u) => u.UserName);
    expect(names).toEqual(expect.arrayContaining(['pager-0', 'pager-4', 'awsdeck-test']));
    const err = await iam.call('GetUser', { UserName: 'nobody' }).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe('NoSuchEntity');
  });

  it('cloudformation creates and describes a stack', async () => {
    const cfn = client('cloudformation');
    const template = JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'awsdeck-topic' } } } });
    await cfn.call('CreateStack', { StackName: 'awsdeck-stack', TemplateBody: template });
    const out = await cfn.call('DescribeStacks', { StackName: 'awsdeck-stack' });
    const stacks = out.Stacks as Array<{ StackName: string; StackStatus: string }>;
    expect(stacks[0]!.StackName).toBe('awsdeck-stack');
    expect(stacks[0]!.StackStatus).toMatch(/COMPLETE$/);
  });
});

describe('ec2 protocol', () => {
  it('runs, filters, stops, starts and terminates instances', async () => {
    const ec2 = client('ec2');
    const run = await ec2.call('RunInstances', {
      ImageId: 'ami-12c6146b', MinCount: 3, MaxCount: 3, InstanceType: 't3.micro',
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
    });
    const ids = (run.Instances as Array<{ InstanceId: string }>).map((i) => i.InstanceId);
    expect(ids).toHaveLength(3);
    await ec2.call('StopInstances', { InstanceIds: [ids[0]] });
    const stopped = await ec2.callAll('DescribeInstances', { Filters: [{ Name: 'instance-state-name', Values: ['stopped', 'stopping'] }] });
    const stoppedIds = (stopped.Reservations as Array<{ Instances: Array<{ InstanceId: string }> }>).flatMap((r) => r.Instances.map((i) => i.InstanceId));
    expect(stoppedIds).toEqual([ids[0]]);
    await ec2.call('StartInstances', { InstanceIds: [ids[0]] });
    const tagged = await ec2.callAll('DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['web'] }] });
    expect((tagged.Reservations as unknown[]).length).toBeGreaterThan(0);
    const term = await ec2.call('TerminateInstances', { InstanceIds: ids });
    expect((term.TerminatingInstances as unknown[]).length).toBe(3);
  });

  it('dry-run answers DryRunOperation as an error', async () => {
    const err = await client('ec2').call('DescribeRegions', { DryRun: true }).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe('DryRunOperation');
  });

  it('describes regions, volumes, security groups and vpcs', async () => {
    const ec2 = client('ec2');
    const regions = await ec2.call('DescribeRegions');
    expect((regions.Regions as Array<{ RegionName: string }>).map((r) => r.RegionName)).toContain('eu-west-1');
    await ec2.call('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 8 });
    expect(((await ec2.callAll('DescribeVolumes')).Volumes as unknown[]).length).toBeGreaterThan(0);
    const vpcs = (await ec2.callAll('DescribeVpcs')).Vpcs as Array<{ VpcId: string; IsDefault: boolean }>;
    expect(vpcs.some((v) => v.IsDefault === true)).toBe(true);
    const sgs = (await ec2.callAll('DescribeSecurityGroups', { GroupNames: ['default'] })).SecurityGroups as Array<{ GroupName: string }>;
    expect(sgs[0]!.GroupName).toBe('default');
  });
});

describe('rest-xml protocol (S3)', () => {
  it('lists more than 1,000 keys across pages and groups prefixes with a delimiter', async () => {
    const s3 = client('s3api');
    await s3.call('CreateBucket', { Bucket: 'awsdeck-many' });
    // moto 5.2.1 miscomputes signatures for percent-encoded query values (the AWS CLI fails there
    // too), so this delimiter needs no encoding; the sandbox tests cover `/`.
    const keys = Array.from({ length: 1105 }, (_, i) => `dir${i % 3}_key-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((Key) => s3.call('PutObject', { Bucket: 'awsdeck-many', Key, Body: 'x' })));
    }
    const all = await s3.callAll('ListObjectsV2', { Bucket: 'awsdeck-many' });
    expect((all.Contents as unknown[]).length).toBe(1105);
    expect(Object.keys(all)).toEqual(['Contents', 'RequestCharged', 'Prefix']);
    const grouped = await s3.callAll('ListObjectsV2', { Bucket: 'awsdeck-many', Delimiter: '_' });
    expect((grouped.CommonPrefixes as Array<{ Prefix: string }>).map((p) => p.Prefix)).toEqual(['dir0_', 'dir1_', 'dir2_']);
    const limited = await s3.callAll('ListObjectsV2', { Bucket: 'awsdeck-many' }, { maxItems: 1001 });
    expect((limited.Contents as unknown[]).length).toBe(1001);
    expect(typeof limited.NextToken).toBe('string');
    const rest = await s3.callAll('ListObjectsV2', { Bucket: 'awsdeck-many' }, { startingToken: limited.NextToken as string });
    expect((rest.Contents as unknown[]).length).toBe(104);
  });

  it('puts, heads, gets and deletes an object whose key needs encoding', async () => {
    const s3 = client('s3api');
    await s3.call('CreateBucket', { Bucket: 'awsdeck-objects' });
    const Key = 'dir/my file~1.txt'; // moto rejects signatures for keys with + or non-ASCII
    await s3.call('PutObject', { Bucket: 'awsdeck-objects', Key, Body: 'hello world', ContentType: 'text/plain', Metadata: { owner: 'me' } });
    const head = await s3.call('HeadObject', { Bucket: 'awsdeck-objects', Key });
    expect(head.ContentLength).toBe(11);
    expect(head.Metadata).toEqual({ owner: 'me' });
    const got = await s3.call('GetObject', { Bucket: 'awsdeck-objects', Key, Range: 'bytes=0-4' });
    expect(Buffer.from(got.Body as Uint8Array).toString()).toBe('hello');
    await s3.call('DeleteObject', { Bucket: 'awsdeck-objects', Key });
    const err = await s3.call('HeadObject', { Bucket: 'awsdeck-objects', Key }).catch((e: unknown) => e);
    expect(String(err)).toBe('An error occurred (404) when calling the HeadObject operation: Not Found');
    const missing = await s3.call('GetObject', { Bucket: 'awsdeck-objects', Key: 'nope' }).catch((e: unknown) => e);
    expect((missing as ServiceError).code).toBe('NoSuchKey');
  });
});

describe('json protocol (DynamoDB 1.0, CloudWatch Logs 1.1)', () => {
  it('dynamodb creates a table, puts and scans items', async () => {
    const ddb = client('dynamodb');
    await ddb.call('CreateTable', {
      TableName: 'awsdeck', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
    for (let i = 0; i < 7; i++) await ddb.call('PutItem', { TableName: 'awsdeck', Item: { pk: { S: `k${i}` }, n: { N: String(i) } } });
    const scanned = await ddb.callAll('Scan', { TableName: 'awsdeck' }, { pageSize: 3 });
    expect((scanned.Items as unknown[]).length).toBe(7);
    expect(scanned.Count).toBe(7);
    const err = await ddb.call('DescribeTable', { TableName: 'missing' }).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe('ResourceNotFoundException');
  });

  it('logs creates a group and stream and reads events back', async () => {
    const logs = client('logs');
    await logs.call('CreateLogGroup', { logGroupName: '/awsdeck/app' });
    await logs.call('CreateLogStream', { logGroupName: '/awsdeck/app', logStreamName: 's1' });
    await logs.call('PutLogEvents', { logGroupName: '/awsdeck/app', logStreamName: 's1', logEvents: [{ timestamp: Date.now(), message: 'hello ✓' }] });
    const events = await logs.call('GetLogEvents', { logGroupName: '/awsdeck/app', logStreamName: 's1' });
    expect((events.events as Array<{ message: string }>)[0]!.message).toBe('hello ✓');
  });
});

describe('rest-json protocol (Lambda)', () => {
  it('creates a function and publishes a version', async () => {
    const iam = client('iam');
    const role = await iam.call('CreateRole', { RoleName: 'lambda-role', AssumeRolePolicyDocument: '{}' });
    const lambda = client('lambda');
    const zip = Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64');
    const created = await lambda.call('CreateFunction', {
      FunctionName: 'awsdeck-fn', Runtime: 'python3.12', Handler: 'index.handler',
      Role: (role.Role as { Arn: string }).Arn, Code: { ZipFile: zip }, Environment: { Variables: { MODE: 'test' } },
    });
    expect(created.FunctionName).toBe('awsdeck-fn');
    expect(created.Environment).toEqual({ Variables: { MODE: 'test' } });
    expect(created.ResponseMetadata?.HTTPStatusCode).toBe(201);
    // moto 5.2.1 rejects every signed Lambda GET (the AWS CLI v2 gets the same 403), so stay on POST.
    const version = await lambda.call('PublishVersion', { FunctionName: 'awsdeck-fn' });
    expect(version.Version).toBe('1');
    const err = await lambda.call('PublishVersion', { FunctionName: 'missing' }).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe('ResourceNotFoundException');
  });
});
