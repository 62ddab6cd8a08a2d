// Which start URL, region, scopes and token-cache key a login is for: from an `[sso-session]`
// (named directly or through a profile's `sso_session`) or from a legacy profile.
import { stringValue, type LoadedConfig, type Section } from '../config/files.js';
import { SsoConfigError, SsoError } from './errors.js';

export interface SsoSessionConfig {
  /** Undefined for the legacy form (start URL and region in the profile itself). */
  sessionName?: string;
  startUrl: string;
  region: string;
  /** Parsed `sso_registration_scopes`; undefined when the key is absent. */
  scopes?: string[];
  /** The profile the login was requested through, if any (for messages). */
  profileName?: string;
}

export function parseRegistrationScopes(raw: string): string[] {
  return raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

function missing(section: Section | undefined): string[] {
  return ['sso_start_url', 'sso_region'].filter((k) => stringValue(section, k) === undefined);
}

export function ssoSessionConfig(config: LoadedConfig, sessionName: string, profileName?: string): SsoSessionConfig {
  const section = config.ssoSessions.get(sessionName);
  if (!section) throw new SsoConfigError(`The specified sso-session does not exist: "${sessionName}"`);
  const absent = missing(section);
  if (absent.length) throw new SsoConfigError(`Missing the following required SSO configuration values: ${absent.join(', ')}. `);
  const rawScopes = stringValue(section, 'sso_registration_scopes');
  return {
    sessionName,
    startUrl: stringValue(section, 'sso_start_url')!,
    region: stringValue(section, 'sso_region')!,
    scopes: rawScopes === undefined ? undefined : parseRegistrationScopes(rawScopes),
    profileName,
  };
}

/** The SSO configuration `sso login` uses: `--sso-session` wins, else the profile's. */
export function loginConfig(config: LoadedConfig, opts: { profileName: string; profileExplicit: boolean; ssoSession?: string }): SsoSessionConfig {
  if (opts.ssoSession !== undefined) return ssoSessionConfig(config, opts.ssoSession);
  const profile = config.getProfile(opts.profileName);
  if (!profile && opts.profileExplicit) throw new SsoError(`The config profile (${opts.profileName}) could not be found`);
  const sessionName = stringValue(profile, 'sso_session');
  if (sessionName) return ssoSessionConfig(config, sessionName, opts.profileName);
  const absent = missing(profile);
  if (absent.length) {
    throw new SsoConfigError(`Missing the following required SSO configuration values: ${absent.join(', ')}. To make sure this profile is properly configured to use SSO, please run: awsdeck configure sso`);
  }
  return { startUrl: stringValue(profile, 'sso_start_url')!, region: stringValue(profile, 'sso_region')!, profileName: opts.profileName };
}
