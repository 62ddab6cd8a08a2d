// Public surface of the credential chain.
export { resolveCredentials, profileProviders, type CredentialProvider, type ResolveCredentialsOptions } from './chain.js';
export { RefreshableCredentials, ADVISORY_REFRESH_SECONDS, MANDATORY_REFRESH_SECONDS } from './refreshable.js';
export { assumeRoleCacheKey, isMfaSessionFallbackNote, type AssumeRoleArgs } from './assume-role.js';
export { ssoTokenPath, ssoRoleCacheKey, ssoProfileConfig, UnauthorizedSsoTokenError } from './sso-provider.js';
export { credentialsFromEnv } from './env-provider.js';
export { credentialsFromSection, hasStaticKeys } from './static-provider.js';
export { JsonFileCache, sha1Hex, sortedPyJson } from './json-cache.js';
export { NoCredentialsError, PartialCredentialsError, CredentialRetrievalError, InvalidCredentialConfigError } from './errors.js';
export type { ClientFactory, CredentialContext } from './context.js';
