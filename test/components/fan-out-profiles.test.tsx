// Profiles picked with space on the home, then a view from the palette, with the fake engine: the
// view lists across them with Profile and Account columns (accounts from the identities the home
// already checked), a profile that needs MFA is one line above the table, `all` composes
// (profiles × regions), and a row's detail, console page and actions go to its own profile and region.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ResponseData } from '../../src/app/engine-port.js';
import { fakeEngine, profile, type FakeEngine } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const size = { columns: 140, rows: 40 };
const instances = (...list: Array<[string, string]>): ResponseData => ({
  Reservations: [{ Instances: list.map(([id, name]) => ({ InstanceId: id, State: { Name: 'running' }, InstanceType: 't3.micro', Tags: [{ Key: 'Name', Value: name }] })) }],
});

function threeProfiles(): FakeEngine {
  const engine = fakeEngine([
    profile('dev', { isDefault: true, kind: 'sso' }),
    profile('locked', { kind: 'assume-role', mfaSerial: 'arn:aws:iam::1:mfa/me', sourceProfile: 'dev' }),
    profile('prod', { kind: 'sso' }),
    profile('unused'),
  ]);
  engine.identities.set('dev', { account: '111111111111', arn: 'arn:aws:sts::111111111111:assumed-role/Admin/me', userId: 'A:me' });
  engine.identities.set('prod', { account: '222222222222', arn: 'arn:aws:sts::222222222222:assumed-role/Admin/me', userId: 'A:me' });
  engine.pages.set('ec2.DescribeInstances@dev/*', [instances(['i-dev1', 'dev-web'])]);
  engine.pages.set('ec2.DescribeInstances@prod/*', [instances(['i-prod1', 'prod-web'], ['i-prod2', 'prod-db'])]);
  engine.pages.set('ec2.DescribeInstances@unused/*', [new Error('must never be asked')]);
  engine.pages.set('ec2.StopInstances#DryRun', [Object.assign(new Error('Request would have succeeded, but DryRun flag is set.'), { code: 'DryRunOperation' })]);
  engine.pages.set('ec2.StopInstances', [{}]);
  return engine;
}

/** Picks dev, locked and prod on the home (space moves down, so `unused` stays unpicked). */
async function pickThree(engine: FakeEngine) {
  const ui = await renderDashboard(engine, { size });
  await ui.waitFor((f) => /prod\s+SSO\s+valid/.test(f) && f.includes('needs MFA'));
  await ui.press('g', ' ', ' ', ' ');
  const frame = await ui.waitFor('3 picked: dev, locked, prod');
  expect(frame).toMatch(/^\+dev\s+SSO/m);
  expect(frame).toMatch(/^\+prod\s+SSO/m);
  expect(frame).toMatch(/^ unused\s+static keys/m);
  return ui;
}

async function openView(ui: Awaited<ReturnType<typeof renderDashboard>>, command: string) {
  await ui.press(':', command);
  await ui.waitFor(`:${command}`);
  await ui.press(keys.enter);
}

const tableRows = (frame: string) => frame.split('\n').filter((l) => /^(dev|prod)\s+\d{12}\s/.test(l)).map((l) => l.split(/\s+/).slice(0, 4).join(' '));

