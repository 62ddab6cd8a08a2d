// The wizard's Ink components: answers validated as typed, a 5,000-account list that filters as
// you type, Enter to choose, Ctrl-C to cancel. Keys pressed, content awaited, no fixed delays.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { SsoWizard } from '../../components/sso/SsoWizard.js';
import { WizardController } from '../../src/app/sso/wizard-controller.js';
import { validateStartUrl, validateSsoRegion } from '../../src/app/sso/wizard-rules.js';
import { themeFor } from '../../src/app/theme.js';

const theme = themeFor({ NO_COLOR: '1' });

const turn = () => new Promise((r) => setImmediate(() => setTimeout(r, 0)));

function mount() {
  const controller = new WizardController();
  const app = render(<SsoWizard controller={controller} theme={theme} />);
  // Keys one at a time, a turn each: Ink's parser and React's commit both need one.
  const press = async (...keys: string[]) => {
    for (const key of keys) for (const ch of key.startsWith('\x1b') ? [key] : [...key]) { app.stdin.write(ch); await turn(); }
  };
  return { controller, app, press, frame: () => app.lastFrame() ?? '' };
}

describe('SsoWizard', () => {
  it('validates the start URL as it is typed and submits a valid one', async () => {
    const { controller, app, press, frame } = mount();
    const answer = controller.ask({ label: 'SSO start URL', current: null, validate: validateStartUrl });
    await expect.poll(frame).toContain('SSO start URL [None]:');
    await press('http://x');
    await expect.poll(frame).toContain('The start URL must use https');
    await press(...Array(8).fill('\x7f'));
    await press('https://d-123.awsapps.com/start');
    await expect.poll(frame).not.toContain('must use https');
    await press('\r');
    expect(await answer).toBe('https://d-123.awsapps.com/start');
    await expect.poll(frame).toContain('SSO start URL [None]: https://d-123.awsapps.com/start');
    app.unmount();
  });

  it('Enter keeps the bracketed value; an unknown region is refused', async () => {
    const { controller, app, press, frame } = mount();
    const region = controller.ask({ label: 'SSO region', current: 'us-east-1', validate: validateSsoRegion });
    await expect.poll(frame).toContain('SSO region [us-east-1]:');
    await press('\r');
    expect(await region).toBe('us-east-1');
    const other = controller.ask({ label: 'SSO region', current: null, validate: validateSsoRegion });
    await expect.poll(frame).toContain('SSO region [None]:');
    await press('mars-1');
    await expect.poll(frame).toContain('Unknown region "mars-1"');
    await press('\r');
    await expect.poll(frame).toContain('Unknown region "mars-1"');
    controller.cancel();
    await expect(other).rejects.toThrow('Cancelled');
    app.unmount();
  });

  it('filters 5,000 accounts as you type and chooses with Enter', async () => {
    const { controller, app, press, frame } = mount();
    const items = Array.from({ length: 5000 }, (_, i) => ({ label: `team-${i}, t${i}@example.com (${String(i).padStart(12, '0')})`, value: String(i).padStart(12, '0') }));
    const chosen = controller.choose({ title: 'Account:', items });
    await expect.poll(frame).toContain('1/5000');
    const started = performance.now();
    await press('team-4321');
    await expect.poll(frame).toContain('1/1 of 5000');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(frame()).toContain('> team-4321, t4321@example.com (000000004321)');
    await press('\r');
    expect(await chosen).toBe('000000004321');
    app.unmount();
  });

  it('moves with the arrows inside a filtered list', async () => {
    const { controller, app, press, frame } = mount();
    const chosen = controller.choose({ title: 'Role:', items: ['AdministratorAccess', 'ReadOnlyAccess', 'ReadWrite'].map((r) => ({ label: r, value: r })) });
    await expect.poll(frame).toContain('1/3');
    await press('read');
    await expect.poll(frame).toContain('1/2 of 3');
    await press('\x1b[B');
    await expect.poll(frame).toContain('> ReadWrite');
    await press('\r');
    expect(await chosen).toBe('ReadWrite');
    app.unmount();
  });

  it('Ctrl-C mid-wizard cancels the open prompt and says nothing was written', async () => {
    const { controller, app, press, frame } = mount();
    // Observed at once: the rejection lands while keys are still being pressed.
    const answer = controller.ask({ label: 'SSO session name (Recommended)' }).then(() => undefined, (e: Error) => e);
    await expect.poll(frame).toContain('SSO session name (Recommended):');
    await press('\x03');
    expect((await answer)?.message).toBe('Cancelled: the config file was not changed.');
    await expect.poll(frame).toContain('Cancelled: the config file was not changed.');
    app.unmount();
  });
});
