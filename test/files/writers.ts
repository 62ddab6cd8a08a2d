// Every file awsdeck writes, each driven through its real writer, with versions that can be told
// apart and checked for completeness: a version's padding repeats its own `tag:n` marker, so a file
// made of two versions, or cut short, is caught.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit, auditLogPath } from '../../src/engine/audit-log.js';
import { applyConfigUpdate, parseIni, writeChange } from '../../src/engine/config/index.js';
import type { CredentialContext } from '../../src/engine/credentials/context.js';
import { JsonFileCache } from '../../src/engine/credentials/json-cache.js';
import { storeMfaSession } from '../../src/engine/credentials/mfa-session.js';
import { FlowPreferences, awsdeckStateDir } from '../../src/engine/sso/flow-choice.js';
import { saveManagedNames } from '../../src/engine/sso/populate.js';
import { serializeToken, writeCacheFile } from '../../src/engine/sso/token-cache.js';

export const WRITER_KINDS = [
  'config', 'credentials', 'cli-cache', 'sso-token', 'mfa-session', 'sso-flow-preferences', 'populate-names', 'audit-log',
] as const;
export type WriterKind = (typeof WRITER_KINDS)[number];

/** One version found in a file: who wrote it and which of its writes it was. */
export interface Version { tag: string; n: number }

export function envFor(home: string): Record<string, string> {
  return {
    HOME: home, AWS_CONFIG_FILE: join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    XDG_STATE_HOME: join(home, 'state'), AWS_EC2_METADATA_DISABLED: 'true',
  };
}

const PAD_BYTES = 192 * 1024; // large enough for a kill to land mid-write
const pad = (tag: string, n: number) => `${tag}:${n}|`.repeat(Math.ceil(PAD_BYTES / `${tag}:${n}|`.length));

function checkPad(value: unknown, tag: string, n: number, where: string): void {
  if (value !== pad(tag, n)) throw new Error(`${where}: padding of ${tag}:${n} is torn or mixed`);
}

// Many untouched lines make a config write take long enough to be interrupted.
const filler = Array.from({ length: 600 }, (_, i) => `# comment line ${i} padding the file so writes take a while`).join('\n');
export const SEED_INI = `[default]\nregion = us-east-1\n${filler}\n[keep]\nregion = eu-west-1\n`;

const iniPath = (kind: 'config' | 'credentials', home: string) => join(home, '.aws', kind);
const cliCacheDir = (home: string) => join(home, '.aws', 'cli', 'cache');
const ssoCacheDir = (home: string) => join(home, '.aws', 'sso', 'cache');
const mfaDir = (home: string) => join(home, '.aws', 'awsdeck', 'mfa-sessions');
const namesPath = (home: string) => join(awsdeckStateDir(envFor(home)), 'populate', 'session.profiles.json');

/** The file a writer kind keeps (for the MFA cache, the one file its key names). */
export function fileOf(kind: WriterKind, home: string): string {
  switch (kind) {
    case 'config': case 'credentials': return iniPath(kind, home);
    case 'cli-cache': return join(cliCacheDir(home), 'crash-test.json');
    case 'sso-token': return join(ssoCacheDir(home), 'crash-test.json');
    case 'mfa-session': return join(mfaDir(home), readdirSync(mfaDir(home)).find((f) => f.endsWith('.json'))!);
    case 'sso-flow-preferences': return FlowPreferences.forEnv(envFor(home)).path;
    case 'populate-names': return namesPath(home);
    case 'audit-log': return auditLogPath(envFor(home));
  }
}

/** The state a test starts from: the old content a crash must leave intact if nothing new landed. */
export function seed(kind: WriterKind, home: string): void {
  if (kind === 'config' || kind === 'credentials') {
    mkdirSync(join(home, '.aws'), { recursive: true, mode: 0o700 });
    writeFileSync(iniPath(kind, home), SEED_INI, { mode: 0o600 });
  } else {
    writeVersion(kind, home, 'seed', 0);
  }
}