describe('views across the profiles picked on the home', () => {
  it('lists each profile\'s rows with its account; a profile needing MFA is one line; d, o and S go to the row\'s profile', async () => {
    const engine = threeProfiles();
    const ui = await pickThree(engine);
    const identifyCalls = engine.identifyCalls.length;
    await openView(ui, 'ec2');
    const frame = await ui.waitFor(/EC2 instances\s+3 rows · 2 pages in 3 profiles/);
    expect(frame).toMatch(/3 profiles › us-east-1 › EC2 instances/);
    expect(frame).toMatch(/^Profile\s+Account\s+Instance\s+Name\s+State/m);
    expect(frame).toMatch(/^locked: needs MFA \(MFA for arn:aws:iam::1:mfa\/me\)$/m);
    expect(tableRows(frame)).toEqual(['dev 111111111111 i-dev1 dev-web', 'prod 222222222222 i-prod1 prod-web', 'prod 222222222222 i-prod2 prod-db']);
    // Accounts came from the identities the home had checked: no new GetCallerIdentity for dev and
    // prod; only the failing profile is asked again (in the background: no prompt).
    expect(engine.identifyCalls.slice(identifyCalls)).toEqual(['locked']);
    expect(engine.calls.filter((c) => c.operation === 'DescribeInstances').map((c) => c.profile).sort()).toEqual(['dev', 'prod']);

    // The second prod row: its console page is signed in as prod.
    await ui.press('j', 'j', 'o');
    await ui.waitFor('Opened in the browser');
    expect(engine.consoleSignIns).toEqual([{ profile: 'prod', region: 'us-east-1', destination: expect.stringContaining('instanceId=i-prod2') }]);
    await ui.press(keys.enter);

    // Stop goes to prod, and says so in the confirmation.
    await ui.waitFor((f) => !f.includes('Opened in the browser'));
    await ui.press('S');
    await ui.waitFor('y go ahead');
    expect(ui.frame()).toMatch(/Stop instance i-prod2 \(prod, us-east-1\)/);
    await ui.press('y');
    await ui.waitFor(() => engine.calls.filter((c) => c.operation === 'StopInstances').length === 2);
    expect(engine.calls.filter((c) => c.operation === 'StopInstances').map((c) => [c.profile, c.params.InstanceIds])).toEqual([['prod', ['i-prod2']], ['prod', ['i-prod2']]]);
    expect(engine.audit.map((a) => a.profile)).toEqual(['prod']);

    // Rows of two profiles picked together: refused, nothing sent.
    await ui.waitFor(/EC2 instances\s+3 rows/);
    await ui.press('g', ' ', ' ', 'S');
    await ui.waitFor('an action works on the rows of one profile at a time');
    expect(engine.calls.filter((c) => c.operation === 'StopInstances')).toHaveLength(2);
  });

  it('composes with all: every profile × every region of its partition, failures named by profile and region', async () => {
    const engine = threeProfiles();
    engine.pages.set('ec2.DescribeRegions', [{ Regions: ['eu-west-1', 'us-east-1'].map((RegionName) => ({ RegionName })) }]);
    engine.pages.set('ec2.DescribeInstances@dev/eu-west-1', [instances(['i-dev-eu', 'dev-eu'])]);
    engine.pages.set('ec2.DescribeInstances@prod/eu-west-1', [Object.assign(new Error('You are not authorized to perform this operation.'), { code: 'UnauthorizedOperation' })]);
    const ui = await pickThree(engine);
    await openView(ui, 'ec2 all');
    const frame = await ui.waitFor(/EC2 instances\s+4 rows · 3 pages in 3 profiles/);
    expect(frame).toMatch(/^Profile\s+Account\s+Region\s+Instance\s+Name/m);
    expect(tableRows(frame)).toEqual([
      'dev 111111111111 eu-west-1 i-dev-eu', 'dev 111111111111 us-east-1 i-dev1',
      'prod 222222222222 us-east-1 i-prod1', 'prod 222222222222 us-east-1 i-prod2',
    ]);
    expect(frame).toMatch(/^locked: needs MFA/m);
    expect(frame).toMatch(/^prod: eu-west-1: You are not authorized to perform this operation\.$/m);
    // The first row (dev, eu-west-1): its detail, then its console page, as dev in eu-west-1.
    await ui.press('d');
    await ui.waitFor(/i-dev-eu\s+YAML/);
    await ui.press('o');
    await ui.waitFor('Opened in the browser');
    expect(engine.consoleSignIns).toEqual([{ profile: 'dev', region: 'eu-west-1', destination: expect.stringContaining('eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-dev-eu') }]);
  });

  it('a picked profile marked read-only refuses actions on its rows, whatever the session profile allows', async () => {
    const engine = threeProfiles();
    engine.profiles = engine.profiles.map((p) => (p.name === 'prod' ? { ...p, keys: [{ key: 'awsdeck_read_only', value: 'true' }] } : p));
    const ui = await pickThree(engine);
    await openView(ui, 'ec2');
    await ui.waitFor(/EC2 instances\s+3 rows/);
    await ui.press('j', 'S');
    await ui.waitFor('Profile prod is read-only (awsdeck_read_only = true): nothing was sent.');
    expect(engine.calls.filter((c) => c.operation === 'StopInstances')).toEqual([]);
    // dev's row still can (the DryRun goes out).
    await ui.press(keys.enter);
    await ui.waitFor((f) => !f.includes('is read-only'));
    await ui.press('g', 'S');
    await ui.waitFor('y go ahead');
    expect(ui.frame()).toMatch(/Stop instance i-dev1 \(dev, us-east-1\)/);
  });

  it('space unpicks; with nothing picked a view is the session profile\'s alone', async () => {
    const engine = threeProfiles();
    const ui = await pickThree(engine);
    await ui.press('g', ' ', ' ', ' ');
    await ui.waitFor((f) => !f.includes('picked:'));
    await openView(ui, 'ec2');
    const frame = await ui.waitFor(/EC2 instances\s+1 row/);
    expect(frame).not.toMatch(/^Profile\s+Account/m);
    expect(frame).toMatch(/dev › us-east-1 › EC2 instances/);
  });
});
