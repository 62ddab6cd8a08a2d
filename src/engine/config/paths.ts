// Where the shared files live, and how botocore expands the path settings.
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Env = Record<string, string | undefined>;

export function homeDir(env: Env): string {
  return env.HOME || homedir();
}

/** The path setting as written (shown unexpanded by `configure list`). */
export function configPathSetting(env: Env): string {
  return env.AWS_CONFIG_FILE ?? '~/.aws/config';
}

export function credentialsPathSetting(env: Env): string {
  return env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials';
}

/** os.path.expanduser: a leading `~` or `~/`; `~user` forms are left alone. */
export function expandUser(path: string, env: Env): string {
  if (path === '~') return homeDir(env);
  if (path.startsWith('~/')) return join(homeDir(env), path.slice(2));
  return path;
}

/** os.path.expandvars (POSIX): `$NAME` and `${NAME}`; unknown variables stay as written. */
export function expandVars(path: string, env: Env): string {
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const bare = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = env[bare];
    return value === undefined ? whole : value;
  });
}

/** Reading expands variables and then `~` (raw_config_parse). */
export function readPath(setting: string, env: Env): string {
  return expandUser(expandVars(setting, env), env);
}

/** Writing (`aws configure set`) expands only `~`. */
export function writePath(setting: string, env: Env): string {
  return expandUser(setting, env);
}

export function configFileForRead(env: Env): string {
  return readPath(configPathSetting(env), env);
}

export function credentialsFileForRead(env: Env): string {
  return readPath(credentialsPathSetting(env), env);
}

export function configFileForWrite(env: Env): string {
  return writePath(configPathSetting(env), env);
}

export function credentialsFileForWrite(env: Env): string {
  return writePath(credentialsPathSetting(env), env);
}

/** `~/.aws/cli/cache`: fixed under HOME, it does not follow AWS_CONFIG_FILE. */
export function cliCacheDir(env: Env): string {
  return join(homeDir(env), '.aws', 'cli', 'cache');
}

export function ssoCacheDir(env: Env): string {
  return join(homeDir(env), '.aws', 'sso', 'cache');
}
