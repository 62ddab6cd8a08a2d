// EC2 row actions against moto over real HTTP with signature checking on: the real dashboard model
// and engine adapter, a profile per IAM user. An operator whose policy denies ec2:StopInstances has
// the DryRun refused before anything is asked or changed; starting, rebooting and terminating go
// through DryRun, the confirmation and the call; boto3 (an independent client) reads the states;
// the audit log holds one line per call made.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewById } from '../../services/index.js';
import { ActionProblem, runRowAction } from '../../src/app/browse/row-actions.js';
import { createDashboard, type Dashboard } from '../../src/app/dashboard-model.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { readAudit } from '../../src/engine/audit-log.js';
import { startMoto, type MotoServer } from '../support/moto.js';

const seed = `
import boto3, json, sys
endpoint, key, secret = sys.argv[1:4]
kw = dict(endpoint_url=endpoint, region_name='us-east-1', aws_access_key_id=key, aws_secret_access_key=secret)
iam, ec2 = boto3.client('iam', **kw), boto3.client('ec2', **kw)
iam.create_user(UserName='operator')
doc = {'Version': '2012-10-17', 'Statement': [
  {'Effect': 'Allow', 'Action': ['ec2:*', 'sts:*'], 'Resource': '*'},
  {'Effect': 'Deny', 'Action': 'ec2:StopInstances', 'Resource': '*'}]}
iam.put_user_policy(UserName='operator', PolicyName='no-stop', PolicyDocument=json.dumps(doc))
op = iam.create_access_key(UserName='operator')['AccessKey']
ids = [i['InstanceId'] for i in ec2.run_instances(ImageId='ami-12c6146b', MinCount=3, MaxCount=3, InstanceType='t3.micro')['Instances']]
ec2.stop_instances(InstanceIds=[ids[2]])
print(json.dumps({'operator': [op['AccessKeyId'], op['SecretAccessKey']], 'ids': ids}))
`;
const states = `
import boto3, json, sys
ec2 = boto3.client('ec2', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
print(json.dumps({i['InstanceId']: i['State']['Name'] for r in ec2.describe_instances()['Reservations'] for i in r['Instances']}))
`;
const python = (script: string, ...args: string[]) => promisify(execFile)('python3', ['-c', script, ...args], {
  encoding: 'utf8', env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' },
}).then(({ stdout }) => JSON.parse(stdout) as unknown);

let moto: MotoServer;
let ids: string[];
let env: NodeJS.ProcessEnv;
let dashboard: Dashboard;
const instances = viewById('ec2.instances')!;
const action = (command: string) => instances.actions!.find((a) => a.command === command)!;
const botoStates = async () => python(states, moto.endpoint, moto.accessKeyId, moto.secretAccessKey) as Promise<Record<string, string>>;

/** Confirms every action prompt as a person would: typed text where it is asked for, else y. */
let stopAnswering: (() => void) | undefined;
function answerPrompts(d: Dashboard, asked: string[]) {
  stopAnswering?.();
  stopAnswering = d.prompts.subscribe(() => {
    const open = d.prompts.get().open;
    if (open?.kind === 'action') {
      asked.push(open.title);
      setTimeout(() => d.prompts.submit('yes'), 0);
    }
  });
}

async function itemsFor(profile: string, wanted: string[]): Promise<Array<Record<string, unknown>>> {
  const caller = dashboard.engine.service(profile, 'us-east-1', 'ec2', { mfaCode: async () => '', onDeviceCode: () => undefined });
  const page = await caller.call('DescribeInstances', { InstanceIds: wanted });
  return (page.Reservations as Array<{ Instances: Array<Record<string, unknown>> }>).flatMap((r) => r.Instances);
}

