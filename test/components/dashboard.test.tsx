import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakeEngine, profile } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

const demoProfiles = () => [
  profile('default', { isDefault: true }),
  profile('dev-admin', { kind: 'sso', ssoSession: 'corp' }),
  profile('prod-mfa', { kind: 'assume-role', mfaSerial: 'arn:aws:iam::111122223333:mfa/alice', sourceProfile: 'default' }),
  profile('broken', { kind: 'process', lint: ['credential_process exits 1'] }),
];

function engineWithStates() {
  const engine = fakeEngine(demoProfiles());
  engine.identities.set('dev-admin', Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login'), { name: 'SsoTokenError' }));
  engine.identities.set('broken', new Error('credential_process returned exit code 1'));
  engine.mfaCodes.set('prod-mfa', '123456');
  return engine;
}

describe('dashboard shell at 80x24', () => {
  it('shows every profile with its type and state, header and footer, within rows-1 lines', async () => {
    const ui = await renderDashboard(engineWithStates());
    const frame = await ui.waitFor('needs login');
    expect(frame).toContain('dev-admin');
    expect(frame).toMatch(/prod-mfa\s+role\+MFA\s+needs MFA/);
    expect(frame).toMatch(/broken\s+cred process\s+error: cred/);
    expect(frame).toMatch(/default\s+static keys\s+valid/);
    expect(frame).toContain('profile default');
    expect(frame).toContain('111122223333');
    expect(frame).toContain('? help');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('moves with j/k (also in one burst) and switches profile with Enter', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press('jjj');
    await ui.press(keys.enter);
    await ui.waitFor('profile broken');
    await ui.press('k', keys.enter);
    await ui.waitFor('profile prod-mfa');
  });

  it('filters as you type, even when "/" and text arrive in one chunk; Esc clears', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press('/prod');
    const frame = await ui.waitFor('/prod');
    expect(frame).not.toContain('dev-admin');
    expect(frame).toContain('prod-mfa');
    await ui.press(keys.enter);
    await ui.waitFor('(1 of 4)');
    await ui.press(keys.escape);
    await ui.waitFor('dev-admin');
  });

  it('opens help from the registry and closes it with Esc', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press('?');
    const help = await ui.waitFor('Keys (some depend');
    expect(help).toContain('use profile');
    expect(help).toContain('quit');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('Keys (some depend') && f.includes('dev-admin'));
  });

  it('hides writing actions in read-only mode and shows the badge', async () => {
    const ui = await renderDashboard(engineWithStates(), { readOnly: true });
    await ui.waitFor('needs login');
    expect(ui.frame()).toContain('READ-ONLY');
    await ui.press('?');
    const help = await ui.waitFor('Keys (some depend');
    expect(help).not.toContain('delete');
    expect(help).not.toContain('new profile');
  });

  it('quits with q and with Ctrl-C', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press('q');
    expect(ui.quits()).toBe(1);
    await ui.press('?', keys.ctrlC);
    expect(ui.quits()).toBe(2);
  });

  it('honours key overrides from keys.json', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-keys-'));
    mkdirSync(join(dir, 'awsdeck'));
    writeFileSync(join(dir, 'awsdeck', 'keys.json'), JSON.stringify({ help: 'H' }));
    const ui = await renderDashboard(engineWithStates(), { env: { XDG_CONFIG_HOME: dir } });
    await ui.waitFor('H help');
    await ui.press('H');
    await ui.waitFor('Keys (some depend');
  });
});

