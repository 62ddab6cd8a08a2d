// `configure list` (reference §1.10): where the profile, keys and region come from.
import { configPathSetting, resolveSettings } from '../../engine/config/index.js';
import { NoCredentialsError } from '../../engine/credentials/index.js';
import type { Credentials } from '../../engine/http/types.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { parseArgs } from './args.js';
import { cliCredentialProvider } from './credentials-for-cli.js';
import { maskValue, reportError } from './output.js';

export interface ListRow { name: string; value: string; type: string; location: string }

const NOT_SET = '<not set>';

export async function listRows(io: CliIO, profileFlag: string | undefined): Promise<ListRow[]> {
  const env = io.env;
  const rows: ListRow[] = [];
  if (profileFlag !== undefined) rows.push({ name: 'profile', value: profileFlag, type: 'manual', location: '--profile' });
  else if (env.AWS_PROFILE !== undefined || env.AWS_DEFAULT_PROFILE !== undefined) {
    rows.push({ name: 'profile', value: (env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE)!, type: 'env', location: "['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']" });
  } else rows.push({ name: 'profile', value: NOT_SET, type: 'None', location: 'None' });

  let creds: Credentials | undefined;
  try {
    creds = await cliCredentialProvider(io, profileFlag).get();
  } catch (err) {
    if (!(err instanceof NoCredentialsError)) throw err;
  }
  for (const [name, value] of [['access_key', creds?.accessKeyId], ['secret_key', creds?.secretAccessKey]] as const) {
    rows.push(creds
      ? { name, value: maskValue(value), type: creds.source ?? '', location: '' }
      : { name, value: NOT_SET, type: 'None', location: 'None' });
  }

  const settings = resolveSettings({ env, flags: { profile: profileFlag } });
  const region = settings.region;
  if (region?.source.kind === 'env') rows.push({ name: 'region', value: region.value, type: 'env', location: "['AWS_REGION', 'AWS_DEFAULT_REGION']" });
  else if (region?.source.kind === 'file') rows.push({ name: 'region', value: region.value, type: 'config-file', location: configPathSetting(env) });
  else rows.push({ name: 'region', value: NOT_SET, type: 'None', location: 'None' });
  return rows;
}

/** The layout of AWS CLI 2.31 and later. */
export function formatList(rows: ListRow[]): string {
  const line = (r: ListRow) => `${r.name.padEnd(10)} : ${r.value.padEnd(24)} : ${r.type.padEnd(16)} : ${r.location}\n`;
  return line({ name: 'NAME', value: 'VALUE', type: 'TYPE', location: 'LOCATION' }) + rows.map(line).join('');
}

/** The layout before 2.31 (what Debian's 2.9.19 prints). */
export function formatListLegacy(rows: ListRow[]): string {
  const line = (r: ListRow) => `${r.name.padStart(10)} ${r.value.padStart(24)} ${r.type.padStart(16)}    ${r.location}\n`;
  return line({ name: 'Name', value: 'Value', type: 'Type', location: 'Location' })
    + line({ name: '----', value: '-----', type: '----', location: '--------' })
    + rows.map(line).join('');
}

export async function runList(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  try {
    const rows = await listRows(io, args.options['--profile']);
    io.stdout.write(io.env.AWSDECK_CONFIGURE_LIST_LAYOUT === 'legacy' ? formatListLegacy(rows) : formatList(rows));
    return ExitCode.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
