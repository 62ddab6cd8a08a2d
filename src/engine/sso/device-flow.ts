// The OAuth device-code flow (RFC 8628) as the CLI runs it: one immediate CreateToken attempt,
// then the prompt, then polling at the service's interval (+5 s on slow_down) until the code
// is approved, denied or expires.
import { ServiceError } from '../http/errors.js';
import { AuthorizationDeniedError, LoginCancelledError, PendingAuthorizationExpiredError } from './errors.js';
import { sleep, type LoginInteraction } from './interaction.js';
import type { OidcApi, CreateTokenResult } from './oidc.js';
import type { CachedRegistration } from './token-cache.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_S = 5;

export interface DeviceFlowOptions {
  oidc: OidcApi;
  registration: CachedRegistration;
  startUrl: string;
  interaction: LoginInteraction;
  now: () => Date;
}

export async function runDeviceFlow(opts: DeviceFlowOptions): Promise<CreateTokenResult> {
  const { oidc, registration, interaction } = opts;
  const auth = await oidc.startDeviceAuthorization({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: opts.startUrl });
  let intervalS = auth.interval ?? DEFAULT_INTERVAL_S;
  const expiresAt = new Date(opts.now().getTime() + auth.expiresIn * 1000);

  const attempt = async (): Promise<CreateTokenResult | undefined> => {
    try {
      return await oidc.createToken({ grantType: DEVICE_GRANT, clientId: registration.clientId, clientSecret: registration.clientSecret, deviceCode: auth.deviceCode });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      switch (err.code) {
        case 'AuthorizationPendingException': return undefined;
        case 'SlowDownException': intervalS += SLOW_DOWN_S; return undefined;
        case 'ExpiredTokenException': throw new PendingAuthorizationExpiredError();
        case 'AccessDeniedException': throw new AuthorizationDeniedError();
        default: throw err;
      }
    }
  };

  const immediate = await attempt();
  if (immediate) return immediate;

  interaction.onDeviceCode?.({
    verificationUri: auth.verificationUri,
    verificationUriComplete: auth.verificationUriComplete,
    userCode: auth.userCode,
    expiresAt,
  });
  await interaction.onBrowserOpen?.(auth.verificationUriComplete);

  for (;;) {
    try {
      await sleep(intervalS * 1000, interaction.signal);
    } catch {
      throw new LoginCancelledError();
    }
    const token = await attempt();
    if (token) return token;
  }
}
