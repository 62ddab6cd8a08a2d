# Seeds moto for test/integration/browser-moto.test.ts with boto3 (an independent client) and
# prints, as JSON, what boto3 then reads back: the truth the browser's rows are compared with.
# Usage: python3 browser-moto-seed.py ENDPOINT ACCESS_KEY_ID SECRET_ACCESS_KEY
import json
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3

endpoint, key_id, secret = sys.argv[1:4]


def client(service, region='us-east-1'):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id=key_id, aws_secret_access_key=secret)


def name_of(tags):
    return next((t['Value'] for t in tags or [] if t['Key'] == 'Name'), None)


def name_tags(name):
    return [{'Key': 'Name', 'Value': name}, {'Key': 'suite', 'Value': 'browser'}]


AMI = 'ami-12c6146b'
truth = {'instances': {}, 'volumes': {}, 'security_groups': {}, 'vpcs': {}, 'subnets': {}}

# us-east-1: a VPC with two subnets and a security group, instances in it (one stopped, one
# without a Name tag), two named volumes (one attached).
east = client('ec2')
vpc = east.create_vpc(CidrBlock='10.50.0.0/16', TagSpecifications=[{'ResourceType': 'vpc', 'Tags': name_tags('browse-vpc')}])['Vpc']['VpcId']
subnets = [
    east.create_subnet(VpcId=vpc, CidrBlock=f'10.50.{i}.0/24', AvailabilityZone=f'us-east-1{az}',
                       TagSpecifications=[{'ResourceType': 'subnet', 'Tags': name_tags(f'browse-private-{az}')}])['Subnet']['SubnetId']
    for i, az in enumerate(['a', 'b'], start=1)
]
group = east.create_security_group(GroupName='browse-web', Description='HTTPS from anywhere', VpcId=vpc)['GroupId']
east.authorize_security_group_ingress(GroupId=group, IpPermissions=[
    {'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443, 'IpRanges': [{'CidrIp': '0.0.0.0/0'}]},
    {'IpProtocol': 'tcp', 'FromPort': 80, 'ToPort': 80, 'IpRanges': [{'CidrIp': '0.0.0.0/0'}]},
])
launched = {}
for name, itype, subnet in [('web-1', 't3.micro', subnets[0]), ('web-2, "canary"', 't3.micro', subnets[1]), ('worker', 'm5.large', subnets[0]), (None, 't3.nano', None)]:
    args = {'ImageId': AMI, 'MinCount': 1, 'MaxCount': 1, 'InstanceType': itype}
    if subnet:
        args.update(SubnetId=subnet, SecurityGroupIds=[group])
    if name:
        args['TagSpecifications'] = [{'ResourceType': 'instance', 'Tags': name_tags(name)}]
    launched[name] = east.run_instances(**args)['Instances'][0]['InstanceId']
east.stop_instances(InstanceIds=[launched['worker']])
volumes = [east.create_volume(AvailabilityZone='us-east-1a', Size=size, VolumeType=vtype,
                              TagSpecifications=[{'ResourceType': 'volume', 'Tags': name_tags(name)}])['VolumeId']
           for name, size, vtype in [('browse-data', 20, 'gp3'), ('browse-scratch', 5, 'gp2')]]
east.attach_volume(VolumeId=volumes[0], InstanceId=launched['web-1'], Device='/dev/sdf')

# us-west-2: two other instances, which the us-east-1 listing must not show.
west = client('ec2', 'us-west-2')
for name in ['west-api', 'west-batch']:
    west.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, InstanceType='t3.small',
                       TagSpecifications=[{'ResourceType': 'instance', 'Tags': name_tags(name)}])

# Each row as the views' columns name them (column id → value), read back by boto3.
for region in ['us-east-1', 'us-west-2']:
    ec2 = client('ec2', region)
    truth['instances'][region] = [
        {'id': i['InstanceId'], 'name': name_of(i.get('Tags')), 'state': i['State']['Name'], 'type': i['InstanceType'],
         'az': i['Placement']['AvailabilityZone'], 'private': i.get('PrivateIpAddress'), 'public': i.get('PublicIpAddress')}
        for r in ec2.describe_instances()['Reservations'] for i in r['Instances']]
    truth['volumes'][region] = [
        {'id': v['VolumeId'], 'name': name_of(v.get('Tags')), 'state': v['State'], 'size': v['Size'], 'type': v['VolumeType'],
         'az': v['AvailabilityZone'], 'instance': (v.get('Attachments') or [{}])[0].get('InstanceId'), 'encrypted': v['Encrypted']}
        for v in ec2.describe_volumes()['Volumes']]
    truth['security_groups'][region] = [
        {'id': g['GroupId'], 'name': g['GroupName'], 'vpc': g.get('VpcId'), 'inbound': len(g.get('IpPermissions') or []),
         'outbound': len(g.get('IpPermissionsEgress') or []), 'description': g['Description']}
        for g in ec2.describe_security_groups()['SecurityGroups']]
    truth['vpcs'][region] = [
        {'id': v['VpcId'], 'name': name_of(v.get('Tags')), 'cidr': v['CidrBlock'], 'state': v['State'], 'default': v['IsDefault']}
        for v in ec2.describe_vpcs()['Vpcs']]
    truth['subnets'][region] = [
        {'id': s['SubnetId'], 'name': name_of(s.get('Tags')), 'vpc': s['VpcId'], 'cidr': s['CidrBlock'], 'az': s['AvailabilityZone'],
         'free': s['AvailableIpAddressCount']}
        for s in ec2.describe_subnets()['Subnets']]
