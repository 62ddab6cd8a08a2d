import { describe, expect, it } from 'vitest';
import { createDashboard } from '../../src/app/dashboard-model.js';
import { fakeEngine, profile } from '../components/fake-engine.js';

describe('dashboard model', () => {
  it('checks identities with bounded concurrency and caches good results', async () => {
    const engine = fakeEngine(Array.from({ length: 20 }, (_, i) => profile(`p${i}`)));
    let running = 0;
    let peak = 0;
    const identify = engine.identify;
    engine.identify = async (name, interaction) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      running--;
      return identify(name, interaction);
    };
    const model = createDashboard(engine, { env: {}, concurrency: 3 });
    await model.load();
    await model.checkAll();
    expect(peak).toBeLessThanOrEqual(3);
    expect(engine.identifyCalls).toHaveLength(20);
    await model.checkAll();
    expect(engine.identifyCalls).toHaveLength(20);
    await model.checkAll(true);
    expect(engine.identifyCalls).toHaveLength(40);
  });

  it('never prompts during background checks: MFA profiles become "needs-mfa"', async () => {
    const engine = fakeEngine([profile('role', { kind: 'assume-role', mfaSerial: 'arn:aws:iam::1:mfa/a' })]);
    const model = createDashboard(engine, { env: {} });
    await model.load();
    await model.checkAll();
    expect(model.profiles.get().identities.role.status).toBe('needs-mfa');
    expect(model.prompts.get().open).toBeUndefined();
  });

  it('drops a late result of an older check', async () => {
    const engine = fakeEngine([profile('a')]);
    const releases: Array<() => void> = [];
    const identify = engine.identify;
    let call = 0;
    engine.identify = async (name, interaction) => {
      const mine = ++call;
      await new Promise<void>((r) => releases.push(r));
      const result = await identify(name, interaction);
      return { ...result, userId: `call${mine}` };
    };
    const model = createDashboard(engine, { env: {} });
    await model.load();
    const first = model.check('a');
    const second = model.check('a');
    await new Promise((r) => setImmediate(r));
    releases[1]();
    await second;
    releases[0]();
    await first;
    expect(model.profiles.get().identities.a.identity?.userId).toBe('call2');
  });

  it('switching profile takes that profile region and bumps the generation', async () => {
    const engine = fakeEngine([profile('a', { region: 'eu-west-1', isDefault: true }), profile('b', { region: 'ap-south-1' })]);
    const model = createDashboard(engine, { env: {} });
    await model.load();
    expect(model.session.get()).toMatchObject({ profile: 'a', region: 'eu-west-1' });
    const generation = model.session.get().generation;
    model.switchProfile('b');
    expect(model.session.get()).toMatchObject({ profile: 'b', region: 'ap-south-1', generation: generation + 1 });
  });
});
