// `configure sso` with start URLs on a vanity name (my-company.awsapps.com) and on a custom domain
// (sso.example.com): as in the CLI the start URL is opaque (used as given for the sign-in, the
// token cache and the config file), and the wizard ends with the CLI's closing lines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runConfigureSso } from '../../src/cli/sso/configure-sso.js';
import { closingMessage } from '../../src/app/sso/wizard-rules.js';
import { approvingBrowser, captureIO, desktopProbe, makeHome, withSandbox } from './harness.js';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await withSandbox(); });
afterAll(async () => { await sandbox.close(); });

function feed(io: { stdin: unknown }, lines: string[]): void {
  (io.stdin as PassThrough).end(lines.map((l) => `${l}\n`).join(''));
}

const startUrls: Array<[string, string]> = [
  ['vanity name', 'https://my-company.awsapps.com/start'],
  ['custom domain', 'https://sso.example.com/start'],
  ['custom domain with a path and a fragment', 'https://login.example.co.uk/aws/start/#/'],
];

for (const [kind, startUrl] of startUrls) {
  it(`${kind}: ${startUrl} signs in, is written as given, and the wizard ends with the CLI's closing lines`, async () => {
    const h = makeHome(sandbox, '');
    const io = captureIO(h.env);
    feed(io, ['corp', startUrl, 'us-east-1', '', 'dev', '1', '', '', 'team-dev']);
    const code = await runConfigureSso([], io, { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) });
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(h.configPath, 'utf8')).toContain(`[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\n`);
    // The token is cached under the session name, as the CLI names it.
    const cacheFile = join(h.env.HOME!, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);
    expect(existsSync(cacheFile)).toBe(true);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).startUrl).toBe(startUrl);
    expect(io.out().endsWith('To use this profile, specify the profile name using --profile, as shown:\n\nawsdeck sts get-caller-identity --profile team-dev\n')).toBe(true);
    h.cleanup();
  }, 60_000);
}

it('the closing lines: the default profile (any case), a named one, and a profile without a role', () => {
  const defaultLines = 'The AWS CLI is now configured to use the default profile.\nRun the following command to verify your configuration:\n\nawsdeck sts get-caller-identity\n';
  expect(closingMessage('default', false)).toBe(defaultLines);
  expect(closingMessage('Default', false)).toBe(defaultLines);
  expect(closingMessage('dev', false)).toBe('To use this profile, specify the profile name using --profile, as shown:\n\nawsdeck sts get-caller-identity --profile dev\n');
  expect(closingMessage('dev', true)).toBe('Successfully configured SSO for profile: dev\n');
});
