// SSO errors. Messages follow the AWS CLI's wording, with `awsdeck` where the CLI names itself;
// none of them ever includes a token, a client secret or a device code.

export class SsoError extends Error {
  readonly exitCode: number = 255;
  constructor(message: string) {
    super(message);
    this.name = 'SsoError';
  }
}

/** No token in the cache, or a file without accessToken/expiresAt. */
export class SsoTokenLoadError extends SsoError {
  constructor(detail: string) {
    super(`Error loading SSO Token: ${detail}`);
    this.name = 'SsoTokenLoadError';
  }
}

/** The token is expired (and could not be refreshed) or the portal rejected it. */
export class UnauthorizedSsoTokenError extends SsoError {
  constructor() {
    super('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run awsdeck sso login with the corresponding profile.');
    this.name = 'UnauthorizedSsoTokenError';
  }
}

export class TokenRefreshFailedError extends SsoError {
  constructor() {
    super('Error when retrieving token from sso: Token has expired and refresh failed');
    this.name = 'TokenRefreshFailedError';
  }
}

export class PendingAuthorizationExpiredError extends SsoError {
  constructor() {
    super('The pending authorization to retrieve an SSO token has expired. The login flow to retrieve an SSO token must be restarted.');
    this.name = 'PendingAuthorizationExpiredError';
  }
}

/** The person declined on the sign-in page (device flow: AccessDeniedException). */
export class AuthorizationDeniedError extends SsoError {
  constructor() {
    super('The SSO authorization request was denied. Run the login again to retry.');
    this.name = 'AuthorizationDeniedError';
  }
}

export class AuthCodeError extends SsoError {
  constructor(detail: string) {
    super(`Error loading authorization code: ${detail}`);
    this.name = 'AuthCodeError';
  }
}

/** Bad or missing SSO configuration (exit 253 like the CLI's ConfigurationError). */
export class SsoConfigError extends SsoError {
  override readonly exitCode = 253;
  constructor(message: string) {
    super(message);
    this.name = 'SsoConfigError';
  }
}

/** The login was cancelled (Ctrl-C, the dashboard's cancel key). */
export class LoginCancelledError extends SsoError {
  override readonly exitCode = 130;
  constructor() {
    super('The SSO login was cancelled.');
    this.name = 'LoginCancelledError';
  }
}
