// The `:` palette's language for the browser (src/app/commands.ts): views, regions, operations.
import { describe, expect, it } from 'vitest';
import { commandCandidates, parseCommand } from '../../../src/app/commands.js';
import { completeFrom } from '../../../src/app/line-buffer.js';

const known = { profiles: ['default', 'dev-admin'], regions: ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'] };
const parse = (text: string) => parseCommand(text, known);
const typedAhead = (text: string) => commandCandidates(known, text).filter((c) => c.startsWith(text));

describe('parseCommand: actions and the audit log', () => {
  it('an action word on its own is the view\'s action; the audit log has its own command', () => {
    for (const command of ['start', 'stop', 'reboot', 'terminate']) expect(parse(command)).toEqual({ type: 'action', command });
    expect(parse('audit-log')).toEqual({ type: 'audit-log' });
    expect(typedAhead('ter')).toContain('terminate');
  });
});

describe('parseCommand: resource views', () => {
  it('opens a view by any of its aliases, without a region', () => {
    expect(parse('ec2')).toEqual({ type: 'resource', view: 'ec2.instances', region: undefined });
    expect(parse('instances')).toEqual({ type: 'resource', view: 'ec2.instances', region: undefined });
    expect(parse('  EC2  ')).toEqual({ type: 'resource', view: 'ec2.instances', region: undefined });
    expect(parse('s3')).toMatchObject({ type: 'resource', view: 's3.buckets' });
    expect(parse('vpc')).toMatchObject({ type: 'resource', view: 'ec2.vpcs' });
  });

  it('opens a view in the region named after it', () => {
    expect(parse('sg eu-west-1')).toEqual({ type: 'resource', view: 'ec2.security-groups', region: 'eu-west-1' });
    // A region this list does not know, in the AWS shape, is still a region.
    expect(parse('ec2 sa-east-1')).toEqual({ type: 'resource', view: 'ec2.instances', region: 'sa-east-1' });
  });

  it('`all` opens a view in every region; a global view says it needs none', () => {
    expect(parse('ec2 all')).toEqual({ type: 'resource', view: 'ec2.instances', region: 'all' });
    expect(parse('s3 all')).toMatchObject({ type: 'invalid', message: expect.stringMatching(/same from every region/) });
  });

  it('says "not a region" for a view word followed by something else', () => {
    expect(parse('sg nowhere')).toEqual({ type: 'invalid', message: 'not a region: "nowhere"' });
  });
});

describe('parseCommand: views that need what a parent row gives', () => {
  it('take it as words after the view (a bucket, a log group and stream), and say what is missing', () => {
    expect(parse('objects my-bucket')).toEqual({ type: 'resource', view: 's3.objects', scope: { Bucket: 'my-bucket' } });
    expect(parse('log-events /aws/lambda/f 2026/12/01/[$LATEST]abc')).toEqual({
      type: 'resource', view: 'logs.events', scope: { logGroupName: '/aws/lambda/f', logStreamName: '2026/12/01/[$LATEST]abc' },
    });
    expect(parse('stack-events web')).toMatchObject({ scope: { StackName: 'web' } });
    expect(parse('objects')).toEqual({ type: 'invalid', message: 'S3 objects need Bucket: :objects BUCKET, or Enter on a row that lists them' });
    expect(parse('log-events only-a-group')).toMatchObject({ type: 'invalid', message: expect.stringContaining('need logGroupName and logStreamName') });
    // Views that list without a parent are unchanged.
    expect(parse('subnets')).toEqual({ type: 'resource', view: 'ec2.subnets', region: undefined });
  });
});

describe('parseCommand: operations', () => {
  it('runs a read operation with its arguments, split as a shell would', () => {
    expect(parse('ec2 describe-vpcs --filters Name=x,Values=y')).toEqual({
      type: 'operation', service: 'ec2', operation: 'describe-vpcs', args: ['--filters', 'Name=x,Values=y'],
    });
    expect(parse(`ec2 describe-instances --filters "Name=tag:Name,Values=my web" 'Name=instance-state-name,Values=running'`)).toEqual({
      type: 'operation', service: 'ec2', operation: 'describe-instances',
      args: ['--filters', 'Name=tag:Name,Values=my web', 'Name=instance-state-name,Values=running'],
    });
    expect(parse('sts get-caller-identity')).toEqual({ type: 'operation', service: 'sts', operation: 'get-caller-identity', args: [] });
    expect(parse('s3api list-objects-v2 --bucket b')).toMatchObject({ type: 'operation', service: 's3api', operation: 'list-objects-v2' });
  });

  it('refuses an operation that changes something', () => {
    for (const text of ['ec2 run-instances --image-id ami-1', 'ec2 terminate-instances --instance-ids i-1', 's3api delete-bucket --bucket b', 'iam create-user --user-name x']) {
      const command = parse(text);
      expect(command.type).toBe('invalid');
      expect(command.type === 'invalid' && command.message).toMatch(/no read operation/);
    }
  });

  it('asks which operation for a bare service, and reports a bad quote', () => {
    expect(parse('sts')).toEqual({ type: 'invalid', message: 'sts: which operation? (Tab lists them)' });
    expect(parse('ec2 describe-vpcs --filters "Name=x')).toEqual({ type: 'invalid', message: 'unclosed " quote' });
  });

  it('names the unknown word and lists what there is', () => {
    const command = parse('frobnicate now');
    expect(command.type).toBe('invalid');
    if (command.type === 'invalid') {
      expect(command.message).toMatch(/^unknown command "frobnicate"/);
      for (const word of ['profiles', 'region', 'ec2', 'sg', 's3']) expect(command.message).toContain(word);
    }
  });

  it('still knows the dashboard commands', () => {
    expect(parse('region eu-west-1')).toEqual({ type: 'region', name: 'eu-west-1' });
    expect(parse('region mars')).toEqual({ type: 'invalid', message: 'not a region: "mars"' });
    expect(parse('profile dev-admin')).toEqual({ type: 'profile', name: 'dev-admin' });
    expect(parse('quit')).toEqual({ type: 'quit' });
  });
});

describe('commandCandidates', () => {
  it('completes ec to the view and service words starting with it, each once', () => {
    const hits = typedAhead('ec');
    expect(hits).toEqual(expect.arrayContaining(['ec2 ', 'ec2-instances ', 'ecs ', 'ecr ']));
    expect(hits.every((h) => h.startsWith('ec'))).toBe(true);
    expect(new Set(hits).size).toBe(hits.length);
    expect(completeFrom(commandCandidates(known, 'ec'))('ec')).toBe('ec');
    expect(completeFrom(commandCandidates(known, 'ec2-ins'))('ec2-ins')).toBe('ec2-instance');
    // One hit that ends in a space is completed once, so what is typed next is the next word.
    expect(completeFrom(commandCandidates(known, 'securityg'))('securityg')).toBe('securitygroups ');
    expect(typedAhead('securitygroups eu-')).toEqual(['securitygroups eu-west-1', 'securitygroups eu-central-1']);
  });

  it('completes a service word to its read operations only', () => {
    const hits = typedAhead('ec2 describe-v');
    expect(hits).toEqual(expect.arrayContaining(['ec2 describe-vpcs ', 'ec2 describe-volumes ', 'ec2 describe-vpc-endpoints ']));
    expect(hits.every((h) => h.startsWith('ec2 describe-v'))).toBe(true);
    const all = commandCandidates(known, 'ec2 ');
    expect(all).toContain('ec2 describe-instances ');
    expect(all).not.toContain('ec2 run-instances ');
    expect(all).not.toContain('ec2 create-vpc ');
    // A view word is followed by regions too.
    expect(all).toContain('ec2 eu-west-1');
    expect(completeFrom(all)('ec2 describe-vpcs')).toBe('ec2 describe-vpcs ');
  });

  it('completes region names after region', () => {
    expect(typedAhead('region eu-')).toEqual(['region eu-west-1', 'region eu-central-1']);
    expect(completeFrom(commandCandidates(known, 'region eu-w'))('region eu-w')).toBe('region eu-west-1 ');
  });

  it('offers no service names before a word is typed', () => {
    const words = commandCandidates(known, '');
    expect(words).toContain('ec2 ');
    expect(words).not.toContain('ecs ');
  });
});
