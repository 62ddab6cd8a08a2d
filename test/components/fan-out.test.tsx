// `:<view> all` through the dashboard with the fake engine: DescribeRegions in the session's region
// (the partition's regions only), one listing per region with a Region column in region order, a
// failed region as a line above the table while the others show, and a row's detail and actions
// in that row's own region.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ResponseData } from '../../src/app/engine-port.js';
import { fakeEngine, profile } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const size = { columns: 120, rows: 40 };
const instances = (...list: Array<[string, string, string]>): ResponseData => ({
  Reservations: [{ Instances: list.map(([id, name, state]) => ({ InstanceId: id, State: { Name: state }, InstanceType: 't3.micro', Tags: [{ Key: 'Name', Value: name }] })) }],
});
const denied = Object.assign(new Error('You are not authorized to perform this operation.'), { code: 'UnauthorizedOperation' });

describe(':ec2 all', () => {
  it('lists every region of the partition with a Region column; a failed region is one line; d and actions use the row\'s region', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('ec2.DescribeRegions', [{ Regions: ['eu-west-1', 'us-east-1', 'cn-north-1', 'ap-south-2'].map((RegionName) => ({ RegionName })) }]);
    engine.pages.set('ec2.DescribeInstances@eu-west-1', [instances(['i-eu1', 'eu-web', 'running'])]);
    engine.pages.set('ec2.DescribeInstances@us-east-1', [instances(['i-us1', 'us-web', 'running'], ['i-us2', 'us-db', 'stopped'])]);
    engine.pages.set('ec2.DescribeInstances@ap-south-2', [denied]);
    engine.pages.set('ec2.StopInstances#DryRun', [Object.assign(new Error('Request would have succeeded, but DryRun flag is set.'), { code: 'DryRunOperation' })]);
    engine.pages.set('ec2.StopInstances', [{}]);
    const ui = await renderDashboard(engine, { size });
    await ui.waitFor('valid');
    await ui.press(':', 'ec2 all');
    await ui.waitFor(':ec2 all');
    await ui.press(keys.enter);
    const frame = await ui.waitFor(/EC2 instances\s+3 rows · 2 pages in 3 regions/);
    expect(frame).toMatch(/default › all › EC2 instances/);
    expect(frame).toMatch(/^ap-south-2: You are not authorized to perform this operation\.$/m);
    expect(frame).toMatch(/^Region\s+Instance\s+Name\s+State/m);
    const rows = frame.split('\n').filter((l) => /^(eu|us|ap|cn)-/.test(l) && /i-/.test(l)).map((l) => l.split(/\s+/).slice(0, 2).join(' '));
    expect(rows).toEqual(['eu-west-1 i-eu1', 'us-east-1 i-us1', 'us-east-1 i-us2']);
    // cn-north-1 is another partition: never asked.
    const asked = engine.calls.filter((c) => c.operation === 'DescribeInstances').map((c) => c.region).sort();
    expect(asked).toEqual(['ap-south-2', 'eu-west-1', 'us-east-1']);
    expect(engine.calls.find((c) => c.operation === 'DescribeRegions')?.region).toBe('us-east-1');

    // The eu-west-1 row's stop goes to eu-west-1.
    await ui.press('S');
    await ui.waitFor('y go ahead');
    expect(ui.frame()).toMatch(/Stop instance i-eu1 \(default, eu-west-1\)/);
    await ui.press('y');
    await ui.waitFor(() => engine.calls.filter((c) => c.operation === 'StopInstances').length === 2);
    expect(engine.calls.filter((c) => c.operation === 'StopInstances').map((c) => c.region)).toEqual(['eu-west-1', 'eu-west-1']);

    // Rows of two regions picked together: refused, nothing sent.
    await ui.waitFor(/EC2 instances\s+3 rows/);
    await ui.press('g', ' ', ' ', 'S');
    await ui.waitFor('an action works on the rows of one region at a time');
    expect(engine.calls.filter((c) => c.operation === 'StopInstances')).toHaveLength(2);
  });

  it(':audit shows every instance and unattached volume of every region, a failed region as a row', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('ec2.DescribeRegions', [{ Regions: ['eu-west-1', 'us-east-1', 'ap-south-2'].map((RegionName) => ({ RegionName })) }]);
    engine.pages.set('ec2.DescribeInstances@eu-west-1', [instances(['i-eu1', 'eu-web', 'running'])]);
    engine.pages.set('ec2.DescribeInstances@us-east-1', [instances(['i-us2', 'us-db', 'stopped'])]);
    engine.pages.set('ec2.DescribeVolumes@us-east-1', [{ Volumes: [{ VolumeId: 'vol-9', Size: 8, CreateTime: '2024-01-01T00:00:00+00:00' }] }]);
    engine.pages.set('ec2.DescribeInstances@ap-south-2', [denied]);
    const ui = await renderDashboard(engine, { size });
    await ui.waitFor('valid');
    await ui.press(':', 'audit');
    await ui.waitFor(':audit');
    await ui.press(keys.enter);
    const frame = await ui.waitFor(/Audit: instances and unattached volumes, every region\s+4 rows/);
    expect(frame).toMatch(/^eu-west-1\s+EC2\s+i-eu1\s+running\s+Type:t3\.micro/m);
    expect(frame).toMatch(/^us-east-1\s+EC2\s+i-us2\s+stopped\s+Type:t3\.micro/m);
    expect(frame).toMatch(/^us-east-1\s+EBS\s+vol-9\s+unattached\s+Size:8GB_Created:2024-01-01T00:00:00\+00:00/m);
    expect(frame).toMatch(/^ap-south-2\s+-\s+-\s+failed\s+You are not authorized/m);
    expect(engine.calls.filter((c) => c.operation === 'DescribeVolumes').map((c) => c.params)).toContainEqual({ Filters: [{ Name: 'status', Values: ['available'] }] });
  });

  it(':s3 all says buckets need no region', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    const ui = await renderDashboard(engine, { size });
    await ui.waitFor('valid');
    await ui.press(':', 's3 all');
    await ui.waitFor(':s3 all');
    await ui.press(keys.enter);
    await ui.waitFor('are the same from every region');
  });
});
