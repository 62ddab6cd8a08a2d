// `awsdeck sso populate --sso-session S [--template T] [--region R] [--prune] [--dry-run]`:
// one profile per reachable account × role, with progress on stderr, a diff before writing,
// and a checkpoint so an interrupted run picks up where it stopped.
import { join } from 'node:path';
import { loadConfigFiles } from '../../engine/config/files.js';
import { configFileForWrite } from '../../engine/config/paths.js';
import { writeChange } from '../../engine/config/file-store.js';
import { awsdeckStateDir, PortalClient, ssoSessionConfig, SsoTokenProvider, tokenCacheKey } from '../../engine/sso/index.js';
import { clearCheckpoint, fetchAssignments, planPopulate, readManagedNames, saveManagedNames, type FetchProgress } from '../../engine/sso/populate.js';
import { isKnownRegion } from '../../engine/sso/regions.js';
import { ExitCode, type CliIO } from '../io.js';
import { parseArgs } from './args.js';
import { ssoEndpoints } from './endpoints.js';
import { reportError } from './errors.js';
import type { SsoCommandDeps } from './login-command.js';

const USAGE = "usage: awsdeck sso populate --sso-session S [--template '{account_name}-{role_name}'] [--region R] [--prune] [--dry-run]";

export interface PopulateDeps extends SsoCommandDeps {
  /** Requests per second against the portal (default 10; always under 20). */
  maxRequestsPerSecond?: number;
}

function progressLine(p: FetchProgress): string {
  if (p.phase === 'accounts') return `Listing accounts: ${p.done}`;
  const width = 30;
  const filled = Math.round((p.done / (p.total || 1)) * width);
  return `Listing roles [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} accounts${p.resumed ? ` (resumed after ${p.resumed})` : ''}`;
}

export async function runSsoPopulate(argv: string[], io: CliIO, deps: PopulateDeps = {}): Promise<number> {
  const args = parseArgs(argv, ['sso-session', 'template', 'region', 'endpoint-url', 'profile'], ['prune', 'dry-run']);
  const sessionName = args.values.get('sso-session');
  if (args.unknown.length || args.positionals.length || !sessionName) {
    io.stderr.write(`\n${USAGE}\n${sessionName ? `Unknown options: ${[...args.unknown, ...args.positionals].join(', ')}` : 'the following arguments are required: --sso-session'}\n`);
    return ExitCode.usage;
  }
  const region = args.values.get('region');
  if (region !== undefined && !isKnownRegion(region)) {
    io.stderr.write(`\nUnknown region "${region}"\n`);
    return ExitCode.usage;
  }
  try {
    const config = loadConfigFiles(io.env);
    const session = ssoSessionConfig(config, sessionName);
    const endpoints = ssoEndpoints(io.env, config, args.values.get('profile'), args.values.get('endpoint-url'));
    const { accessToken } = await new SsoTokenProvider({ config: session, env: io.env, oidcEndpointUrl: endpoints.oidc, network: endpoints.network, loginCommand: `awsdeck sso login --sso-session ${sessionName}` }).token();
    const portal = new PortalClient({
      region: session.region, accessToken, endpointUrl: endpoints.portal, network: endpoints.network, signal: deps.signal,
      maxRequestsPerSecond: deps.maxRequestsPerSecond,
      onRequest: (e) => { if (e.throttled) io.stderr.write(`\nThrottled by the SSO portal; slowing down for ${Math.round(e.waitMs ?? 0)} ms\n`); },
    });
    const checkpoint = join(awsdeckStateDir(io.env), 'populate', `${tokenCacheKey(session.startUrl, sessionName)}.json`);
    let lastDrawn = 0;
    const assignments = await fetchAssignments(portal, checkpoint, (p) => {
      // A redraw at most every 100 ms (or at the end) keeps the bar cheap on slow terminals.
      const now = Date.now();
      if (now - lastDrawn < 100 && p.done !== p.total) return;
      lastDrawn = now;
      io.stderr.write(io.stderr.isTTY ? `\r${progressLine(p)}` : `${progressLine(p)}\n`);
    });
    if (io.stderr.isTTY) io.stderr.write('\n');

    const managedPath = checkpoint.replace(/\.json$/, '.profiles.json');
    const plan = planPopulate(config, assignments, { sessionName, template: args.values.get('template'), region, prune: args.flags.has('prune'), managedNames: readManagedNames(managedPath) });
    const path = configFileForWrite(io.env);
    const diff = plan.diff();
    io.stdout.write(diff ? `Changes to ${path}:\n${diff}` : `${path} is up to date.\n`);
    io.stdout.write(`${assignments.length} account roles: ${plan.added.length} added, ${plan.renamed.length} renamed, ${plan.unchanged.length} unchanged, ${plan.removed.length} removed.\n`);
    if (!args.flags.has('dry-run') && diff) {
      writeChange(path, (current) => plan.apply(current));
      saveManagedNames(managedPath, [...plan.added, ...plan.renamed, ...plan.unchanged].map((p) => p.name));
    }
    if (args.flags.has('dry-run')) io.stdout.write('Dry run: nothing was written.\n');
    clearCheckpoint(checkpoint);
    return ExitCode.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
