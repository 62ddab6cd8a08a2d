// `o` and `U`: every descriptor's console page for a sample row, in the row's region and on the
// console domain of the region's partition. A view added without a console page fails here.
import { describe, expect, it } from 'vitest';
import { resourceViews } from '../../../services/index.js';
import type { Scope } from '../../../services/types.js';

interface Case { item: Record<string, unknown>; scope?: Scope; url: string }

// Expected pages in eu-west-1 ({region} is filled in), one per descriptor.
const cases: Record<string, Case> = {
  'ec2.instances': { item: { InstanceId: 'i-0abc' }, url: 'https://{region}.{console}/ec2/home?region={region}#InstanceDetails:instanceId=i-0abc' },
  'ec2.volumes': { item: { VolumeId: 'vol-1' }, url: 'https://{region}.{console}/ec2/home?region={region}#VolumeDetails:volumeId=vol-1' },
  'ec2.security-groups': { item: { GroupId: 'sg-1' }, url: 'https://{region}.{console}/ec2/home?region={region}#SecurityGroup:groupId=sg-1' },
  'ec2.vpcs': { item: { VpcId: 'vpc-1' }, url: 'https://{region}.{console}/vpcconsole/home?region={region}#VpcDetails:VpcId=vpc-1' },
  'ec2.subnets': { item: { SubnetId: 'subnet-1' }, url: 'https://{region}.{console}/vpcconsole/home?region={region}#SubnetDetails:subnetId=subnet-1' },
  'ec2.key-pairs': { item: { KeyName: 'my key' }, url: 'https://{region}.{console}/ec2/home?region={region}#KeyPairs:search=my%20key' },
  'ec2.images': { item: { ImageId: 'ami-1' }, url: 'https://{region}.{console}/ec2/home?region={region}#ImageDetails:imageId=ami-1' },
  'ec2.snapshots': { item: { SnapshotId: 'snap-1' }, url: 'https://{region}.{console}/ec2/home?region={region}#SnapshotDetails:snapshotId=snap-1' },
  's3.buckets': { item: { Name: 'bk' }, url: 'https://s3.{console}/s3/buckets/bk?region={region}' },
  's3.objects': { item: { Key: 'a b/c.txt' }, scope: { Bucket: 'bk', Prefix: 'a b/' }, url: 'https://s3.{console}/s3/object/bk?region={region}&prefix=a%20b%2Fc.txt' },
  'iam.users': { item: { UserName: 'ana' }, url: 'https://{console}/iam/home#/users/details/ana' },
  'iam.roles': { item: { RoleName: 'Admin' }, url: 'https://{console}/iam/home#/roles/details/Admin' },
  'iam.policies': { item: { Arn: 'arn:aws:iam::1:policy/p' }, url: 'https://{console}/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A1%3Apolicy%2Fp' },
  'iam.user-policies': { item: { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, url: 'https://{console}/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess' },
  'iam.role-policies': { item: { PolicyArn: 'arn:aws:iam::1:policy/q' }, url: 'https://{console}/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A1%3Apolicy%2Fq' },
  'lambda.functions': { item: { FunctionName: 'api' }, url: 'https://{region}.{console}/lambda/home?region={region}#/functions/api' },
  'cloudformation.stacks': { item: { StackId: 'arn:aws:cloudformation:x:1:stack/s/1' }, url: 'https://{region}.{console}/cloudformation/home?region={region}#/stacks/stackinfo?stackId=arn%3Aaws%3Acloudformation%3Ax%3A1%3Astack%2Fs%2F1' },
  'cloudformation.resources': { item: {}, scope: { StackName: 'web' }, url: 'https://{region}.{console}/cloudformation/home?region={region}#/stacks/resources?stackId=web' },
  'cloudformation.events': { item: {}, scope: { StackName: 'web' }, url: 'https://{region}.{console}/cloudformation/home?region={region}#/stacks/events?stackId=web' },
  'logs.groups': { item: { logGroupName: '/app/x' }, url: 'https://{region}.{console}/cloudwatch/home?region={region}#logsV2:log-groups/log-group/$252Fapp$252Fx' },
  'logs.streams': { item: { logStreamName: 's/1' }, scope: { logGroupName: '/g' }, url: 'https://{region}.{console}/cloudwatch/home?region={region}#logsV2:log-groups/log-group/$252Fg/log-events/s$252F1' },
  'logs.events': { item: {}, scope: { logGroupName: '/g', logStreamName: 's' }, url: 'https://{region}.{console}/cloudwatch/home?region={region}#logsV2:log-groups/log-group/$252Fg/log-events/s' },
  'cloudtrail.events': { item: { EventId: 'e-1' }, url: 'https://{region}.{console}/cloudtrailv2/home?region={region}#/events/e-1' },
  audit: { item: { Region: '{region}', ResourceType: 'EBS', ResourceID: 'vol-9' }, url: 'https://{region}.{console}/ec2/home?region={region}#VolumeDetails:volumeId=vol-9' },
};

const partitions = [
  { region: 'eu-west-1', console: 'console.aws.amazon.com' },
  { region: 'cn-north-1', console: 'console.amazonaws.cn' },
  { region: 'us-gov-west-1', console: 'console.amazonaws-us-gov.com' },
];

const fill = (text: string, p: { region: string; console: string }) => text.replace(/\{region\}/g, p.region).replace(/\{console\}/g, p.console);

describe('console pages', () => {
  it('cover every view', () => {
    expect(Object.keys(cases).sort()).toEqual(resourceViews.map((v) => v.id).sort());
  });

  for (const view of resourceViews) {
    it(`${view.id}: the row's page in its region, on its partition's console domain`, () => {
      const sample = cases[view.id];
      for (const p of partitions) {
        const item = JSON.parse(fill(JSON.stringify(sample.item), p)) as Record<string, unknown>;
        expect(view.consoleUrl?.(item, { region: p.region, account: '111122223333', scope: sample.scope ?? {} })).toBe(fill(sample.url, p));
      }
    });
  }

  it('put a bucket\'s page and an audit row\'s page in their own region, not the view\'s', () => {
    const where = { region: 'us-east-1', scope: {} };
    expect(resourceViews.find((v) => v.id === 's3.buckets')!.consoleUrl!({ Name: 'bk', BucketRegion: 'ap-south-1' }, where)).toBe('https://s3.console.aws.amazon.com/s3/buckets/bk?region=ap-south-1');
    expect(resourceViews.find((v) => v.id === 'audit')!.consoleUrl!({ Region: 'sa-east-1', ResourceType: 'EC2', ResourceID: 'i-1' }, where))
      .toBe('https://sa-east-1.console.aws.amazon.com/ec2/home?region=sa-east-1#InstanceDetails:instanceId=i-1');
    // A region that failed is an audit row with no resource: no page.
    expect(resourceViews.find((v) => v.id === 'audit')!.consoleUrl!({ Region: 'sa-east-1', ResourceType: '-', ResourceID: '-' }, where)).toBeUndefined();
  });

  it('link a folder of an S3 listing to the bucket filtered by that prefix', () => {
    const objects = resourceViews.find((v) => v.id === 's3.objects')!;
    expect(objects.consoleUrl!({ Prefix: 'logs/2024/' }, { region: 'eu-west-1', scope: { Bucket: 'bk' } })).toBe('https://s3.console.aws.amazon.com/s3/buckets/bk?region=eu-west-1&prefix=logs%2F2024%2F');
  });
});
