// The config reader on generated files: any file parses or fails with a ConfigParseError that
// names a line; on a sample of files, the profiles, sso-sessions and services read (or the
// rejection) are botocore's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigParseError, loadConfigFiles, parseIni, plainSection } from '../../src/engine/config/index.js';
import { botocoreViews, isolatedEnv, materialise } from '../config/oracle.js';
import { check } from './fuzz-support.js';
import { iniText, validIniText } from './ini-text.js';

// JSON with the keys of every object sorted: nested blocks are plain objects on both sides, and
// a JS object cannot keep integer-like keys in file order (a known limit, see json-text.ts).
const canonical = (value: unknown) => JSON.stringify(value, (_k, v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);

describe('config reader properties', () => {
  it('parses any file or raises a ConfigParseError naming a line', () => {
    check(fc.property(iniText, (text) => {
      try {
        parseIni(text, '/tmp/config');
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(ConfigParseError);
        const { line } = error as ConfigParseError;
        expect(line).toBeGreaterThan(0);
        expect(line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
      }
    }), 5000);
  });

  it('reads 150 sampled config and credentials files as botocore does', () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    const files = fc.sample(fc.tuple(fc.oneof(iniText, validIniText), fc.oneof(iniText, validIniText)), { numRuns: 150, seed });
    const cases = files.map(([config, credentials]) => isolatedEnv(materialise({ name: 'fuzz', config, credentials })));
    const views = botocoreViews(cases);
    const mismatches = cases.flatMap((env, i) => {
      let ours: unknown;
      try {
        const loaded = loadConfigFiles(env);
        const plain = (m: Map<string, Map<string, unknown>>) => Object.fromEntries([...m].map(([k, v]) => [k, plainSection(v as never)]));
        ours = {
          // Keys in the reader's own (Map) order; a plain object would put "6" before ".4y".
          profiles: [...loaded.profiles].map(([name, sec]) => [name, [...sec].map(([k, v]) => [k, v.value])]),
          sso_sessions: plain(loaded.ssoSessions as never),
          services: plain(loaded.services as never),
        };
      } catch (error) {
        if (!(error instanceof ConfigParseError)) throw error;
        ours = { error: error.message };
      }
      return canonical(ours) === canonical(views[i]) ? [] : [{ files: files[i], ours, botocore: views[i] }];
    });
    expect(mismatches.slice(0, 2), `${mismatches.length} of ${cases.length} differ; sample seed ${seed} (FUZZ_SEED=${seed})`).toEqual([]);
    // Both outcomes are exercised.
    expect(views.filter((v) => v.error).length).toBeGreaterThan(15);
    expect(views.filter((v) => !v.error).length).toBeGreaterThan(15);
  });
});
