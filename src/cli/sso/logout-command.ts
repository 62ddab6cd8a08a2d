// `awsdeck sso logout`: every cached SSO token revoked and removed, as the CLI does.
import { loadConfigFiles } from '../../engine/config/files.js';
import { ssoLogout } from '../../engine/sso/index.js';
import { ExitCode, type CliIO } from '../io.js';
import { parseArgs } from './args.js';
import { ssoEndpoints } from './endpoints.js';
import { reportError } from './errors.js';

export async function runSsoLogout(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['profile', 'endpoint-url'], ['debug']);
  if (args.unknown.length || args.positionals.length) {
    io.stderr.write(`\nusage: awsdeck sso logout\nUnknown options: ${[...args.unknown, ...args.positionals].join(', ')}\n`);
    return ExitCode.usage;
  }
  try {
    const endpoints = ssoEndpoints(io.env, loadConfigFiles(io.env), args.values.get('profile'), args.values.get('endpoint-url'));
    await ssoLogout({ env: io.env, portalEndpointUrl: endpoints.portal, network: endpoints.network });
    return ExitCode.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
