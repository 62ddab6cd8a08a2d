# Seeds moto for test/integration/browser-moto-more.test.ts with boto3 (an independent client) and
# prints, as JSON, what boto3 then reads back: IAM, Lambda, CloudFormation, CloudWatch Logs, EC2
# key pairs, images and snapshots. The truth the browser's rows are compared with.
# Usage: python3 browser-moto-more-seed.py ENDPOINT ACCESS_KEY_ID SECRET_ACCESS_KEY [lambda]
# With `lambda`, only the Lambda functions (and their role): moto 5.2.1 with signature checking on
# (as the test starts it) rejects boto3's signed ListFunctions too, so the test lists them on a second server without it.
import io
import json
import sys
import time
import zipfile

import boto3

endpoint, key_id, secret = sys.argv[1:4]
only_lambda = sys.argv[4:] == ['lambda']
REGION = 'us-east-1'


def client(service, region=REGION):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id=key_id, aws_secret_access_key=secret)


def iso(value):
    return value.isoformat() if hasattr(value, 'isoformat') else value


def doc(actions):
    return json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': actions, 'Resource': '*'}]})


TRUST = json.dumps({'Version': '2012-10-17', 'Statement': [
    {'Effect': 'Allow', 'Principal': {'Service': 'lambda.amazonaws.com'}, 'Action': 'sts:AssumeRole'}]})



