// `configure set … --profile 'team dev'` on a file whose header is quoted another way edits that
// section in place. The AWS CLI appends a second `[profile 'team dev']`, which replaces the first
// for every reader (its role_arn is lost): that bug is shown here and not copied. Every setting of
// awsdeck's result is read back with the AWS CLI v2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAwsCli, runAwsdeck as runShared } from '../support/cli.js';
import { buildPrivateBundle } from '../support/private-bundle.js';

let bundle: string;
beforeAll(async () => { bundle = await buildPrivateBundle(); });
const runAwsdeck = (args: string[], env: NodeJS.ProcessEnv) => runShared(args, env, undefined, bundle);

const ROLE = 'arn:aws:iam::123456789012:role/TeamDev';

function isolated(config: string): { env: NodeJS.ProcessEnv; configFile: string } {
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-quoted-'));
  const configFile = join(home, 'config');
  writeFileSync(configFile, config);
  const env = {
    PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
  };
  return { env, configFile };
}

const headers: Array<[string, string]> = [
  ['double quotes', '[profile "team dev"]'],
  ['single quotes', "[profile 'team dev']"],
  ['extra blanks', '[profile   "team dev" ]'],
];

describe("configure set on a profile whose header is quoted differently", () => {
  for (const [name, header] of headers) {
    it(`${name}: ${header} is edited in place and every setting stays readable by the CLI`, () => {
      const original = `[default]\nregion = us-east-1\n${header}\nrole_arn = ${ROLE}\nsource_profile = default\n[profile other]\noutput = text\n`;
      const { env, configFile } = isolated(original);
      const set = runAwsdeck(['configure', 'set', 'region', 'eu-west-1', '--profile', 'team dev'], env);
      expect(set).toEqual({ stdout: '', stderr: '', status: 0 });
      expect(readFileSync(configFile, 'utf8')).toBe(original.replace('source_profile = default\n', 'source_profile = default\nregion = eu-west-1\n'));

      const get = (key: string) => runAwsCli(['configure', 'get', key, '--profile', 'team dev'], env);
      expect(get('role_arn')).toEqual({ stdout: `${ROLE}\n`, stderr: '', status: 0 });
      expect(get('source_profile')).toEqual({ stdout: 'default\n', stderr: '', status: 0 });
      expect(get('region')).toEqual({ stdout: 'eu-west-1\n', stderr: '', status: 0 });

    }, 60_000);
  }

  it('setting again changes the same line; sso-session headers are matched the same way', () => {
    const original = `[profile "team dev"]\nrole_arn = ${ROLE}\nregion = us-east-1\n[sso-session "corp sso"]\nsso_region = us-east-1\n`;
    const { env, configFile } = isolated(original);
    expect(runAwsdeck(['configure', 'set', 'region', 'ap-south-1', '--profile', 'team dev'], env).status).toBe(0);
    expect(runAwsdeck(['configure', 'set', 'sso_region', 'eu-west-1', '--sso-session', 'corp sso'], env).status).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe(original.replace('region = us-east-1\n[sso', 'region = ap-south-1\n[sso').replace('sso_region = us-east-1', 'sso_region = eu-west-1'));
    expect(runAwsCli(['configure', 'get', 'region', '--profile', 'team dev'], env).stdout).toBe('ap-south-1\n');
  }, 60_000);

  it('configure list shows the edited section as the CLI does', () => {
    // Keys in the section itself (a role would make `configure list` call STS).
    const original = '[profile "ops team"]\naws_access_key_id = AKIAQUOTEDPROFILE000\naws_secret_access_key = not-a-real-secret\n';
    const { env } = isolated(original);
    expect(runAwsdeck(['configure', 'set', 'region', 'eu-west-1', '--profile', 'ops team'], env).status).toBe(0);
    const theirs = runAwsCli(['configure', 'list', '--profile', 'ops team'], env);
    expect(theirs.stdout).toMatch(/region\s+eu-west-1\s+config-file/);
    expect(theirs.stdout).toMatch(/access_key\s+\*+E000\s+config-file/);
    // awsdeck prints the current CLI's layout (2.31+), v2.9.19 the older one: compare the cells.
    const oldLayoutRows = theirs.stdout.split('\n').slice(2, -1)
      .map((line) => [line.slice(0, 10), line.slice(11, 35), line.slice(36, 52), line.slice(56)].map((cell) => cell.trim()));
    const ours = runAwsdeck(['configure', 'list', '--profile', 'ops team'], env);
    expect(ours.status).toBe(0);
    expect(ours.stdout.split('\n').slice(1, -1).map((line) => line.split(' : ').map((cell) => cell.trim()))).toEqual(oldLayoutRows);
  }, 60_000);

  it("the AWS CLI's own write (the bug not copied) hides role_arn", () => {
    const { env, configFile } = isolated(`[profile "team dev"]\nrole_arn = ${ROLE}\n`);
    expect(runAwsCli(['configure', 'set', 'region', 'eu-west-1', '--profile', 'team dev'], env).status).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe(`[profile "team dev"]\nrole_arn = ${ROLE}\n[profile 'team dev']\nregion = eu-west-1\n`);
    expect(runAwsCli(['configure', 'get', 'role_arn', '--profile', 'team dev'], env).status).toBe(1);
  }, 60_000);
});
