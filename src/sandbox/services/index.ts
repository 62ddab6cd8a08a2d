// Which services the sandbox serves, by CLI service name.
import type { ServiceHandlers } from '../types.js';
import { stsHandlers } from './sts.js';
import { ssoOidcHandlers } from './sso-oidc.js';
import { ssoPortalHandlers } from './sso-portal.js';

export const serviceHandlers: Record<string, ServiceHandlers> = {
  sts: stsHandlers,
  'sso-oidc': ssoOidcHandlers,
  sso: ssoPortalHandlers,
};
