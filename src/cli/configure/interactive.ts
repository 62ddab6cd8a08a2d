// `aws configure` (reference §1.7): prompts with masked current values; Enter keeps a value.
import { loadConfigFiles, setProfileValues, stringValue, type WriteValues } from '../../engine/config/index.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { parseArgs } from './args.js';
import { maskValue, reportError } from './output.js';
import { promptLine, stopReading } from './prompt.js';

export async function runInteractive(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  const profile = args.options['--profile'] ?? io.env.AWS_PROFILE ?? io.env.AWS_DEFAULT_PROFILE ?? 'default';
  try {
    const current = loadConfigFiles(io.env).getProfile(profile);
    const cur = (k: string) => stringValue(current, k);
    const ask = async (label: string, key: string, secret: boolean) => {
      const existing = cur(key);
      const shown = secret ? maskValue(existing) : existing ?? 'None';
      return promptLine(io, `${label} [${shown}]: `);
    };
    const values: WriteValues = {};
    const keep = (key: string, answer: string) => { if (answer && answer !== cur(key)) values[key] = answer; };
    const accessKey = await ask('AWS Access Key ID', 'aws_access_key_id', true);
    keep('aws_access_key_id', accessKey);
    keep('aws_secret_access_key', await ask('AWS Secret Access Key', 'aws_secret_access_key', true));
    const wantsToken = accessKey ? accessKey.startsWith('ASIA') : cur('aws_session_token') !== undefined;
    if (wantsToken) keep('aws_session_token', await ask('AWS Session Token', 'aws_session_token', true));
    else if (accessKey && cur('aws_session_token') !== undefined) values.aws_session_token = null; // a long-term key replaces the session
    keep('region', await ask('Default region name', 'region', false));
    keep('output', await ask('Default output format', 'output', false));
    stopReading(io);
    for (const result of setProfileValues(io.env, profile, values)) {
      if (result.permissionWarning) io.stderr.write(result.permissionWarning);
    }
    return ExitCode.ok;
  } catch (err) {
    stopReading(io);
    return reportError(io, err);
  }
}
