// The reader against botocore on the whole corpus: same profiles (in the same order), same keys
// and values (nested blocks included), same sso-sessions and services, and the same files rejected.
import { describe, expect, it } from 'vitest';
import { ConfigParseError, loadConfigFiles, plainSection } from '../../src/engine/config/index.js';
import { corpus } from './corpus.js';
import { botocoreViews, isolatedEnv, materialise } from './oracle.js';

describe('reader matches botocore on the corpus', () => {
  const cases = corpus.map((c) => ({ c, env: isolatedEnv(materialise(c)) }));
  const views = botocoreViews(cases.map((x) => x.env));

  it.each(cases.map((x, i) => [x.c.name, i] as const))('%s', (_name, i) => {
    const { env } = cases[i];
    const view = views[i];
    if (view.error) {
      let caught: unknown;
      try { loadConfigFiles(env); } catch (err) { caught = err; }
      expect(caught).toBeInstanceOf(ConfigParseError);
      expect((caught as ConfigParseError).message).toBe(view.error);
      expect((caught as ConfigParseError).line).toBeGreaterThan(0);
      return;
    }
    const loaded = loadConfigFiles(env);
    const ours = [...loaded.profiles].map(([name, sec]) => [name, Object.entries(plainSection(sec))]);
    expect(ours).toEqual(view.profiles);
    const asPlain = (m: Map<string, Map<string, { value: unknown }>>) => Object.fromEntries([...m].map(([k, v]) => [k, plainSection(v as never)]));
    expect(asPlain(loaded.ssoSessions as never)).toEqual(view.sso_sessions);
    expect(asPlain(loaded.services as never)).toEqual(view.services);
  });

  it('has both accepted and rejected files in the corpus', () => {
    expect(views.filter((v) => v.error).length).toBeGreaterThanOrEqual(5);
    expect(views.filter((v) => !v.error).length).toBeGreaterThanOrEqual(15);
  });
});
