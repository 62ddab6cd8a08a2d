// Property: whatever the file holds, a write changes only the lines it must. Every line of the
// original that is not the rewritten key survives, in order, byte for byte.
import { describe, expect, it } from 'vitest';
import { applyConfigUpdate } from '../../src/engine/config/index.js';

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
}

const pieces = ['# comment', '; other comment', '', 'region = us-east-1', 'output: json', 'REGION = upper', 's3 =',
  '    addressing_style = path', '\tindented = tab', 'ünï = cødé', 'endpoint_url = http://x/?a=b', 'key=value=more',
  '[profile dev]', '[default]', "[profile 'my dev']", '[sso-session s]', '  # indented comment', 'cli_pager ='];

describe('untouched lines survive a write', () => {
  it('holds for 500 random files and changes', () => {
    const random = rng(42);
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 25) }, () => pieces[Math.floor(random() * pieces.length)]);
      const text = lines.join('\n') + (random() < 0.8 ? '\n' : '');
      const section = ['default', 'profile dev', 'profile new'][Math.floor(random() * 3)];
      const key = ['region', 'output', 'newkey', 'cli_pager'][Math.floor(random() * 4)];
      const after = applyConfigUpdate(text, section, { [key]: 'changed' });
      // Dropping every line of the key being set, both texts are identical (up to a final newline).
      const optionKey = (line: string) => line.split(/[=:]/)[0].trim();
      const others = (t: string) => t.split('\n').filter((l) => !(/[=:]/.test(l) && optionKey(l) === key)).join('\n').replace(/\n+$/, '');
      const header = `[${section}]`;
      const afterWithoutNewHeader = text.split('\n').includes(header) ? after : after.replace(`${header}\n`, '');
      expect(others(afterWithoutNewHeader), JSON.stringify({ text, section, key })).toBe(others(text));
      expect(after).toContain(`${key} = changed`);
    }
  });
});
