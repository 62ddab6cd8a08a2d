// Opening a URL: $BROWSER runs as a program with the URL as one argument (never through a shell),
// a program that fails or is missing is reported, and an SSH session or a Linux box without a
// display opens nothing so the caller shows the URL instead.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBrowserOpener } from '../../src/app/open-browser.js';

const dir = mkdtempSync(join(tmpdir(), 'awsdeck-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recorder = join(dir, 'record.sh');
writeFileSync(recorder, '#!/bin/sh\nprintf "%s\\n" "$@" > "$0.url"\n');
chmodSync(recorder, 0o755);
const failing = join(dir, 'fail.sh');
writeFileSync(failing, '#!/bin/sh\nexit 3\n');
chmodSync(failing, 0o755);

// A URL a shell would act on: quotes, `;`, `$( )` and `&` must all reach the program as text.
const url = "http://127.0.0.1:9/federation?Action=login&Destination=x';touch%20pwned;$(touch pwned2)&SigninToken=t";

describe('createBrowserOpener', () => {
  it('runs $BROWSER with the URL as its one argument, even in an SSH session', async () => {
    const opening = await createBrowserOpener({ BROWSER: recorder, SSH_TTY: '/dev/pts/1' }, 'linux')(url);
    expect(opening).toEqual({ opened: true });
    expect(readFileSync(`${recorder}.url`, 'utf8')).toBe(`${url}\n`);
    expect(existsSync(join(process.cwd(), 'pwned2'))).toBe(false);
  });

  it('puts the URL where %s is in $BROWSER and takes the first of a colon-separated list', async () => {
    const opening = await createBrowserOpener({ BROWSER: `${recorder} --new-tab %s:/nonexistent/other` }, 'linux')('http://127.0.0.1/x');
    expect(opening.opened).toBe(true);
    expect(readFileSync(`${recorder}.url`, 'utf8')).toBe('--new-tab\nhttp://127.0.0.1/x\n');
  });

  it('keeps a quoted word of $BROWSER together, as a shell would split it', async () => {
    const spaced = join(dir, 'with space');
    mkdirSync(spaced, { recursive: true });
    copyFileSync(recorder, join(spaced, 'rec.sh'));
    chmodSync(join(spaced, 'rec.sh'), 0o755);
    expect(await createBrowserOpener({ BROWSER: `'${join(spaced, 'rec.sh')}' "--profile=a b"` }, 'linux')('http://127.0.0.1/y')).toEqual({ opened: true });
    expect(readFileSync(join(spaced, 'rec.sh.url'), 'utf8')).toBe('--profile=a b\nhttp://127.0.0.1/y\n');
  });

  it('reports a $BROWSER that fails or does not exist', async () => {
    expect(await createBrowserOpener({ BROWSER: failing }, 'linux')(url)).toEqual({ opened: false, reason: `$BROWSER (${failing}) exited with code 3` });
    expect(await createBrowserOpener({ BROWSER: '/nonexistent/browser' }, 'linux')(url)).toEqual({ opened: false, reason: '$BROWSER (/nonexistent/browser): ENOENT' });
  });

  it('opens nothing over SSH or on Linux without a display', async () => {
    expect(await createBrowserOpener({ SSH_CONNECTION: '10.0.0.1 22 10.0.0.2 5000', DISPLAY: ':0' }, 'linux')(url)).toEqual({ opened: false, reason: 'this is an SSH session' });
    expect(await createBrowserOpener({}, 'linux')(url)).toEqual({ opened: false, reason: 'there is no display' });
  });
});

describe('sso login\'s opener (src/cli/sso/browser.ts)', () => {
  it('uses the same opener: a URL from the server reaches $BROWSER as data, %s included', async () => {
    const { defaultBrowserOpener } = await import('../../src/cli/sso/browser.js');
    const marker = join(dir, 'sso-pwned');
    const hostile = `https://device.sso.example/?user_code=AB;touch ${marker};`;
    rmSync(`${recorder}.url`, { force: true });
    await defaultBrowserOpener({ BROWSER: `${recorder} %s` })(hostile);
    for (let i = 0; i < 100 && !existsSync(`${recorder}.url`); i++) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(`${recorder}.url`, 'utf8')).toBe(`${hostile}\n`);
    expect(existsSync(marker)).toBe(false);
  });
});
