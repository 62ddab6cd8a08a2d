// What the formatters are given: engine values brought into Python's shapes. A response that needs
// nothing changed is passed through as it is (a listing is not copied only to be printed); anything
// that must change is changed in a copy, never in the caller's response.
import { describe, expect, it } from 'vitest';
import { toPyValue, PyFloat } from '../../src/engine/output/python-values.js';
import { formatOutput } from '../../src/engine/output/index.js';

describe('toPyValue', () => {
  it('drops undefined members, turns dates and bytes into text, and leaves the input untouched', () => {
    const response = {
      Name: 'a', Missing: undefined, When: new Date('2024-01-02T03:04:05.678Z'), Body: Buffer.from('hi'),
      Items: [{ Key: 'k', Gone: undefined }, undefined, new PyFloat(1)], Nested: { Deep: [1, 2n] },
    };
    const py = toPyValue(response);
    expect(py).toEqual({
      Name: 'a', When: '2024-01-02T03:04:05.678000+00:00', Body: 'aGk=',
      Items: [{ Key: 'k' }, null, new PyFloat(1)], Nested: { Deep: [1, 2n] },
    });
    expect(Object.keys(py as object)).toEqual(['Name', 'When', 'Body', 'Items', 'Nested']);
    expect('Missing' in response).toBe(true);
    expect(response.Items[0]).toHaveProperty('Gone');
    expect(response.When).toBeInstanceOf(Date);
  });

  it('passes through containers that need no change, and copies only the path to one that does', () => {
    const unchanged = { Contents: [{ Key: 'a', Size: 1 }, { Key: 'b', Size: 2 }], Prefix: 'p' };
    expect(toPyValue(unchanged)).toBe(unchanged);
    const oneDate = { Contents: unchanged.Contents, Meta: { At: new Date(0) } };
    const py = toPyValue(oneDate) as unknown as Record<string, unknown>;
    expect(py).not.toBe(oneDate);
    expect(py.Contents).toBe(unchanged.Contents);
    expect(py.Meta).toEqual({ At: '1970-01-01T00:00:00+00:00' });
  });

  it('a member that is undefined never reaches a formatter (yaml would fail on it)', () => {
    expect(formatOutput({ ContentType: 'text/plain', ContentEncoding: undefined }, { format: 'yaml', title: 'HeadObject' })).toBe('ContentType: text/plain\n');
    expect(formatOutput({ A: [{ B: undefined, C: 1 }] }, { format: 'json', title: 'X' })).toBe('{\n    "A": [\n        {\n            "C": 1\n        }\n    ]\n}\n');
  });

  it('a response nested beyond 1,000 levels is refused with the CLI-style error, not a stack overflow', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1500; i++) deep = { d: deep };
    expect(() => formatOutput(deep, { format: 'json', title: 'X' })).toThrow(/nested more than 1000 levels/);
    let ok: unknown = 'leaf';
    for (let i = 0; i < 900; i++) ok = [ok];
    expect(formatOutput(ok, { format: 'json', title: 'X' })).toContain('"leaf"');
  });
});
