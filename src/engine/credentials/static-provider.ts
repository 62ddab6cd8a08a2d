// Static keys from a profile section: `shared-credentials-file` reads the credentials file's
// section, `config-file` the config file's profile. Both need the secret when the key id is there.
import { stringValue, type Section } from '../config/files.js';
import type { Credentials } from '../http/types.js';
import { PartialCredentialsError } from './errors.js';

export function credentialsFromSection(section: Section | undefined, method: 'shared-credentials-file' | 'config-file'): Credentials | undefined {
  const accessKeyId = stringValue(section, 'aws_access_key_id');
  if (accessKeyId === undefined) return undefined;
  const secretAccessKey = stringValue(section, 'aws_secret_access_key');
  if (secretAccessKey === undefined) throw new PartialCredentialsError(method, 'aws_secret_access_key');
  const creds: Credentials = { accessKeyId, secretAccessKey, source: method };
  const token = stringValue(section, 'aws_security_token') ?? stringValue(section, 'aws_session_token');
  if (token !== undefined) creds.sessionToken = token;
  const accountId = stringValue(section, 'aws_account_id');
  if (accountId) creds.accountId = accountId;
  return creds;
}

export function hasStaticKeys(section: Section | undefined): boolean {
  return stringValue(section, 'aws_access_key_id') !== undefined;
}
