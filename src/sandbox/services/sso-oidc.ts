// SSO-OIDC: client registration, the device-code flow, and tokens for the device_code,
// authorization_code (+PKCE) and refresh_token grants, with OAuth-style errors.
import type { CallContext, ServiceHandlers } from '../types.js';
import type { OidcClient } from '../sso-store.js';
import { pkceChallenge } from '../sso-store.js';
import { fault } from '../fault.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_START_URL = 'https://sandbox.awsapps.com/start';

function oidcError(code: string, oauthError: string, description: string, status = 400) {
  return fault(code, description, { status, jsonBody: { error: oauthError, error_description: description } });
}

function authenticateClient(ctx: CallContext, clientId: unknown, clientSecret: unknown): OidcClient {
  const client = ctx.state.sso.clients.get(String(clientId));
  if (!client || client.clientSecret !== clientSecret) throw oidcError('InvalidClientException', 'invalid_client', 'Invalid client provided', 401);
  if (client.expiresAt <= Date.now()) throw oidcError('InvalidClientException', 'invalid_client', 'Client registration has expired', 401);
  return client;
}

function tokenResponse(ctx: CallContext, client: OidcClient, startUrl: string, scopes: string[]) {
  const withRefresh = client.grantTypes.includes('refresh_token');
  const { token, refreshToken } = ctx.state.sso.issueToken(client.clientId, startUrl, scopes, withRefresh);
  return { accessToken: token.accessToken, tokenType: 'Bearer', expiresIn: ctx.state.options.tokenTtlSeconds, refreshToken };
}

export const ssoOidcHandlers: ServiceHandlers = {
  RegisterClient(input, ctx) {
    if (input.clientType !== 'public') throw oidcError('InvalidClientMetadataException', 'invalid_client_metadata', 'Only public clients are supported');
    const grantTypes = (input.grantTypes as string[] | undefined) ?? [];
    const unknown = grantTypes.find((g) => ![DEVICE_GRANT, 'authorization_code', 'refresh_token'].includes(g));
    if (unknown) throw oidcError('InvalidRequestException', 'invalid_request', `Unsupported grant type ${unknown}`);
    const redirectUris = (input.redirectUris as string[] | undefined) ?? [];
    if (grantTypes.includes('authorization_code') && !redirectUris.length) throw oidcError('InvalidRedirectUriException', 'invalid_redirect_uri', 'A redirect URI is required for authorization_code');
    for (const uri of redirectUris) {
      let host = '';
      try { host = new URL(uri).hostname; } catch { /* reported below */ }
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw oidcError('InvalidRedirectUriException', 'invalid_redirect_uri', `Redirect URI ${uri} must be a loopback address`);
    }
    const client = ctx.state.sso.register({
      clientName: String(input.clientName), clientType: 'public',
      scopes: (input.scopes as string[] | undefined) ?? [], grantTypes, redirectUris,
      issuerUrl: input.issuerUrl as string | undefined,
    });
    const base = ctx.state.options.baseUrl;
    return {
      clientId: client.clientId, clientSecret: client.clientSecret,
      clientIdIssuedAt: Math.floor(client.issuedAt / 1000), clientSecretExpiresAt: Math.floor(client.expiresAt / 1000),
      authorizationEndpoint: grantTypes.includes('authorization_code') ? `${base}/authorize` : undefined,
      tokenEndpoint: grantTypes.includes('authorization_code') ? `${base}/token` : undefined,
    };
  },

  StartDeviceAuthorization(input, ctx) {
    const client = authenticateClient(ctx, input.clientId, input.clientSecret);
    const auth = ctx.state.sso.startDevice(client.clientId, String(input.startUrl));
    const base = ctx.state.options.baseUrl;
    return {
      deviceCode: auth.deviceCode, userCode: auth.userCode,
      verificationUri: `${base}/device`, verificationUriComplete: `${base}/device?user_code=${auth.userCode}`,
      expiresIn: ctx.state.options.deviceCodeTtlSeconds, interval: auth.intervalSeconds,
    };
  },

  CreateToken(input, ctx) {
    const client = authenticateClient(ctx, input.clientId, input.clientSecret);
    const sso = ctx.state.sso;
    switch (input.grantType) {
      case DEVICE_GRANT: {
        const auth = sso.deviceAuths.get(String(input.deviceCode ?? ''));
        if (!auth || auth.clientId !== client.clientId) throw oidcError('InvalidGrantException', 'invalid_grant', 'Invalid device code provided');
        const now = Date.now();
        if (auth.status === 'redeemed') throw oidcError('InvalidGrantException', 'invalid_grant', 'Device code has already been used');
        if (auth.expiresAt <= now) throw oidcError('ExpiredTokenException', 'expired_token', 'Device code has expired');
        if (auth.status === 'denied') throw oidcError('AccessDeniedException', 'access_denied', 'The user denied the authorization request');
        if (auth.status === 'pending') {
          // Polling faster than the interval twice in a row earns slow_down (the first quick
          // retry is allowed: clients poll once right away, then once more before sleeping).
          const tooSoon = now - auth.lastPollAt < (auth.intervalSeconds * 1000) / 2;
          auth.fastPolls = tooSoon ? auth.fastPolls + 1 : 0;
          auth.lastPollAt = now;
          if (auth.fastPolls >= 2) {
            auth.intervalSeconds += 5;
            auth.fastPolls = 0;
            throw oidcError('SlowDownException', 'slow_down', 'Client is polling too quickly');
          }
          throw oidcError('AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending');
        }
        auth.status = 'redeemed';
        return tokenResponse(ctx, client, auth.startUrl, client.scopes);
      }
      case 'authorization_code': {
        if (!client.grantTypes.includes('authorization_code')) throw oidcError('UnauthorizedClientException', 'unauthorized_client', 'Client is not registered for authorization_code');
        const auth = sso.authCodes.get(String(input.code ?? ''));
        if (!auth || auth.clientId !== client.clientId || auth.status !== 'approved') throw oidcError('InvalidGrantException', 'invalid_grant', 'Invalid authorization code provided');
        if (auth.expiresAt <= Date.now()) throw oidcError('InvalidGrantException', 'invalid_grant', 'Authorization code has expired');
        if (input.redirectUri !== auth.redirectUri) throw oidcError('InvalidGrantException', 'invalid_grant', 'Redirect URI does not match the authorization request');
        if (!input.codeVerifier || pkceChallenge(String(input.codeVerifier)) !== auth.codeChallenge) throw oidcError('InvalidGrantException', 'invalid_grant', 'Code verifier does not match the code challenge');
        auth.status = 'redeemed';
        sso.authCodes.delete(String(input.code));
        return tokenResponse(ctx, client, auth.startUrl, auth.scopes);
      }
      case 'refresh_token': {
        const record = sso.refreshTokens.get(String(input.refreshToken ?? ''));
        if (!record || record.clientId !== client.clientId || record.revoked || record.used) throw oidcError('InvalidGrantException', 'invalid_grant', 'Invalid refresh token provided');
        record.used = true;
        return tokenResponse(ctx, client, record.startUrl, record.scopes);
      }
      default:
        throw oidcError('UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type ${String(input.grantType)}`);
    }
  },
};

export { DEFAULT_START_URL };
