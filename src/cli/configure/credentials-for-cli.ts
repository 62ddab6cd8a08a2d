// Resolving credentials from a configure command: the profile as the CLI picks it, MFA codes
// asked on the terminal (`Enter MFA code for <serial>: `), cache warnings on stderr.
import { resolveSettings } from '../../engine/config/index.js';
import { resolveCredentials, type CredentialProvider } from '../../engine/credentials/index.js';
import type { CliIO } from '../io.js';
import { promptLine } from './prompt.js';

export function cliCredentialProvider(io: CliIO, profileFlag: string | undefined, env = io.env): CredentialProvider {
  const settings = resolveSettings({ env, flags: { profile: profileFlag } });
  let endpointFor = (service: string) => settings.endpointUrlFor(service)?.value;
  return resolveCredentials(profileFlag, {
    env,
    config: settings.config,
    region: settings.region?.value,
    endpointUrlFor: (s) => endpointFor(s),
    mfaCode: (serial) => promptLine(io, `Enter MFA code for ${serial}: `, { secret: true }),
    warn: (message) => io.stderr.write(`${message}\n`),
  });
}
