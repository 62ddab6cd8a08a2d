// Per-page helpers for the streaming formats, and value conversion at the entry point.
// Expected bytes follow awscli/formatter.py: yaml-stream dumps every page as `[page]` (an empty
// page included); text prints the resume token block through the same query.
import { describe, expect, it } from 'vitest';
import { formatOutput, formatTextPage, formatTextResumeToken, formatYamlStreamPage } from '../../src/engine/output/index.js';

describe('page helpers', () => {
  it('text applies the query to each page', () => {
    expect(formatTextPage({ Items: [{ Id: 'a' }, { Id: 'b' }] }, 'Items[].Id')).toBe('a\tb\n');
    expect(formatTextPage({ Items: [{ Id: 'a' }], ResponseMetadata: { RequestId: 'r' } })).toBe('ITEMS\ta\n');
  });

  it('text prints the resume token, through the query when there is one', () => {
    expect(formatTextResumeToken('tok')).toBe('NEXTTOKEN\ttok\n');
    expect(formatTextResumeToken('tok', 'Items[].Id')).toBe('None\n');
  });

  it('yaml-stream writes each page as a one-element list, empty pages included', () => {
    expect(formatYamlStreamPage({ Items: ['a'] })).toBe('- Items:\n  - a\n');
    expect(formatYamlStreamPage({})).toBe('- {}\n');
    expect(formatYamlStreamPage({ Items: ['a'] }, 'Items[0]')).toBe('- a\n');
  });
});

describe('formatOutput entry', () => {
  it('shows blobs as base64 and dates in Python isoformat', () => {
    const data = { Blob: Buffer.from('hello'), When: new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 120)), Gone: undefined };
    expect(formatOutput(data, { format: 'json', title: 'Op' })).toBe(
      '{\n    "Blob": "aGVsbG8=",\n    "When": "2020-01-02T03:04:05.120000+00:00"\n}\n',
    );
  });

  it('prints nothing for off', () => {
    expect(formatOutput({ A: 1 }, { format: 'off', title: 'Op' })).toBe('');
  });
});