/** Write number `n` of writer `tag`, through the writer awsdeck itself uses. */
export function writeVersion(kind: WriterKind, home: string, tag: string, n: number): void {
  const env = envFor(home);
  const expires = new Date(Date.now() + 3600_000);
  switch (kind) {
    case 'config': case 'credentials':
      writeChange(iniPath(kind, home), (text) => applyConfigUpdate(text, 'default', { [`w_${tag}`]: `v${n}` }));
      return;
    case 'cli-cache':
      new JsonFileCache(cliCacheDir(home)).set('crash-test', {
        Credentials: { AccessKeyId: 'ASIACRASHTEST', SecretAccessKey: pad(tag, n), SessionToken: `${tag}:${n}`, Expiration: expires.toISOString() },
        Tag: tag, N: n,
      });
      return;
    case 'sso-token':
      writeCacheFile(ssoCacheDir(home), 'crash-test', serializeToken({
        startUrl: 'https://example.awsapps.com/start', region: 'us-east-1', accessToken: pad(tag, n), expiresAt: expires, refreshToken: `${tag}:${n}`,
      }));
      return;
    case 'mfa-session': {
      const ctx = { env, warn: () => {} } as unknown as CredentialContext;
      storeMfaSession('arn:aws:iam::111111111111:mfa/crash', { accessKeyId: 'AKIACRASH', secretAccessKey: 'x' },
        { accessKeyId: 'ASIACRASH', secretAccessKey: pad(tag, n), sessionToken: `${tag}:${n}`, expiration: expires }, ctx);
      return;
    }
    case 'sso-flow-preferences':
      // One entry per write: after concurrent writers, every entry must be there (no lost update).
      FlowPreferences.forEnv(env).set(`${tag}-${n}`, n % 2 ? 'device-code' : 'auth-code');
      return;
    case 'populate-names':
      saveManagedNames(namesPath(home), [tag, String(n), pad(tag, n)]);
      return;
    case 'audit-log':
      appendAudit(env, { time: new Date().toISOString(), profile: tag, region: 'us-east-1', operation: 'ec2:StopInstances', resources: [String(n)], outcome: 'ok', error: pad(tag, n).slice(0, 4096) });
  }
}

/**
 * Reads what a kind's file holds, throwing if any of it is torn or mixed. For the INI files and the
 * preferences, one version per writer tag; for single-document caches, the one version; for the
 * audit log, every line in file order (a torn line is reported as tag `torn`).
 */
export function readVersions(kind: WriterKind, home: string): Version[] {
  const text = readFileSync(fileOf(kind, home), 'utf8');
  switch (kind) {
    case 'config': case 'credentials': {
      const versions: Version[] = [];
      const rest = text.split('\n').filter((line) => {
        const m = /^w_(\S+) = v(\d+)$/.exec(line);
        if (m) versions.push({ tag: m[1]!, n: Number(m[2]) });
        return !m;
      }).join('\n');
      if (rest !== SEED_INI) throw new Error(`${kind}: the untouched part changed (torn or mixed)`);
      parseIni(text, kind);
      return versions;
    }
    case 'cli-cache': {
      const doc = JSON.parse(text) as { Tag: string; N: number; Credentials: { SecretAccessKey: string } };
      checkPad(doc.Credentials.SecretAccessKey, doc.Tag, doc.N, kind);
      return [{ tag: doc.Tag, n: doc.N }];
    }
    case 'sso-token': case 'mfa-session': {
      const doc = JSON.parse(text) as { refreshToken?: string; accessToken?: string; Credentials?: { SessionToken: string; SecretAccessKey: string } };
      const [tag, n] = (doc.refreshToken ?? doc.Credentials!.SessionToken).split(':');
      checkPad(doc.accessToken ?? doc.Credentials!.SecretAccessKey, tag!, Number(n), kind);
      return [{ tag: tag!, n: Number(n) }];
    }
    case 'sso-flow-preferences':
      return Object.keys(JSON.parse(text) as object).map((key) => {
        const m = /^(.*)-(\d+)$/.exec(key)!;
        return { tag: m[1]!, n: Number(m[2]) };
      });
    case 'populate-names': {
      const [tag, n, padding] = JSON.parse(text) as string[];
      checkPad(padding, tag!, Number(n), kind);
      return [{ tag: tag!, n: Number(n) }];
    }
    case 'audit-log':
      return text.split('\n').filter(Boolean).map((line) => {
        try {
          const entry = JSON.parse(line) as { profile: string; resources: string[]; error: string };
          if (entry.error !== pad(entry.profile, Number(entry.resources[0])).slice(0, 4096)) throw new Error('mixed');
          return { tag: entry.profile, n: Number(entry.resources[0]) };
        } catch {
          return { tag: 'torn', n: -1 };
        }
      });
  }
}
