// `o` in `awsdeck --demo` in a real terminal (tmux, CI=false, the bundle): an SSO profile signs in
// (the modal's `a` approves it as the demo user), `o` on an instance hands $BROWSER, a script that
// records its argument, a federation sign-in URL on the demo's own sandbox; fetching that URL signs
// in as the SSO role. The sign-in token never shows on screen. HOME and TMPDIR are fresh folders.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundle, startInTmux, type TmuxApp } from '../support/tmux-app.js';

let app: TmuxApp | undefined;
afterEach(() => { app?.kill(); app = undefined; });

describe('o in awsdeck --demo', () => {
  it('opens the instance\'s console page through the sandbox\'s federation endpoint, signed in as the SSO role', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'awsdeck-console-open-'));
    const home = mkdtempSync(join(tmp, 'home-'));
    const recorded = join(tmp, 'browser-url');
    const browser = join(tmp, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > '${recorded}'\n`);
    chmodSync(browser, 0o755);
    app = startInTmux('console-open', `node ${bundle} --demo --profile dev-admin`, {
      CI: 'false', TERM: 'xterm-256color', HOME: home, TMPDIR: tmp, AWS_EC2_METADATA_DISABLED: 'true', BROWSER: browser,
    });
    await app.waitForPane((t) => /dev-admin\s+SSO\s+needs login/.test(t), 'the demo home');
    app.palette('ec2');
    await app.waitForPane((t) => t.includes('a approve as demo user'), 'the SSO sign-in the view asks for');
    app.press('a');
    await app.waitForPane((t) => /dev-web-1\s+running/.test(t), 'the instances of dev-admin');
    app.press('o');
    const shown = await app.waitForPane((t) => t.includes('Opened in the browser'), 'the browser opened');
    expect(shown).toMatch(/Signed in as arn:aws:sts::111111111111:assumed-role\/AWSReservedSSO_AdministratorAccess_\w+\/demo-user/);
    await app.waitForPane(() => existsSync(recorded) && readFileSync(recorded, 'utf8').length > 0, 'the URL the browser got');

    const url = new URL(readFileSync(recorded, 'utf8'));
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/federation');
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('Destination')).toMatch(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\/ec2\/home\?region=us-east-1#InstanceDetails:instanceId=i-[0-9a-f]+$/);
    const token = url.searchParams.get('SigninToken')!;
    expect(token.length).toBeGreaterThan(20);
    // The token is a secret: the browser got it, the screen did not.
    expect(app.pane()).not.toContain(token.slice(0, 16));

    const landed = await fetch(url);
    expect(landed.status).toBe(200);
    const page = await landed.text();
    expect(page).toMatch(/Signed in as <b id="identity">arn:aws:sts::111111111111:assumed-role\/AWSReservedSSO_AdministratorAccess_\w+\/demo-user<\/b>/);
    expect(page).toContain(url.searchParams.get('Destination')!);

    app.press('Enter');
    await app.waitForPane((t) => !t.includes('Opened in the browser'), 'the message closed');
    app.press('q');
  }, 60_000);
});
