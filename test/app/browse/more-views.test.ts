// The IAM, Lambda, CloudFormation, CloudWatch Logs, CloudTrail and EC2 image views: identity (ARNs),
// console links, row colours, the calls behind `d`, the related view and the follow request.
import { describe, expect, it } from 'vitest';
import { viewById } from '../../../services/index.js';
import { cfnStatusTone } from '../../../services/cloudformation.js';

const where = { region: 'eu-west-1', account: '111122223333', scope: {} };
const view = (id: string) => {
  const found = viewById(id);
  if (!found) throw new Error(`no view ${id}`);
  return found;
};
const detailCalls = (id: string, item: Record<string, unknown>, scope = {}) => {
  const detail = view(id).detail;
  if (detail === 'row') throw new Error(`${id}: expected detail calls`);
  return detail(item, scope);
};

describe('more views', () => {
  it('take ARNs from the item where the service gives one, and build them where it does not', () => {
    expect(view('iam.users').identity.arn!({ Arn: 'arn:aws:iam::1:user/a' }, where)).toBe('arn:aws:iam::1:user/a');
    expect(view('iam.role-policies').identity.arn!({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, where)).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(view('lambda.functions').identity.arn!({ FunctionArn: 'arn:aws:lambda:eu-west-1:1:function:f' }, where)).toBe('arn:aws:lambda:eu-west-1:1:function:f');
    expect(view('cloudformation.stacks').identity.arn!({ StackId: 'arn:aws:cloudformation:eu-west-1:1:stack/s/x' }, where)).toBe('arn:aws:cloudformation:eu-west-1:1:stack/s/x');
    expect(view('logs.groups').identity.arn!({ logGroupArn: 'arn:aws:logs:eu-west-1:1:log-group:/g' }, where)).toBe('arn:aws:logs:eu-west-1:1:log-group:/g');
    expect(view('ec2.key-pairs').identity.arn!({ KeyName: 'deploy' }, where)).toBe('arn:aws:ec2:eu-west-1:111122223333:key-pair/deploy');
    expect(view('ec2.images').identity.arn!({ ImageId: 'ami-1' }, { ...where, region: 'cn-north-1' })).toBe('arn:aws-cn:ec2:cn-north-1::image/ami-1');
    expect(view('ec2.snapshots').identity.arn!({ SnapshotId: 'snap-1' }, where)).toBe('arn:aws:ec2:eu-west-1::snapshot/snap-1');
  });

  it('link each row to its console page', () => {
    expect(view('iam.users').consoleUrl!({ UserName: 'zoë' }, where)).toBe('https://console.aws.amazon.com/iam/home#/users/details/zo%C3%AB');
    expect(view('iam.roles').consoleUrl!({ RoleName: 'r' }, where)).toBe('https://console.aws.amazon.com/iam/home#/roles/details/r');
    expect(view('iam.policies').consoleUrl!({ Arn: 'arn:aws:iam::1:policy/p' }, where)).toBe('https://console.aws.amazon.com/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A1%3Apolicy%2Fp');
    expect(view('lambda.functions').consoleUrl!({ FunctionName: 'api' }, where)).toBe('https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/api');
    expect(view('cloudformation.stacks').consoleUrl!({ StackId: 'arn:aws:cloudformation:eu-west-1:1:stack/s/x' }, where))
      .toBe('https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/stackinfo?stackId=arn%3Aaws%3Acloudformation%3Aeu-west-1%3A1%3Astack%2Fs%2Fx');
    // The console escapes names in its fragment twice, with `$` for `%`.
    expect(view('logs.groups').consoleUrl!({ logGroupName: '/aws/lambda/api' }, where))
      .toBe('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Fapi');
    expect(view('logs.events').consoleUrl!({}, { ...where, scope: { logGroupName: '/g', logStreamName: 'a/b' } }))
      .toBe('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fg/log-events/a$252Fb');
    expect(view('cloudtrail.events').consoleUrl!({ EventId: 'e-1' }, where)).toBe('https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events/e-1');
    expect(view('ec2.images').consoleUrl!({ ImageId: 'ami-1' }, where)).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#ImageDetails:imageId=ami-1');
    expect(view('ec2.snapshots').consoleUrl!({ SnapshotId: 'snap-1' }, where)).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#SnapshotDetails:snapshotId=snap-1');
  });

  it('colour rows by their state', () => {
    expect(['CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE', 'CREATE_FAILED', 'DELETE_COMPLETE', 'DELETE_SKIPPED'].map(cfnStatusTone))
      .toEqual(['ok', 'warn', 'danger', 'danger', 'muted', 'muted']);
    expect(view('lambda.functions').tone!({ State: 'Failed' })).toBe('danger');
    expect(view('ec2.images').tone!({ State: 'pending' })).toBe('warn');
    expect(view('ec2.snapshots').tone!({ State: 'completed' })).toBe('ok');
    expect(view('iam.policies').tone!({ AttachmentCount: 0 })).toBe('muted');
  });

  it('describe a row with the service\'s own get calls', () => {
    expect(detailCalls('iam.users', { UserName: 'a' })).toEqual([{ service: 'iam', operation: 'GetUser', params: { UserName: 'a' }, pick: 'User' }]);
    expect(detailCalls('iam.roles', { RoleName: 'r' })).toEqual([{ service: 'iam', operation: 'GetRole', params: { RoleName: 'r' }, pick: 'Role' }]);
    expect(detailCalls('iam.policies', { Arn: 'arn:p', DefaultVersionId: 'v3' })).toEqual([
      { service: 'iam', operation: 'GetPolicy', params: { PolicyArn: 'arn:p' }, pick: 'Policy' },
      { service: 'iam', operation: 'GetPolicyVersion', params: { PolicyArn: 'arn:p', VersionId: 'v3' }, key: 'DefaultVersion', pick: 'PolicyVersion', optional: true },
    ]);
    expect(detailCalls('lambda.functions', { FunctionName: 'f', FunctionArn: 'arn:f' })).toEqual([
      { service: 'lambda', operation: 'GetFunction', params: { FunctionName: 'f' }, pick: 'Configuration' },
      { service: 'lambda', operation: 'ListTags', params: { Resource: 'arn:f' }, key: 'Tags', pick: 'Tags', optional: true },
    ]);
  });

  it('IAM is global; a stack\'s related view is its events; a log stream is followed from the last forward token', () => {
    for (const id of ['iam.users', 'iam.roles', 'iam.policies', 'iam.user-policies', 'iam.role-policies']) expect(view(id).global, id).toBe(true);
    expect(view('iam.policies').params!({})).toEqual({ Scope: 'Local' });
    expect(view('ec2.images').params!({})).toEqual({ Owners: ['self'] });
    expect(view('ec2.snapshots').params!({})).toEqual({ OwnerIds: ['self'] });
    expect(view('cloudformation.stacks').related!({ StackName: 'net' }, {})).toEqual({ view: 'cloudformation.events', scope: { StackName: 'net' }, label: 'net events' });
    const events = view('logs.events');
    const params = events.params!({ logGroupName: 'g', logStreamName: 's' });
    expect(params).toEqual({ logGroupName: 'g', logStreamName: 's', startFromHead: true });
    expect(events.follow!.next(params, { events: [], nextForwardToken: 'f/7' })).toEqual({ ...params, nextToken: 'f/7' });
    expect(view('logs.streams').params!({ logGroupName: 'g' })).toEqual({ logGroupName: 'g', orderBy: 'LastEventTime', descending: true });
  });
});
