// Which fields a detail view hides until S: credentials, tokens, passwords, private keys and
// secret strings, at any depth; look-alikes that are not secrets (NextToken, PasswordLastUsed) stay.
import { describe, expect, it } from 'vitest';
import { detailLines } from '../../src/app/browse/detail-text.js';
import { HIDDEN_SECRET, maskSecrets } from '../../src/app/browse/secret-fields.js';

const response = {
  Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'wJalrSECRET', SessionToken: 'IQoTOKEN', Expiration: '2026-12-01T00:00:00Z' },
  User: { UserName: 'alice', PasswordLastUsed: '2026-11-30T10:00:00Z' },
  KeyMaterial: '-----BEGIN RSA PRIVATE KEY-----',
  SecretString: '{"db":"hunter2"}',
  Instances: [{ MasterUserPassword: 'hunter2', NextToken: 'page-2' }],
  NextToken: 'page-2',
};

describe('secret fields in a detail', () => {
  it('are hidden at any depth and counted; other fields are left alone', () => {
    const { value, hidden } = maskSecrets(response) as { value: typeof response; hidden: number };
    expect(hidden).toBe(5);
    expect(value.Credentials).toEqual({ ...response.Credentials, SecretAccessKey: HIDDEN_SECRET, SessionToken: HIDDEN_SECRET });
    expect(value.User).toEqual(response.User);
    expect(value.KeyMaterial).toBe(HIDDEN_SECRET);
    expect(value.SecretString).toBe(HIDDEN_SECRET);
    expect(value.Instances).toEqual([{ MasterUserPassword: HIDDEN_SECRET, NextToken: 'page-2' }]);
    expect(value.NextToken).toBe('page-2');
  });

  it('the drawn lines show no secret unless revealed', () => {
    const hiddenText = detailLines(response, 'yaml').join('\n');
    for (const secret of ['wJalrSECRET', 'IQoTOKEN', 'PRIVATE KEY', 'hunter2']) expect(hiddenText).not.toContain(secret);
    const shown = detailLines(response, 'json', true).join('\n');
    for (const secret of ['wJalrSECRET', 'IQoTOKEN', 'PRIVATE KEY', 'hunter2']) expect(shown).toContain(secret);
  });
});
