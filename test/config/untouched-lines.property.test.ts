// Properties of the config writer (fast-check; the report carries the seed and path, FUZZ_SEED /
// FUZZ_PATH replay it):
// - whatever the file holds, a write changes only the lines it must: every line of the original
//   that is not the rewritten key survives, in order, byte for byte;
// - write → read: on a file the reader accepts, the value set reads back (trimmed, as configparser
//   trims) and every other section and key reads as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyConfigUpdate, ConfigParseError, parseIni, type ParsedIni } from '../../src/engine/config/index.js';
import { check } from '../fuzz/fuzz-support.js';
import { validIniText } from '../fuzz/ini-text.js';

const pieces = ['# comment', '; other comment', '', 'region = us-east-1', 'output: json', 'REGION = upper', 's3 =',
  '    addressing_style = path', '\tindented = tab', 'ünï = cødé', 'endpoint_url = http://x/?a=b', 'key=value=more',
  '[profile dev]', '[default]', "[profile 'my dev']", '[sso-session s]', '  # indented comment', 'cli_pager ='];

const optionKey = (line: string) => line.split(/[=:]/)[0].trim();

describe('untouched lines survive a write', () => {
  it('holds for random files and changes', () => {
    check(fc.property(
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 25 }), fc.boolean(),
      fc.constantFrom('default', 'profile dev', 'profile new'), fc.constantFrom('region', 'output', 'newkey', 'cli_pager'),
      (lines, finalNewline, section, key) => {
        const text = lines.join('\n') + (finalNewline ? '\n' : '');
        const after = applyConfigUpdate(text, section, { [key]: 'changed' });
        // Dropping every line of the key being set, both texts are identical (up to a final newline).
        const others = (t: string) => t.split('\n').filter((l) => !(/[=:]/.test(l) && optionKey(l) === key)).join('\n').replace(/\n+$/, '');
        const header = `[${section}]`;
        const afterWithoutNewHeader = text.split('\n').includes(header) ? after : after.replace(`${header}\n`, '');
        expect(others(afterWithoutNewHeader)).toBe(others(text));
        expect(after).toContain(`${key} = changed`);
      }), 3000);
  });
});

const sectionName = fc.oneof(fc.constantFrom('default', 'profile dev', "profile 'my dev'", 'sso-session corp', 'services local', 'plugins'), fc.stringMatching(/^[a-z][a-z0-9 _.-]{0,10}[a-z0-9]$/));
const settingKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
const settingValue = fc.string({ unit: 'binary', maxLength: 15 }).map((s) => s.replace(/[\r\n]/g, ''));

function readable(text: string): ParsedIni | undefined {
  try {
    return parseIni(text, '/tmp/config');
  } catch (error) {
    if (error instanceof ConfigParseError) return undefined;
    throw error;
  }
}

/** section → key → value, for comparing what a reader sees. */
const view = (ini: ParsedIni) => new Map(ini.sections.map((s) => [s.name, new Map([...s.keys].map(([k, v]) => [k, v.value]))]));

describe('write → read', () => {
  it('reads back the value set and leaves every other setting as it was', () => {
    check(fc.property(validIniText, sectionName, settingKey, settingValue, (text, section, key, value) => {
      const before = readable(text);
      // [DEFAULT] keys are copied into every section, a new one included: left to the oracle tests.
      fc.pre(before !== undefined && !text.includes('[DEFAULT]'));
      const after = readable(applyConfigUpdate(text, section, { [key]: value }));
      expect(after, 'the written file must stay readable').toBeDefined();
      const want = view(before!);
      want.set(section, new Map(want.get(section) ?? []).set(key, value.replace(/^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/gu, '')));
      expect(view(after!)).toEqual(want);
    }), 3000);
  });
});
