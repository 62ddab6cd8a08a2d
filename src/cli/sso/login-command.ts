// `awsdeck sso login [--profile P | --sso-session S] [--use-device-code] [--no-browser]`.
import { loadConfigFiles } from '../../engine/config/files.js';
import { chooseFlow, FlowPreferences, hostProbe, loginConfig, ssoLogin, type HostProbe, type LoginInteraction } from '../../engine/sso/index.js';
import { SsoConfigError } from '../../engine/sso/errors.js';
import { ExitCode, type CliIO } from '../io.js';
import { parseArgs } from './args.js';
import { defaultBrowserOpener, type BrowserOpener } from './browser.js';
import { ssoEndpoints } from './endpoints.js';
import { reportError } from './errors.js';
import { authCodeMessage, deviceCodeMessage, loginHeading, loginSuccess } from './messages.js';

/** What tests (and the demo) swap: the browser, the host checks, a cancel signal. */
export interface SsoCommandDeps {
  openBrowser?: BrowserOpener;
  probe?: HostProbe;
  signal?: AbortSignal;
}

const VALUE_OPTIONS = ['profile', 'sso-session', 'endpoint-url'];
const BOOLEAN_OPTIONS = ['use-device-code', 'no-use-device-code', 'no-browser', 'debug'];

export async function runSsoLogin(argv: string[], io: CliIO, deps: SsoCommandDeps = {}): Promise<number> {
  const args = parseArgs(argv, VALUE_OPTIONS, BOOLEAN_OPTIONS);
  if (args.unknown.length || args.positionals.length) {
    io.stderr.write(`\nusage: awsdeck sso login [--profile P | --sso-session S] [--use-device-code] [--no-browser]\nUnknown options: ${[...args.unknown, ...args.positionals].join(', ')}\n`);
    return ExitCode.usage;
  }
  try {
    const config = loadConfigFiles(io.env);
    const flagProfile = args.values.get('profile');
    const profileName = flagProfile ?? io.env.AWS_PROFILE ?? io.env.AWS_DEFAULT_PROFILE ?? 'default';
    const sso = loginConfig(config, { profileName, profileExplicit: flagProfile !== undefined || profileName !== 'default', ssoSession: args.values.get('sso-session') });
    if (!/^https:\/\//i.test(sso.startUrl)) throw new SsoConfigError('The sso_start_url must use the https scheme.');
    const endpoints = ssoEndpoints(io.env, config, flagProfile, args.values.get('endpoint-url'));
    const decision = chooseFlow({
      sessionName: sso.sessionName,
      useDeviceCode: args.flags.has('use-device-code'),
      forceAuthCode: args.flags.has('no-use-device-code'),
      probe: deps.probe ?? hostProbe(io.env),
      preferences: FlowPreferences.forEnv(io.env),
    });
    const browser = !args.flags.has('no-browser');
    const opener = deps.openBrowser ?? defaultBrowserOpener(io.env);
    io.stdout.write(loginHeading(sso, decision.flow === 'device-code' ? decision.reason : undefined));
    const interaction: LoginInteraction = {
      signal: deps.signal,
      onDeviceCode: (p) => io.stdout.write(deviceCodeMessage(p, browser)),
      onAuthorizationUrl: (p) => io.stdout.write(authCodeMessage(p, browser)),
      onBrowserOpen: browser ? (url) => opener(url) : undefined,
      onNotice: (m) => io.stdout.write(`${m}\n`),
    };
    const result = await ssoLogin({ config: sso, env: io.env, flow: decision.flow, interaction, oidcEndpointUrl: endpoints.oidc, network: endpoints.network, force: true });
    if (result.source === 'other-process') io.stdout.write('Signed in by another awsdeck process; using its token.\n');
    io.stdout.write(loginSuccess(sso.startUrl));
    return ExitCode.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