describe('fixes from the home', () => {
  it('asks for an MFA code, shows the service message on a wrong code, then unlocks', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs MFA');
    await ui.press('jj', 'm');
    await ui.waitFor('MFA code for prod-mfa');
    await ui.press('000000', keys.enter);
    await ui.waitFor('MultiFactorAuthentication failed');
    await ui.press('123456', keys.enter);
    await ui.waitFor(/prod-mfa\s+role\+MFA\s+valid/);
  });

  it('Esc in the MFA modal cancels and keeps the previous state', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs MFA');
    await ui.press('jj', 'm');
    await ui.waitFor('MFA code for prod-mfa');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('code: ') && /prod-mfa\s+role\+MFA\s+needs MFA/.test(f));
  });

  it('shows the SSO device code and cancels with Esc', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press('j', 'l');
    const frame = await ui.waitFor('ABCD-EFGH');
    expect(frame).toContain('http://127.0.0.1/device');
    await ui.press(keys.escape);
    await ui.waitFor((f) => !f.includes('ABCD-EFGH'));
  });

  it('creates a static-key profile, asking for the session token of an ASIA key, never showing secrets', async () => {
    const engine = engineWithStates();
    const ui = await renderDashboard(engine);
    await ui.waitFor('needs login');
    await ui.press('n');
    await ui.waitFor('static keys');
    await ui.press(keys.enter);
    await ui.waitFor('profile name');
    await ui.press('temp', keys.enter, 'ASIAAAAAAAAAAAAAAAAA', keys.enter, 'sekrit', keys.enter);
    await ui.waitFor('session token (ASIA keys');
    expect(ui.frame()).not.toContain('sekrit');
    await ui.press('tokentoken', keys.enter, 'eu-west-1', keys.enter);
    await ui.waitFor('y write');
    await ui.press('y');
    await ui.waitFor(() => engine.changes.length === 1);
    expect(engine.changes[0]).toEqual({ type: 'create', profile: 'temp', values: {
      aws_access_key_id: 'ASIAAAAAAAAAAAAAAAAA', aws_secret_access_key: 'sekrit', aws_session_token: 'tokentoken', region: 'eu-west-1' } });
  });

  it('deletes only after confirming the diff', async () => {
    const engine = engineWithStates();
    const ui = await renderDashboard(engine);
    await ui.waitFor('needs login');
    await ui.press('G', keys.ctrlD);
    await ui.waitFor('DANGEROUS');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('DANGEROUS'));
    expect(engine.changes).toEqual([]);
    await ui.press(keys.ctrlD, 'y');
    await ui.waitFor(() => engine.changes.length === 1);
    expect(engine.changes[0]).toEqual({ type: 'delete', profile: 'broken' });
  });

  it('renames through a form', async () => {
    const engine = engineWithStates();
    const ui = await renderDashboard(engine);
    await ui.waitFor('needs login');
    await ui.press('M');
    await ui.waitFor('new name');
    await ui.press(keys.backspace.repeat(7), 'main', keys.enter);
    await ui.waitFor('y write');
    await ui.press('y');
    await ui.waitFor(() => engine.changes.length === 1);
    expect(engine.changes[0]).toEqual({ type: 'rename', from: 'default', to: 'main' });
  });

  it('exports without drawing the secret', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press('e');
    await ui.waitFor('Export credentials of default');
    await ui.press(keys.enter);
    await ui.waitFor(() => ui.exported.length === 1);
    expect(ui.exported[0]).toContain('super-secret-default');
    expect(ui.frame()).not.toContain('super-secret');
  });
});

describe('other views', () => {
  it('why this identity? lists sources and environment warnings; Esc goes back', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press('i');
    const frame = await ui.waitFor('env AWS_PROFILE');
    expect(frame).toContain('AWS_ACCESS_KEY_ID is set');
    await ui.press(keys.escape);
    await ui.waitFor('needs login');
  });

  it('errors panel shows AccessDenied details and decodes the message', async () => {
    const engine = engineWithStates();
    engine.identities.set('broken', Object.assign(new Error('User: arn:aws:sts::1:assumed-role/ReadOnly/bob is not authorized to perform: ec2:StopInstances on resource: arn:aws:ec2:us-east-1:1:instance/i-1 Encoded authorization failure message: abc123'), { code: 'UnauthorizedOperation', requestId: 'req-42' }));
    const ui = await renderDashboard(engine);
    await ui.waitFor('error: User');
    await ui.press('!');
    const frame = await ui.waitFor('request id req-42');
    expect(frame).toContain('action ec2:StopInstances');
    await ui.press(keys.enter);
    await ui.waitFor('explicitDeny');
  });

  it('command palette switches region and reports unknown commands', async () => {
    const ui = await renderDashboard(engineWithStates());
    await ui.waitFor('needs login');
    await ui.press(':', 'nope', keys.enter);
    await ui.waitFor('unknown command');
    await ui.press(keys.escape, ':region eu-west-1', keys.enter);
    await ui.waitFor('region eu-west-1');
  });
});