truth['browse_vpc'] = vpc
truth['browse_subnets'] = subnets
truth['unnamed_instance'] = launched[None]

# S3. No key has `+`, `,` or non-ASCII characters: moto 5.2.1 rejects correctly signed requests
# for such paths (see test/support/moto-raw-query.ts). The comma and quotes CSV must escape are in
# an instance name instead.
s3 = client('s3')
objects = {
    'browse-assets': {
        'index.html': '<!doctype html><title>browse</title>\n',
        'css/site.css': 'body { margin: 0; }\n',
        'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        'docs/2024/q1/report.txt': 'Q1\n',
        'docs/2024/q2/report.txt': 'Q2 report\n',
        'docs/2024/q2/notes/meeting.md': '# meeting\n',
        'docs/readme with spaces.txt': 'spaces are fine\n',
    },
    # More than 1,000 entries at the top level: the delimiter view and the flat view both take
    # two pages, and the folders (archive/, logs/) fall in different pages.
    'browse-many': {
        **{f'item-{i:04d}.json': f'{{"id": {i}}}\n' for i in range(1100)},
        **{f'logs/2024/{m:02d}/app-{d:02d}.log': f'log {m} {d}\n' for m in (1, 2) for d in range(30)},
        **{f'archive/old-{i}.bin': 'x' * i for i in range(5)},
    },
    # A bucket in another region: its objects are listed from there.
    'browse-west': {'west/a.txt': 'a\n', 'b.txt': 'bb\n'},
}
for bucket in objects:
    where = {'CreateBucketConfiguration': {'LocationConstraint': 'us-west-2'}} if bucket == 'browse-west' else {}
    s3.create_bucket(Bucket=bucket, **where)


def put(item):
    bucket, key, body = item
    s3.put_object(Bucket=bucket, Key=key, Body=body.encode())


with ThreadPoolExecutor(16) as pool:
    list(pool.map(put, [(b, k, v) for b, keys in objects.items() for k, v in keys.items()]))

tagged_key = 'docs/2024/q1/summary.csv'
s3.put_object(Bucket='browse-assets', Key=tagged_key, Body=b'quarter,total\nq1,42\n', ContentType='text/csv',
              Metadata={'owner': 'finance', 'source': 'browser-test'}, StorageClass='STANDARD_IA',
              Tagging='classification=internal&team=data')
objects['browse-assets'][tagged_key] = 'quarter,total\nq1,42\n'

truth['buckets'] = [{'name': b['Name'], 'region': b.get('BucketRegion')} for b in s3.list_buckets()['Buckets']]
truth['bucket_locations'] = {b: s3.get_bucket_location(Bucket=b)['LocationConstraint'] for b in ['browse-assets', 'browse-west']}
# Every key of each bucket as a flat listing reads it back: key → [size, storage class].
pages = s3.get_paginator('list_objects_v2')
truth['objects'] = {bucket: {o['Key']: [o['Size'], o['StorageClass']] for page in pages.paginate(Bucket=bucket) for o in page.get('Contents', [])}
                    for bucket in objects}
assert all(set(truth['objects'][b]) == set(keys) for b, keys in objects.items()), 'moto lost a key'

HEAD_FIELDS = ('ContentLength', 'ContentType', 'Metadata', 'StorageClass', 'ETag')


def detail(key):
    head = s3.head_object(Bucket='browse-assets', Key=key)
    return {'key': key, 'head': {k: head[k] for k in HEAD_FIELDS if k in head},
            'tags': s3.get_object_tagging(Bucket='browse-assets', Key=key)['TagSet']}


truth['details'] = [detail(tagged_key), detail('index.html')]
print(json.dumps(truth))