def seed_lambda(role):
    """Two functions from a zip (listing needs no docker; invoking would)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as z:
        z.writestr('index.py', 'def handler(event, context):\n    return event\n')
    lam = client('lambda')
    for name, runtime, memory in [('browse-api', 'python3.12', 256), ('browse-worker', 'python3.11', 1024)]:
        lam.create_function(FunctionName=name, Runtime=runtime, Role=role, Handler='index.handler', Code={'ZipFile': buffer.getvalue()},
                            MemorySize=memory, Timeout=15, Description=f'{name} function', Tags={'suite': 'browser'})
    return {
        'functions': [[f['FunctionName'], f['Runtime'], f['MemorySize'], f['Timeout'], f['CodeSize'], f['FunctionArn']]
                      for f in lam.list_functions()['Functions']],
        'function_detail': lam.get_function(FunctionName='browse-api')['Configuration']['FunctionArn'],
    }


if only_lambda:
    role_arn = client('iam').create_role(RoleName='browse-lambda', AssumeRolePolicyDocument=TRUST)['Role']['Arn']
    print(json.dumps(seed_lambda(role_arn), default=iso))
    sys.exit(0)

# IAM: two users and two roles with managed policies attached, customer-managed policies.
iam = client('iam')
reader = iam.create_policy(PolicyName='browse-read-logs', PolicyDocument=doc(['logs:Get*', 'logs:Describe*']), Description='read logs')['Policy']['Arn']
writer = iam.create_policy(PolicyName='browse-write-s3', PolicyDocument=doc(['s3:PutObject']))['Policy']['Arn']
iam.create_user(UserName='alice', Path='/staff/')
iam.create_user(UserName='bob, "the builder"')
iam.attach_user_policy(UserName='alice', PolicyArn=reader)
iam.attach_user_policy(UserName='alice', PolicyArn=writer)
role = iam.create_role(RoleName='browse-lambda', AssumeRolePolicyDocument=TRUST, Description='runs the functions')['Role']['Arn']
iam.create_role(RoleName='browse-empty', AssumeRolePolicyDocument=TRUST, Path='/service/')
iam.attach_role_policy(RoleName='browse-lambda', PolicyArn=reader)

truth = {
    'users': [[u['UserName'], u['UserId'], u['Path'], u['Arn']] for u in iam.list_users()['Users']],
    'roles': [[r['RoleName'], r['RoleId'], r['Path'], r['Arn'], r.get('Description')] for r in iam.list_roles()['Roles']],
    'policies': [[p['PolicyName'], p['PolicyId'], p['AttachmentCount'], p['DefaultVersionId'], p['Arn']]
                 for p in iam.list_policies(Scope='Local')['Policies']],
    'user_policies': {name: [[p['PolicyName'], p['PolicyArn']] for p in iam.list_attached_user_policies(UserName=name)['AttachedPolicies']]
                      for name in ['alice', 'bob, "the builder"']},
    'role_policies': {name: [[p['PolicyName'], p['PolicyArn']] for p in iam.list_attached_role_policies(RoleName=name)['AttachedPolicies']]
                      for name in ['browse-lambda', 'browse-empty']},
    'get_role': iam.get_role(RoleName='browse-lambda')['Role']['RoleId'],
    # boto3 decodes policy documents (URL-encoded JSON on the wire) into the documents themselves.
    'role_trust': iam.get_role(RoleName='browse-lambda')['Role']['AssumeRolePolicyDocument'],
    'policy_document': iam.get_policy_version(PolicyArn=reader, VersionId='v1')['PolicyVersion']['Document'],
}

# CloudFormation: a stack from a small template.
cfn = client('cloudformation')
template = {'AWSTemplateFormatVersion': '2010-09-09', 'Description': 'browser test stack', 'Resources': {
    'Queue': {'Type': 'AWS::SQS::Queue', 'Properties': {'QueueName': 'browse-queue'}},
    'Topic': {'Type': 'AWS::SNS::Topic', 'Properties': {'TopicName': 'browse-topic'}},
}}
cfn.create_stack(StackName='browse-stack', TemplateBody=json.dumps(template), Tags=[{'Key': 'suite', 'Value': 'browser'}])
truth['stacks'] = [[s['StackName'], s['StackStatus'], s.get('Description'), s['StackId']] for s in cfn.describe_stacks()['Stacks']]
truth['stack_resources'] = [[r['LogicalResourceId'], r['PhysicalResourceId'], r['ResourceType'], r['ResourceStatus']]
                            for r in cfn.list_stack_resources(StackName='browse-stack')['StackResourceSummaries']]
truth['stack_events'] = [[e['EventId'], e['LogicalResourceId'], e['ResourceType'], e['ResourceStatus']]
                         for e in cfn.describe_stack_events(StackName='browse-stack')['StackEvents']]

# CloudWatch Logs: two groups, streams, events (one with an escape sequence in it).
logs = client('logs')
logs.create_log_group(logGroupName='/browse/app')
logs.put_retention_policy(logGroupName='/browse/app', retentionInDays=14)
logs.create_log_group(logGroupName='/browse/empty')
for stream in ['web-1', 'web-2']:
    logs.create_log_stream(logGroupName='/browse/app', logStreamName=stream)
# Recent: CloudWatch Logs refuses events older than the group's retention.
base = int(time.time() * 1000) - 60_000
logs.put_log_events(logGroupName='/browse/app', logStreamName='web-1', logEvents=[
    {'timestamp': base + i * 1000, 'message': message} for i, message in enumerate(['started', 'GET / 200', 'red \x1b[31malert\x1b[0m'])])
logs.put_log_events(logGroupName='/browse/app', logStreamName='web-2', logEvents=[{'timestamp': base, 'message': 'other stream'}])
truth['log_groups'] = [[g['logGroupName'], g.get('retentionInDays')] for g in logs.describe_log_groups()['logGroups']]
truth['log_streams'] = [[s['logStreamName'], s.get('lastEventTimestamp')]
                        for s in logs.describe_log_streams(logGroupName='/browse/app', orderBy='LastEventTime', descending=True)['logStreams']]
truth['log_events'] = [[e['timestamp'], e['message']]
                       for e in logs.get_log_events(logGroupName='/browse/app', logStreamName='web-1', startFromHead=True)['events']]

# EC2: key pairs, an image made from an instance, snapshots of a volume (owned by the account;
# moto's public AMIs and their snapshots belong to other owners and must not be listed).
ec2 = client('ec2')
ec2.create_key_pair(KeyName='browse-deploy')
ec2.create_key_pair(KeyName='browse-ed', KeyType='ed25519')
instance = ec2.run_instances(ImageId='ami-12c6146b', MinCount=1, MaxCount=1)['Instances'][0]['InstanceId']
ec2.create_image(InstanceId=instance, Name='browse-golden', Description='golden image')
volume = ec2.create_volume(AvailabilityZone='us-east-1a', Size=8)['VolumeId']
ec2.create_snapshot(VolumeId=volume, Description='nightly', TagSpecifications=[{'ResourceType': 'snapshot', 'Tags': [{'Key': 'Name', 'Value': 'browse-nightly'}]}])
truth['key_pairs'] = [[k['KeyName'], k.get('KeyPairId'), k.get('KeyFingerprint')] for k in ec2.describe_key_pairs()['KeyPairs']]
truth['images'] = [[i['ImageId'], i.get('Name'), i['State']] for i in ec2.describe_images(Owners=['self'])['Images']]
truth['snapshots'] = [[s['SnapshotId'], s.get('VolumeId'), s['VolumeSize'], s['State'], s.get('Description')]
                      for s in ec2.describe_snapshots(OwnerIds=['self'])['Snapshots']]
truth['all_images'] = len(ec2.describe_images()['Images'])

print(json.dumps(truth, default=iso))
