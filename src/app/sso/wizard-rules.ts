// The `configure sso` wizard's rules, free of UI: answer validation, the order accounts and roles
// are listed in, the lines written to the config file, and the closing messages (reference §4.5).
import { isKnownRegion } from '../../engine/sso/regions.js';
import type { PortalAccount } from '../../engine/sso/portal.js';
import type { WriteValues } from '../../engine/config/writer.js';
import { applyConfigUpdate, profileSectionName, sectionHeader } from '../../engine/config/writer.js';

export function validateStartUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter a URL such as https://my-sso-portal.awsapps.com/start';
  }
  if (!url.hostname) return 'The start URL needs a host';
  if (url.protocol !== 'https:') return 'The start URL must use https';
  return undefined;
}

export function validateSsoRegion(value: string): string | undefined {
  if (!value.trim()) return 'An SSO region is required';
  return isKnownRegion(value.trim()) ? undefined : `Unknown region "${value.trim()}"`;
}

export function validateScopes(value: string): string | undefined {
  return value.split(',').some((s) => /\s/.test(s.trim())) ? 'Scope values must be separated by commas' : undefined;
}

export function validateProfileName(value: string): string | undefined {
  if (/[\r\n\[\]]/.test(value)) return 'A profile name cannot contain brackets or line breaks';
  return value.trim() ? undefined : 'A profile name is required';
}

/** Sorted as the CLI sorts: lower-cased name, then email, then id. */
export function sortAccounts(accounts: PortalAccount[]): PortalAccount[] {
  const k = (a: PortalAccount) => [(a.accountName ?? '').toLowerCase(), a.emailAddress ?? '', a.accountId];
  return [...accounts].sort((x, y) => {
    const a = k(x);
    const b = k(y);
    for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  });
}

export function accountLabel(a: PortalAccount): string {
  const parts = [a.accountName, a.emailAddress].filter(Boolean).join(', ');
  return parts ? `${parts} (${a.accountId})` : a.accountId;
}

export function sortRoles(roles: string[]): string[] {
  return [...roles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

export interface WizardAnswers {
  sessionName?: string;
  startUrl: string;
  ssoRegion: string;
  scopes?: string;
  /** The session already existed: its section is not rewritten. */
  existingSession?: boolean;
  accountId?: string;
  roleName?: string;
  region?: string;
  output?: string;
  profileName?: string;
}

export interface SectionWrite {
  section: string;
  values: WriteValues;
}

/** What the wizard writes, in the CLI's order: the profile first, then the sso-session. */
export function plannedWrites(a: WizardAnswers): SectionWrite[] {
  const writes: SectionWrite[] = [];
  if (a.profileName !== undefined) {
    const values: WriteValues = {};
    if (a.sessionName) values.sso_session = a.sessionName;
    else { values.sso_start_url = a.startUrl; values.sso_region = a.ssoRegion; }
    if (a.accountId) values.sso_account_id = a.accountId;
    if (a.roleName) values.sso_role_name = a.roleName;
    if (a.region) values.region = a.region;
    if (a.output) values.output = a.output;
    writes.push({ section: profileSectionName(a.profileName), values });
  }
  if (a.sessionName && !a.existingSession) {
    const values: WriteValues = { sso_start_url: a.startUrl, sso_region: a.ssoRegion };
    if (a.scopes) values.sso_registration_scopes = a.scopes;
    writes.push({ section: sectionHeader('sso-session', a.sessionName), values });
  }
  return writes;
}

export function applyWrites(text: string | undefined, writes: SectionWrite[]): string {
  let out = text;
  for (const w of writes) out = applyConfigUpdate(out, w.section, w.values);
  return out ?? '';
}

/** The lines the wizard will add, as they will read in the file. */
export function previewLines(writes: SectionWrite[]): string {
  return writes.map((w) => `[${w.section}]\n${Object.entries(w.values).map(([k, v]) => `${k} = ${String(v)}`).join('\n')}\n`).join('');
}

export function closingMessage(profileName: string, skippedCredentials: boolean): string {
  if (skippedCredentials) return `Successfully configured SSO for profile: ${profileName}\n`;
  // The CLI compares case-insensitively: `Default` gets the default profile's lines too.
  if (profileName.toLowerCase() === 'default') {
    return 'The AWS CLI is now configured to use the default profile.\nRun the following command to verify your configuration:\n\nawsdeck sts get-caller-identity\n';
  }
  return `To use this profile, specify the profile name using --profile, as shown:\n\nawsdeck sts get-caller-identity --profile ${profileName}\n`;
}

export function sessionClosingMessage(name: string): string {
  return `\nCompleted configuring SSO session: ${name}\nRun the following to login and refresh access token for this session:\n\nawsdeck sso login --sso-session ${name}\n`;
}
