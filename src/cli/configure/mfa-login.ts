// `configure mfa-login` (reference §1.13): GetSessionToken with an MFA code from the profile's
// long-term keys, written as temporary keys into another profile of the credentials file.
import { loadConfigFiles, resolveSettings, stringValue, updateSection } from '../../engine/config/index.js';
import { credentialsFromSection, type ClientFactory } from '../../engine/credentials/index.js';
import { ServiceError } from '../../engine/http/errors.js';
import type { Credentials } from '../../engine/http/types.js';
import type { CliIO } from '../io.js';
import { ExitCode } from '../io.js';
import { parseArgs } from './args.js';
import { printError, reportError } from './output.js';
import { promptLine, stopReading } from './prompt.js';

/** The suggested profile name: `<account>-<device>` for an MFA ARN, else `session-<serial>`. */
export function defaultSessionProfile(serial: string): string {
  const m = /^arn:aws[\w-]*:iam::(\d+):mfa\/(.+)$/.exec(serial);
  return m ? `${m[1]}-${m[2].split('/').pop()}` : `session-${serial}`;
}

export async function runMfaLogin(argv: string[], io: CliIO, createClient?: ClientFactory): Promise<number> {
  const args = parseArgs(argv, ['--serial-number', '--duration-seconds', '--update-profile', '--token-code']);
  const profile = args.options['--profile'] ?? io.env.AWS_PROFILE ?? io.env.AWS_DEFAULT_PROFILE ?? 'default';
  try {
    const settings = resolveSettings({ env: io.env, flags: { profile: args.options['--profile'], region: args.options['--region'] }, allowMissingProfile: true });
    const config = loadConfigFiles(io.env);
    const section = config.getProfile(profile);
    let source: Credentials | undefined = credentialsFromSection(section, 'shared-credentials-file');
    if (!source) {
      const accessKeyId = await promptLine(io, 'AWS Access Key ID: ');
      const secretAccessKey = await promptLine(io, 'AWS Secret Access Key: ', { secret: true });
      source = { accessKeyId, secretAccessKey };
    }
    const serial = args.options['--serial-number'] ?? stringValue(section, 'mfa_serial') ?? await promptLine(io, 'MFA serial number or ARN: ');
    const duration = Number(args.options['--duration-seconds'] ?? 43200);
    const factory = createClient ?? (async (o) => (await import('../../engine/http/client.js')).createClient(o));
    const sts = await factory({ service: 'sts', region: settings.region?.value, credentials: source, endpointUrl: settings.endpointUrlFor('sts')?.value });
    let response: Record<string, unknown> | undefined;
    for (let attempt = 1; !response; attempt++) {
      const code = args.options['--token-code'] ?? await promptLine(io, 'MFA token code: ', { secret: true });
      try {
        response = await sts.call('GetSessionToken', { SerialNumber: serial, TokenCode: code, DurationSeconds: duration });
      } catch (err) {
        // A wrong code: the service's message, then ask again (nothing has been written).
        if (!(err instanceof ServiceError) || args.options['--token-code'] !== undefined || attempt >= 3) throw err;
        printError(io, err.toString());
      }
    }
    const target = args.options['--update-profile']
      ?? ((await promptLine(io, `Profile to update [${defaultSessionProfile(serial)}]: `)) || defaultSessionProfile(serial));
    stopReading(io);
    const c = response.Credentials as Record<string, unknown>;
    const expiration = c.Expiration instanceof Date ? c.Expiration.toISOString() : String(c.Expiration);
    const result = updateSection(io.env, 'credentials', target, {
      aws_access_key_id: String(c.AccessKeyId),
      aws_secret_access_key: String(c.SecretAccessKey),
      aws_session_token: String(c.SessionToken),
    });
    if (result.permissionWarning) io.stderr.write(result.permissionWarning);
    io.stdout.write(`MFA session credentials written to profile ${target}; they expire at ${expiration}.\n`);
    return ExitCode.ok;
  } catch (err) {
    stopReading(io);
    const code = reportError(io, err);
    return code === ExitCode.other || code === ExitCode.serviceError ? ExitCode.commandFailed : code;
  }
}
