// Profile writes through the engine's writer on real files in a temporary folder: each change is
// previewed as a masked diff first and lands in the right file, comments and other lines untouched.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { planProfileChange } from '../../src/app/profile-writes.js';
import { createEngineAdapter } from '../../src/app/engine-adapter.js';
import { ENVIRONMENT_PROFILE } from '../../src/app/engine-port.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const config = () => readFileSync(join(dir, 'config'), 'utf8');
const credentials = () => readFileSync(join(dir, 'credentials'), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awsdeck-writes-'));
  env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' };
  writeFileSync(join(dir, 'config'), [
    '# my settings', '[default]', 'region = us-east-1', '', '[profile base]', 'region = eu-west-1', '',
    '# the role I use daily', '[profile ops]', 'role_arn = arn:aws:iam::111122223333:role/Ops', 'source_profile = base', 'region = eu-west-1', '',
    '[profile audit]', 'role_arn = arn:aws:iam::111122223333:role/Audit', 'source_profile = base', '',
  ].join('\n'));
  writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIADEFAULT000000001\naws_secret_access_key = default-secret-value\n\n[base]\naws_access_key_id = AKIABASE00000000001\naws_secret_access_key = base-secret-value-1234\n');
});

describe('profile writes', () => {
  it('creates a profile: keys to the credentials file, the rest to the config file; the diff masks the secret', async () => {
    const write = planProfileChange(env, { type: 'create', profile: 'new', values: { aws_access_key_id: 'AKIANEW0000000000001', aws_secret_access_key: 'brand-new-secret-9876', region: 'ap-south-1' } });
    expect(write.diff).toContain('+[profile new]');
    expect(write.diff).toContain('+aws_secret_access_key = ****************9876');
    expect(write.diff).not.toContain('brand-new-secret');
    expect(config()).not.toContain('[profile new]'); // nothing written before apply
    await write.apply();
    expect(config()).toMatch(/\[profile new\]\nregion = ap-south-1\n$/);
    expect(credentials()).toContain('[new]\naws_access_key_id = AKIANEW0000000000001\naws_secret_access_key = brand-new-secret-9876\n');
    expect(config()).toContain('# the role I use daily');
  });

  it('sets and removes a key in place', async () => {
    await planProfileChange(env, { type: 'set', profile: 'ops', key: 'region', value: 'us-west-2' }).apply();
    expect(config()).toContain('[profile ops]\nrole_arn = arn:aws:iam::111122223333:role/Ops\nsource_profile = base\nregion = us-west-2\n');
    await planProfileChange(env, { type: 'set', profile: 'ops', key: 'region', value: '' }).apply();
    expect(config()).toContain('source_profile = base\n\n[profile audit]');
    await planProfileChange(env, { type: 'set', profile: 'base', key: 'aws_secret_access_key', value: 'rotated-secret-0000' }).apply();
    expect(credentials()).toContain('aws_secret_access_key = rotated-secret-0000');
  });

  it('renames a profile and every source_profile that points at it, in both files', async () => {
    const write = planProfileChange(env, { type: 'rename', from: 'base', to: 'root-keys' });
    expect(write.title).toContain('ops, audit');
    await write.apply();
    expect(config()).toContain('[profile root-keys]\nregion = eu-west-1');
    expect(config()).not.toMatch(/source_profile = base\b/);
    expect(config().match(/source_profile = root-keys/g)).toHaveLength(2);
    expect(credentials()).toContain('[root-keys]\naws_access_key_id = AKIABASE00000000001');
    expect(config()).toContain('# the role I use daily\n[profile ops]');
  });

  it('clones (credentials too), deletes from both files, and makes a profile the default', async () => {
    await planProfileChange(env, { type: 'clone', from: 'base', to: 'base-copy' }).apply();
    expect(config()).toContain('[profile base-copy]\nregion = eu-west-1\n');
    expect(credentials()).toContain('[base-copy]\naws_access_key_id = AKIABASE00000000001\naws_secret_access_key = base-secret-value-1234\n');
    const remove = planProfileChange(env, { type: 'delete', profile: 'base-copy' });
    expect(remove.diff).toContain('-[base-copy]');
    await remove.apply();
    expect(config()).not.toContain('base-copy');
    expect(credentials()).not.toContain('base-copy');
    await planProfileChange(env, { type: 'make-default', profile: 'base' }).apply();
    expect(config()).toContain('[default]\nregion = eu-west-1\n');
    expect(credentials()).toContain('[default]\naws_access_key_id = AKIABASE00000000001\naws_secret_access_key = base-secret-value-1234\n');
    expect(existsSync(join(dir, 'config.bak'))).toBe(true);
  });

  it('refuses a change that would not change anything', () => {
    expect(() => planProfileChange(env, { type: 'set', profile: 'ops', key: 'region', value: 'eu-west-1' })).toThrow(/nothing would change/);
  });
});

describe('engine adapter', () => {
  it('lists the environment keys as their own row and the linter findings per profile', async () => {
    writeFileSync(join(dir, 'config'), `${config()}\n[profile broken]\nrole_arn = arn:aws:iam::111122223333:role/X\nsource_profile = missing\n`);
    const adapter = createEngineAdapter({ ...env, AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00042', AWS_SECRET_ACCESS_KEY: 'env-secret' });
    const { profiles } = await adapter.listProfiles();
    expect(profiles[0]).toMatchObject({ name: ENVIRONMENT_PROFILE, kind: 'environment' });
    expect(JSON.stringify(profiles)).not.toContain('env-secret');
    expect(profiles.find((p) => p.name === 'broken')?.lint.join('\n')).toMatch(/source_profile "missing" does not exist \(config:\d+\)/);
  });
});
