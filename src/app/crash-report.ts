// A crash leaves a report the person can attach to a bug: what broke, where in the dashboard, on
// which versions. It holds no environment values, credentials, tokens or file contents: the error
// text is scrubbed, since a library's message may echo a header or a response.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { redactBody } from '../engine/http/redact.js';
import { awsdeckStateDir } from '../engine/sso/flow-choice.js';

/** Environment variables whose values are secrets wherever they show up. */
const SECRET_NAME = /SECRET|TOKEN|PASSW|PASSPHRASE|CREDENTIAL|PRIVATE|_KEY|AUTH/i;
/** Secret keys and tokens are long runs of base64 with mixed case and digits; paths and words are not. */
const BASE64_RUN = /[A-Za-z0-9/+=]{32,}/g;
const looksRandom = (run: string) => /[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run);

export function scrubSecrets(text: string, env: NodeJS.ProcessEnv): string {
  let out = redactBody(text, Number.MAX_SAFE_INTEGER);
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 8 && SECRET_NAME.test(name)) out = out.split(value).join('<redacted>');
  }
  return out.replace(BASE64_RUN, (run) => (looksRandom(run) ? '<redacted>' : run));
}

export interface CrashDetails {
  error: unknown;
  /** awsdeck's version (the CLI's entry point knows it). */
  version: string;
  /** Where the person was: view kinds only, never names read from AWS or the config. */
  view?: string;
  now?: Date;
}

export function crashReportText(details: CrashDetails, env: NodeJS.ProcessEnv): string {
  const { error } = details;
  const description = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `thrown value of type ${typeof error}`;
  return [
    'awsdeck crash report',
    `time: ${(details.now ?? new Date()).toISOString()}`,
    `version: awsdeck/${details.version}`,
    `node: ${process.versions.node}`,
    `platform: ${process.platform}/${process.arch}`,
    `view: ${details.view ?? 'unknown'}`,
    '',
    scrubSecrets(description, env),
    '',
  ].join('\n');
}

/** Writes `$XDG_STATE_HOME/awsdeck/crash-<time>.txt` (0600 in a 0700 folder) and returns its path. */
export function writeCrashReport(details: CrashDetails, env: NodeJS.ProcessEnv): string {
  const now = details.now ?? new Date();
  const dir = awsdeckStateDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `crash-${now.toISOString().replace(/[:.]/g, '-')}.txt`);
  // 'wx': a report never overwrites (or follows a link planted at) an existing name.
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, crashReportText({ ...details, now }, env));
  } finally {
    closeSync(fd);
  }
  return path;
}
