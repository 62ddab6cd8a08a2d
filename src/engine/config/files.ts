// Loads both shared files and builds botocore's views of them: the config file's profiles,
// sso-sessions and services sections, and the merged profile map (credentials-file keys win).
import { readFileSync, statSync } from 'node:fs';
import { decodeConfigBytes, parseIni, type IniSection, type IniValue, type ParsedIni } from './ini.js';
import { configFileForRead, configPathSetting, credentialsFileForRead, credentialsPathSetting, type Env } from './paths.js';
import { shlexSplit } from './pystr.js';
import { setOwn } from '../own-property.js';

export type FileKind = 'config-file' | 'credentials-file';

export interface ValueSource {
  file: FileKind;
  path: string;
  line: number;
  /** The section header as written in the file, e.g. `profile dev`. */
  section: string;
}

export interface SourcedValue {
  value: IniValue;
  source: ValueSource;
}

/** One profile (or sso-session / services section): key → value with where it came from. */
export type Section = Map<string, SourcedValue>;

export interface LoadedConfig {
  configPath: string;
  credentialsPath: string;
  /** As configured (AWS_CONFIG_FILE or `~/.aws/config`), unexpanded. */
  configPathSetting: string;
  credentialsPathSetting: string;
  config?: ParsedIni;
  credentials?: ParsedIni;
  /** The merged map used by `configure get`, list-profiles and the profile-based providers. */
  profiles: Map<string, Section>;
  /** Profiles of the config file alone (the `config-file` credential provider reads only these). */
  configProfiles: Map<string, Section>;
  /** Sections of the credentials file alone (the `shared-credentials-file` provider). */
  credentialsProfiles: Map<string, Section>;
  ssoSessions: Map<string, Section>;
  services: Map<string, Section>;
  /** Other config-file sections such as `[plugins]` or `[preview]`. */
  otherSections: Map<string, Section>;
  listProfiles(): string[];
  getProfile(name: string): Section | undefined;
}

/** Reads a file botocore would read; a missing path or a non-regular file is "no file". */
export function readIniFile(path: string): ParsedIni | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const bytes = readFileSync(path);
  return parseIni(decodeConfigBytes(bytes, path), path);
}

function toSection(sec: IniSection, file: FileKind, path: string): Section {
  const out: Section = new Map();
  for (const [key, v] of sec.keys) out.set(key, { value: v.value, source: { file, path, line: v.line, section: sec.name } });
  return out;
}

/** `profile NAME`, `sso-session NAME`, `services NAME`: shell-split into exactly two tokens. */
function secondToken(header: string): string | undefined {
  try {
    const parts = shlexSplit(header);
    return parts.length === 2 ? parts[1] : undefined;
  } catch {
    return undefined;
  }
}

export function loadConfigFiles(env: Env): LoadedConfig {
  const configPath = configFileForRead(env);
  const credentialsPath = credentialsFileForRead(env);
  const config = readIniFile(configPath);
  const credentials = readIniFile(credentialsPath);

  const configProfiles = new Map<string, Section>();
  const ssoSessions = new Map<string, Section>();
  const services = new Map<string, Section>();
  const otherSections = new Map<string, Section>();
  for (const sec of config?.sections ?? []) {
    const section = toSection(sec, 'config-file', configPath);
    const target = sec.name.startsWith('profile') ? configProfiles
      : sec.name.startsWith('sso-session') ? ssoSessions
      : sec.name.startsWith('services') ? services
      : undefined;
    if (target) {
      const name = secondToken(sec.name);
      if (name !== undefined) target.set(name, section); // Map.set keeps the first position, like dict.update
    } else if (sec.name === 'default') {
      configProfiles.set('default', section);
    } else {
      otherSections.set(sec.name, section);
    }
  }

  const credentialsProfiles = new Map<string, Section>();
  for (const sec of credentials?.sections ?? []) credentialsProfiles.set(sec.name, toSection(sec, 'credentials-file', credentialsPath));

  const profiles = new Map<string, Section>();
  for (const [name, sec] of configProfiles) profiles.set(name, new Map(sec));
  for (const [name, sec] of credentialsProfiles) {
    const merged = profiles.get(name) ?? new Map();
    for (const [k, v] of sec) merged.set(k, v);
    profiles.set(name, merged);
  }

  return {
    configPath,
    credentialsPath,
    configPathSetting: configPathSetting(env),
    credentialsPathSetting: credentialsPathSetting(env),
    config,
    credentials,
    profiles,
    configProfiles,
    credentialsProfiles,
    ssoSessions,
    services,
    otherSections,
    listProfiles: () => [...profiles.keys()],
    getProfile: (name) => profiles.get(name),
  };
}

/** A plain string value of a section key (nested blocks and absent keys give undefined). */
export function stringValue(section: Section | undefined, key: string): string | undefined {
  const v = section?.get(key)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** A section as plain data (for JSON output, tests and the dashboard). */
export function plainSection(section: Section | undefined): Record<string, IniValue> {
  const out: Record<string, IniValue> = {};
  for (const [k, v] of section ?? []) setOwn(out, k, v.value);
  return out;
}
