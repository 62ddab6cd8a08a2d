// For operations moto also implements, the same seeded state should give the same JSON shape
// from both servers through the AWS CLI: every key moto sends, the sandbox sends too (minus a
// short, named list of fields only one side has).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type MotoServer } from '../support/moto.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { awsJson, isolatedEnv } from './cli-helpers.js';
import { difference, keyPaths } from './shape-compare.js';

let moto: MotoServer;
let sandbox: Sandbox;
let motoEnv: NodeJS.ProcessEnv;

// Fields moto emits that a real account would not show for the seeded resources (or that moto
// invents); each is a deliberate omission, not an accident.
const MOTO_ONLY = new Set<string>([]);

beforeAll(async () => {
  [moto, sandbox] = await Promise.all([startMoto(), startSandbox({ seed: 'empty' })]);
  motoEnv = isolatedEnv({ AWS_ACCESS_KEY_ID: moto.accessKeyId, AWS_SECRET_ACCESS_KEY: moto.secretAccessKey });
  // The same resources on both sides, created through the CLI.
  for (const [url, env] of [[moto.endpoint, motoEnv], [sandbox.url, isolatedEnv()]] as const) {
    await awsJson(url, ['s3api', 'create-bucket', '--bucket', 'parity-bucket'], env);
    await awsJson(url, ['s3api', 'put-object', '--bucket', 'parity-bucket', '--key', 'dir/a.txt'], env);
    await awsJson(url, ['s3api', 'put-object', '--bucket', 'parity-bucket', '--key', 'dir/sub/b.txt'], env);
  }
  const images = await awsJson(moto.endpoint, ['ec2', 'describe-images', '--owners', 'amazon', '--max-items', '1'], motoEnv);
  await awsJson(moto.endpoint, ['ec2', 'run-instances', '--image-id', images.Images[0].ImageId, '--instance-type', 't3.small', '--key-name', 'k', '--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value=web}]'], motoEnv).catch(async () => {
    await awsJson(moto.endpoint, ['ec2', 'create-key-pair', '--key-name', 'k'], motoEnv);
    await awsJson(moto.endpoint, ['ec2', 'run-instances', '--image-id', images.Images[0].ImageId, '--instance-type', 't3.small', '--key-name', 'k', '--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value=web}]'], motoEnv);
  });
  // The sandbox's empty seed has no instances: give it one the way the demo seed does.
  const { ec2Store, launchInstance } = await import('../../src/sandbox/services/ec2-store.js');
  const store = ec2Store(sandbox.state, '123456789012', 'us-east-1');
  const subnet = [...store.subnets.values()][0]!;
  const group = [...store.securityGroups.values()][0]!;
  launchInstance(store, { name: 'web', instanceType: 't3.small', state: 'running', subnet, group, keyName: 'k', publicIp: true });
}, 120_000);

afterAll(async () => {
  await Promise.all([moto?.stop(), sandbox?.close()]);
});

const CASES: Array<{ name: string; args: string[]; motoOnly?: string[]; sandboxOnly?: string[] }> = [
  { name: 'sts get-caller-identity', args: ['sts', 'get-caller-identity'] },
  { name: 's3api list-buckets', args: ['s3api', 'list-buckets'] },
  { name: 's3api list-objects-v2', args: ['s3api', 'list-objects-v2', '--bucket', 'parity-bucket'] },
  // moto 5.2.1 rejects the signature when the query holds an encoded `/` (delimiter=%2F), so the
  // common-prefix shape is compared with a `.` delimiter and a prefix without slashes.
  { name: 's3api list-objects-v2 with delimiter', args: ['s3api', 'list-objects-v2', '--bucket', 'parity-bucket', '--delimiter', '.', '--prefix', 'dir'] },
  { name: 's3api head-object', args: ['s3api', 'head-object', '--bucket', 'parity-bucket', '--key', 'dir/a.txt'] },
  {
    name: 'ec2 describe-instances', args: ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=web'],
    // moto always sends these; AWS sends Platform only for Windows, StateReason only after a change, SriovNetSupport only when enabled.
    motoOnly: ['Reservations[].Instances[].Platform', 'Reservations[].Instances[].SriovNetSupport', 'Reservations[].Instances[].StateReason', 'Reservations[].Instances[].StateReason.Code', 'Reservations[].Instances[].StateReason.Message'],
    // Fields AWS returns that moto leaves out (moto also launched without a security group).
    sandboxOnly: ['Reservations[].Instances[].CpuOptions', 'Reservations[].Instances[].CpuOptions.CoreCount', 'Reservations[].Instances[].CpuOptions.ThreadsPerCore', 'Reservations[].Instances[].EnclaveOptions', 'Reservations[].Instances[].EnclaveOptions.Enabled', 'Reservations[].Instances[].HibernationOptions.Configured', 'Reservations[].Instances[].PlatformDetails', 'Reservations[].Instances[].UsageOperation', 'Reservations[].Instances[].SecurityGroups[].GroupId', 'Reservations[].Instances[].SecurityGroups[].GroupName', 'Reservations[].Instances[].NetworkInterfaces[].PrivateIpAddresses[].PrivateDnsName'],
  },
  // AWS omits an empty IPv6 association list; moto sends it.
  { name: 'ec2 describe-vpcs', args: ['ec2', 'describe-vpcs', '--filters', 'Name=is-default,Values=true'], motoOnly: ['Vpcs[].Ipv6CidrBlockAssociationSet'] },
  { name: 'ec2 describe-subnets', args: ['ec2', 'describe-subnets', '--filters', 'Name=default-for-az,Values=true'] },
  { name: 'ec2 describe-security-groups', args: ['ec2', 'describe-security-groups', '--filters', 'Name=group-name,Values=default'] },
  { name: 'ec2 describe-regions', args: ['ec2', 'describe-regions'] },
  // The sandbox's user has signed in to the console; moto's has not.
  { name: 'iam list-users', args: ['iam', 'list-users'], sandboxOnly: ['Users[].PasswordLastUsed'] },
];

describe('same JSON shape as moto', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [fromMoto, fromSandbox] = await Promise.all([awsJson(moto.endpoint, c.args, motoEnv), awsJson(sandbox.url, c.args, isolatedEnv())]);
      const motoPaths = keyPaths(fromMoto);
      const sandboxPaths = keyPaths(fromSandbox);
      const missing = difference(motoPaths, sandboxPaths).filter((p) => !MOTO_ONLY.has(p) && !(c.motoOnly ?? []).includes(p));
      const extra = difference(sandboxPaths, motoPaths).filter((p) => !(c.sandboxOnly ?? []).includes(p));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });
  }
});
