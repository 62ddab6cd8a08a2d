// Views across picked profiles in `awsdeck --demo` in a real terminal (tmux, CI=false, the bundle):
// three demo profiles picked with space on the home, then `:ec2`: the default profile's instances
// with Profile and Account columns, and the role that needs MFA and the SSO profile never signed in
// as one line each above the table, without a prompt. HOME and TMPDIR are fresh folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundle, startInTmux, type TmuxApp } from '../support/tmux-app.js';

let app: TmuxApp | undefined;
afterEach(() => { app?.kill(); app = undefined; });

describe('views across picked profiles in awsdeck --demo', () => {
  it('space picks default, prod-breakglass and dev-admin; :ec2 lists default\'s instances and one line for each of the others', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'awsdeck-fan-out-profiles-'));
    const home = mkdtempSync(join(tmp, 'home-'));
    app = startInTmux('fan-out-profiles', `node ${bundle} --demo`, { CI: 'false', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, AWS_EC2_METADATA_DISABLED: 'true' }, { width: 140, height: 36 });
    await app.waitForPane((t) => /default\s+static keys\s+valid/.test(t) && /prod-breakglass\s+role\+MFA\s+needs MFA/.test(t), 'the demo home');
    // Each profile alone under the filter, picked with space.
    for (const name of ['default', 'prod-breakglass', 'dev-admin']) {
      app.press('/');
      app.type(name);
      app.press('Enter');
      await app.waitForPane((t) => t.includes(`/${name} (1 of`), `${name} alone`);
      app.press('Space');
      await app.waitForPane((t) => new RegExp(`^\\+${name}\\s`, 'm').test(t), `${name} picked`);
      app.press('Escape');
      await app.waitForPane((t) => !t.includes(`/${name} (`), 'the filter cleared');
    }
    await app.waitForPane((t) => t.includes('3 picked: default, prod-breakglass, dev-admin'), 'three picked');

    app.palette('ec2');
    const view = await app.waitForPane((t) => /EC2 instances\s+\d+ rows · 1 page in 3 profiles/.test(t), 'the view across profiles');
    expect(view).toMatch(/3 profiles › us-east-1 › EC2 instances/);
    expect(view).toMatch(/^Profile\s+Account\s+Instance\s+Name\s+State/m);
    expect(view).toMatch(/^default\s+111111111111\s+i-[0-9a-f]+\s+dev-web-1\s+running/m);
    expect(view).toMatch(/^prod-breakglass: needs MFA \(MFA for arn:aws:iam::111111111111:mfa\/demo-user\)/m);
    expect(view).toMatch(/^dev-admin: needs login/m);
    // Nothing asked for: no MFA or SSO modal.
    expect(view).not.toMatch(/MFA code for|SSO login for/);
    app.press('q');
  }, 60_000);
});
