// `configure lint`: problems the AWS CLI only discovers when a command fails, found up front,
// each with the file and line to fix. Duplicates are found by a lenient scan, since the strict
// parser stops at the first one.
import { readFileSync } from 'node:fs';
import { loadConfigFiles, stringValue, type LoadedConfig, type Section } from './files.js';
import { ConfigParseError } from './ini.js';
import { configFileForRead, credentialsFileForRead, type Env } from './paths.js';
import { firstNonSpace, pyStrip, universalLines } from './pystr.js';

export interface LintFinding {
  path: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export function lintConfig(env: Env): LintFinding[] {
  let config: LoadedConfig | undefined;
  const findings: LintFinding[] = [];
  try {
    config = loadConfigFiles(env);
  } catch (err) {
    if (!(err instanceof ConfigParseError)) throw err;
    findings.push({ path: err.path, line: err.line, severity: 'error', message: `${err.message}: ${err.reason}` });
  }
  // Duplicates make the CLI reject the whole file; list every one, not just the first.
  for (const path of [configFileForRead(env), credentialsFileForRead(env)]) findings.push(...scanDuplicates(path));
  if (config) findings.push(...lintProfiles(config));
  const seen = new Set<string>();
  return findings
    .filter((f) => { const k = `${f.path}:${f.line}:${f.message}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

function scanDuplicates(path: string): LintFinding[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const findings: LintFinding[] = [];
  const sections = new Map<string, number>();
  let keys = new Map<string, number>();
  let section = '';
  let keyIndent = -1;
  universalLines(text).forEach((raw, i) => {
    const line = raw.replace(/\n$/, '');
    const stripped = pyStrip(line);
    if (!stripped || stripped.startsWith('#') || stripped.startsWith(';')) return;
    const indent = firstNonSpace(line);
    if (keyIndent >= 0 && indent > keyIndent) return; // continuation of a value
    const header = /^\[(.+)\]/.exec(stripped);
    if (header) {
      section = header[1];
      keyIndent = -1;
      if (sections.has(section) && section !== 'DEFAULT') {
        findings.push({ path, line: i + 1, severity: 'error', message: `duplicate section [${section}] (first on line ${sections.get(section)})` });
        keys = new Map();
      } else {
        sections.set(section, i + 1);
        keys = new Map();
      }
      return;
    }
    const sep = /[=:]/.exec(stripped);
    if (!sep) return;
    keyIndent = indent;
    const key = pyStrip(stripped.slice(0, sep.index)).toLowerCase();
    if (keys.has(key)) findings.push({ path, line: i + 1, severity: 'error', message: `duplicate key ${key} in [${section}] (first on line ${keys.get(key)})` });
    else keys.set(key, i + 1);
  });
  return findings;
}

function at(section: Section, key: string): { path: string; line: number } {
  const v = section.get(key)!;
  return { path: v.source.path, line: v.source.line };
}

function headerLine(section: Section): { path: string; line: number } {
  const first = [...section.values()][0];
  return first ? { path: first.source.path, line: first.source.line } : { path: '', line: 0 };
}

function lintProfiles(config: LoadedConfig): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (where: { path: string; line: number }, severity: LintFinding['severity'], message: string) =>
    findings.push({ ...where, severity, message });
  const usedAsSource = new Set<string>();
  for (const profile of config.profiles.values()) {
    const src = stringValue(profile, 'source_profile');
    if (src) usedAsSource.add(src);
  }
  for (const [name, profile] of config.profiles) {
    const src = stringValue(profile, 'source_profile');
    if (src !== undefined && !config.profiles.has(src)) {
      add(at(profile, 'source_profile'), 'error', `profile ${name}: source_profile "${src}" does not exist`);
    }
    const session = stringValue(profile, 'sso_session');
    if (session !== undefined && !config.ssoSessions.has(session)) {
      add(at(profile, 'sso_session'), 'error', `profile ${name}: sso_session "${session}" has no [sso-session ${session}] section`);
    }
    if (session === undefined && profile.has('sso_start_url')) {
      add(at(profile, 'sso_start_url'), 'warning', `profile ${name}: legacy SSO configuration (sso_start_url without sso_session) cannot refresh its token; move it to an [sso-session] section`);
    }
    const isRoleOrSso = profile.has('role_arn') || profile.has('sso_account_id') || profile.has('sso_role_name');
    if (!profile.has('region') && (isRoleOrSso || config.configProfiles.has(name))) {
      add(headerLine(profile), 'warning', `profile ${name}: no region configured`);
    }
    const keyId = stringValue(profile, 'aws_access_key_id');
    if (keyId?.startsWith('AKIA')) {
      add(at(profile, 'aws_access_key_id'), 'warning', `profile ${name}: long-term access key stored in plain text`);
    }
    if (keyId?.startsWith('ASIA') && !profile.has('aws_session_token') && !profile.has('aws_security_token')) {
      add(at(profile, 'aws_access_key_id'), 'error', `profile ${name}: temporary (ASIA) access key without aws_session_token`);
    }
    if (profile.has('mfa_serial') && !profile.has('role_arn') && !usedAsSource.has(name)) {
      add(at(profile, 'mfa_serial'), 'warning', `profile ${name}: mfa_serial has no effect without role_arn (set it on the role profile)`);
    }
  }
  return findings;
}

export function formatFindings(findings: LintFinding[]): string {
  return findings.map((f) => `${f.path}:${f.line}: ${f.severity}: ${f.message}\n`).join('');
}
