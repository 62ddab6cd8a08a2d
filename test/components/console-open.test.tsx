// `o` in the dashboard with the fake engine: the console page of the selected row (or of a detail)
// goes to the engine's sign-in for that row's profile and region, then to the browser; the sign-in
// URL never shows on screen unless there is no browser, and then it is also copied.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakeEngine, profile, type FakeEngine } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const size = { columns: 150, rows: 30 };
const instanceUrl = 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0abc';

function engineFor(kind: 'sso' | 'static'): FakeEngine {
  const engine = fakeEngine([profile('work', { isDefault: true, kind, region: 'eu-west-1' })]);
  engine.pages.set('ec2.DescribeInstances', [{ Reservations: [{ Instances: [{ InstanceId: 'i-0abc', State: { Name: 'running' }, Tags: [{ Key: 'Name', Value: 'web' }] }] }] }]);
  return engine;
}

async function openInstances(engine: FakeEngine, browser?: { opened: boolean; reason?: string }) {
  const ui = await renderDashboard(engine, { size, browser });
  await ui.waitFor('valid');
  await ui.press(':', 'ec2');
  await ui.waitFor(':ec2');
  await ui.press(keys.enter);
  await ui.waitFor(/EC2 instances\s+1 row/);
  return ui;
}

describe('o: open in the AWS console', () => {
  it('signs in as the row\'s profile in its region and hands only the browser the sign-in URL', async () => {
    const engine = engineFor('sso');
    const ui = await openInstances(engine);
    // `?` lists the key (scrolled down to it).
    await ui.press('?');
    await ui.waitFor('help: every key');
    const listed = /│ o\s+open in the AWS console \(signed in as the row's profile\)/;
    for (let i = 0; i < 40 && !listed.test(ui.frame()); i++) await ui.press('j');
    expect(ui.frame()).toMatch(listed);
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('open in the AWS console'));
    await ui.press('o');
    const frame = await ui.waitFor('Opened in the browser');
    expect(engine.consoleSignIns).toEqual([{ profile: 'work', region: 'eu-west-1', destination: instanceUrl }]);
    expect(ui.opened).toEqual([`http://127.0.0.1:9/federation?Action=login&SigninToken=SECRET-TOKEN-work&Destination=${encodeURIComponent(instanceUrl)}`]);
    expect(frame).toContain('Signed in as arn:aws:iam::111122223333:user/work (profile work).');
    expect(frame).toContain('InstanceDetails:instanceId=i-0abc');
    expect(frame).not.toContain('SECRET-TOKEN');
    expect(ui.copied).toEqual([]);
  });

  it('opens the page itself for long-term keys and says why it is not signed in', async () => {
    const engine = engineFor('static');
    const ui = await openInstances(engine);
    await ui.press('o');
    const frame = await ui.waitFor('Opened in the browser');
    expect(ui.opened).toEqual([instanceUrl]);
    expect(frame).toContain('long-term keys: federation needs temporary credentials');
  });

  it('with no browser shows the sign-in URL on purpose and copies it', async () => {
    const engine = engineFor('sso');
    const ui = await openInstances(engine, { opened: false, reason: 'there is no display' });
    await ui.press('o');
    const frame = await ui.waitFor('No browser (there is no display): the URL is on the clipboard (OSC 52)');
    expect(ui.copied).toEqual(ui.opened);
    expect(ui.copied[0]).toContain('SigninToken=SECRET-TOKEN-work');
    expect(frame).toContain('SECRET-TOKEN-work');
    expect(frame).toContain('treat it as a password');
  });

  it('works from a row\'s detail too', async () => {
    const engine = engineFor('sso');
    const ui = await openInstances(engine);
    await ui.press('d');
    await ui.waitFor('(o opens, U copies)');
    await ui.press('o');
    await ui.waitFor('Opened in the browser');
    expect(engine.consoleSignIns).toEqual([{ profile: 'work', region: 'eu-west-1', destination: instanceUrl }]);
  });

  it('says when the sign-in fails, without opening anything', async () => {
    const engine = engineFor('sso');
    engine.consoleSignIn = async () => { throw new Error('The federation endpoint refused the credentials (HTTP 400): The session credentials have expired'); };
    const ui = await openInstances(engine);
    await ui.press('o');
    await ui.waitFor('Cannot open the console');
    expect(ui.frame()).toContain('The session credentials have expired');
    expect(ui.opened).toEqual([]);
  });
});
