// File names of the SSO caches, computed exactly as botocore does so the AWS CLI and awsdeck find
// each other's files.
import { createHash } from 'node:crypto';
import { pyJsonDumps } from '../pyjson.js';

function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** `~/.aws/sso/cache/<this>.json`: sha1 of the sso-session name, or of the start URL as configured (legacy). */
export function tokenCacheKey(startUrl: string, sessionName?: string): string {
  return sha1Hex(sessionName ?? startUrl);
}

export interface RegistrationKeyInput {
  startUrl: string;
  region: string;
  /** As configured: undefined when the session has no `sso_registration_scopes` key. */
  scopes?: string[];
  sessionName?: string;
}

/** The client-registration file: sha1 of json.dumps({...}, sort_keys=True) with default separators. */
export function registrationCacheKey(input: RegistrationKeyInput): string {
  const args = {
    region: input.region,
    scopes: input.scopes ?? null, // absent key → null, but `sso_registration_scopes =` → []
    session_name: input.sessionName ?? null,
    startUrl: input.startUrl,
    tool: 'botocore',
  };
  return sha1Hex(pyJsonDumps(args));
}

/** `~/.aws/cli/cache/<this>.json` for SSO role credentials (compact separators, sorted keys). */
export function roleCredentialsCacheKey(accountId: string, roleName: string, sessionNameOrStartUrl: { sessionName?: string; startUrl: string }): string {
  const args: Record<string, string> = { accountId };
  args.roleName = roleName;
  if (sessionNameOrStartUrl.sessionName !== undefined) args.sessionName = sessionNameOrStartUrl.sessionName;
  else args.startUrl = sessionNameOrStartUrl.startUrl;
  const sorted = Object.fromEntries(Object.entries(args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return sha1Hex(pyJsonDumps(sorted, { separators: [',', ':'] }));
}