beforeAll(async () => {
  moto = await startMoto();
  const seeded = await python(seed, moto.endpoint, moto.accessKeyId, moto.secretAccessKey) as { operator: [string, string]; ids: string[] };
  ids = seeded.ids;
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-actions-moto-'));
  mkdirSync(join(home, '.aws'));
  env = {
    HOME: home, XDG_STATE_HOME: join(home, 'state'), AWS_CONFIG_FILE: join(home, '.aws/config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws/credentials'), AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1',
  };
  writeFileSync(env.AWS_CONFIG_FILE!, `[profile admin]\nregion = us-east-1\nendpoint_url = ${moto.endpoint}\n\n[profile operator]\nregion = us-east-1\nendpoint_url = ${moto.endpoint}\n`);
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, `[admin]\naws_access_key_id = ${moto.accessKeyId}\naws_secret_access_key = ${moto.secretAccessKey}\n\n`
    + `[operator]\naws_access_key_id = ${seeded.operator[0]}\naws_secret_access_key = ${seeded.operator[1]}\n`);
  dashboard = createDashboard(createEngineAdapter(env), { env, profile: 'admin', region: 'us-east-1' });
}, 120_000);

afterAll(async () => { await moto?.stop(); });

describe('EC2 actions against moto', () => {
  it('a policy that denies ec2:StopInstances refuses the DryRun: nothing is asked, nothing stops, nothing is logged', async () => {
    const asked: string[] = [];
    answerPrompts(dashboard, asked);
    const items = await itemsFor('operator', [ids[0]]);
    const refused = runRowAction(dashboard, { descriptor: instances, action: action('stop'), items, scope: {}, profile: 'operator', region: 'us-east-1' });
    await expect(refused).rejects.toBeInstanceOf(ActionProblem);
    await expect(refused).rejects.toThrow(/DryRun was refused, nothing was changed.*not authorized to perform: ec2:StopInstances/s);
    expect(asked).toEqual([]);
    expect((await botoStates())[ids[0]]).toBe('running');
    expect(readAudit(env)).toEqual([]);
  });

  it('the operator may reboot; start applies only to the stopped instance; terminate ends it: each confirmed, called and logged', async () => {
    const asked: string[] = [];
    answerPrompts(dashboard, asked);
    const all = await itemsFor('operator', ids);
    const run = (command: string) => runRowAction(dashboard, { descriptor: instances, action: action(command), items: all, scope: {}, profile: 'operator', region: 'us-east-1' });

    const started = await run('start');
    expect(started.acted.map((i) => i.InstanceId)).toEqual([ids[2]]);
    expect(started.skipped.map((i) => i.InstanceId)).toEqual([ids[0], ids[1]]);
    expect(['pending', 'running']).toContain((await botoStates())[ids[2]]);

    const rebooted = await run('reboot');
    expect(rebooted.acted.map((i) => i.InstanceId)).toEqual([ids[0], ids[1]]);

    const ended = await runRowAction(dashboard, { descriptor: instances, action: action('terminate'), items: [all[1]], scope: {}, profile: 'operator', region: 'us-east-1' });
    expect(ended.acted.map((i) => i.InstanceId)).toEqual([ids[1]]);
    expect(['shutting-down', 'terminated']).toContain((await botoStates())[ids[1]]);

    expect(asked).toEqual([`Start instance ${ids[2]} (operator, us-east-1)`, 'Reboot instance ×2 (operator, us-east-1)', `Terminate instance ${ids[1]} (operator, us-east-1)`]);
    const log = readAudit(env);
    expect(log.map((e) => [e.operation, e.resources, e.outcome, e.profile, e.region])).toEqual([
      ['ec2:StartInstances', [ids[2]], 'ok', 'operator', 'us-east-1'],
      ['ec2:RebootInstances', [ids[0], ids[1]], 'ok', 'operator', 'us-east-1'],
      ['ec2:TerminateInstances', [ids[1]], 'ok', 'operator', 'us-east-1'],
    ]);
    for (const entry of log) expect(entry.requestId).toMatch(/\S/);
  });
});
