// IAM Identity Center (SSO) for the CLI, the dashboard and the credential chain. Interaction
// happens only through the callbacks in LoginInteraction.
export type { DeviceCodePrompt, BrowserPrompt, LoginInteraction } from './interaction.js';
export { ssoLogin, TOKEN_EXPIRY_WINDOW_S, type SsoLoginOptions, type SsoLoginResult } from './login.js';
export { ssoLogout, type LogoutOptions, type LogoutResult } from './logout.js';
export { SsoTokenProvider, refreshToken, type AccessToken, type SsoTokenProviderOptions } from './token-provider.js';
export { loginConfig, ssoSessionConfig, parseRegistrationScopes, type SsoSessionConfig } from './session-config.js';
export { chooseFlow, loopbackUnreachableReason, hostProbe, FlowPreferences, awsdeckStateDir, type FlowDecision, type HostProbe } from './flow-choice.js';
export type { FlowKind } from './registration.js';
export { SsoCache, tokenFromJson } from './sso-cache.js';
export type { CachedToken, CachedRegistration } from './token-cache.js';
export { tokenCacheKey, registrationCacheKey, roleCredentialsCacheKey } from './cache-names.js';
export { planPopulate, fetchAssignments, sanitiseProfileName, renderTemplate, DEFAULT_TEMPLATE, type Assignment, type PopulatePlan, type PlannedProfile } from './populate.js';
export { PortalClient, portalLogout, type PortalAccount, type PortalRole, type RoleCredentials } from './portal.js';
export * from './errors.js';
