// Where the dashboard starts: `--profile`/`--region` on the command line, and what happens when the
// profile named there does not exist.
import { describe, expect, it } from 'vitest';
import { parseDashboardArgs } from '../../src/cli/main.js';
import { createDashboard } from '../../src/app/dashboard-model.js';
import { fakeEngine, profile } from '../components/fake-engine.js';

describe('dashboard start arguments', () => {
  it('opens the dashboard for --demo, --profile and --region only', () => {
    expect(parseDashboardArgs([])).toEqual({ demo: false });
    expect(parseDashboardArgs(['--demo'])).toEqual({ demo: true });
    expect(parseDashboardArgs(['--profile', 'dev', '--region', 'eu-west-1'])).toEqual({ demo: false, profile: 'dev', region: 'eu-west-1' });
    expect(parseDashboardArgs(['--profile', 'dev', 'ec2', 'describe-instances'])).toBeUndefined();
    expect(parseDashboardArgs(['--profile'])).toBeUndefined();
    expect(parseDashboardArgs(['sts', 'get-caller-identity'])).toBeUndefined();
  });

  it('starts on the given profile and region, else the profile region', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true }), profile('dev', { region: 'eu-west-2' })]);
    const given = createDashboard(engine, { env: {}, profile: 'dev', region: 'sa-east-1' });
    await given.load();
    expect(given.session.get()).toMatchObject({ profile: 'dev', region: 'sa-east-1' });
    const fromProfile = createDashboard(engine, { env: { AWS_PROFILE: 'dev' } });
    await fromProfile.load();
    expect(fromProfile.session.get()).toMatchObject({ profile: 'dev', region: 'eu-west-2' });
  });

  it('falls back to the default profile and says so when --profile names none', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    const dashboard = createDashboard(engine, { env: {}, profile: 'nope' });
    await dashboard.load();
    expect(dashboard.session.get().profile).toBe('default');
    expect(dashboard.errors.get().errors.map((e) => e.message).join('\n')).toContain('The config profile (nope) could not be found');
  });
});
