// The SSO portal: the accounts and roles assigned to the signed-in user, role credentials
// for them, and logout. Every call carries the bearer token from SSO-OIDC.
import type { CallContext, ServiceHandlers } from '../types.js';
import type { SsoToken } from '../sso-store.js';
import { rolePrincipal } from '../state.js';
import { fault } from '../fault.js';

function requireToken(ctx: CallContext, accessToken: unknown): SsoToken {
  const token = ctx.state.sso.validToken(accessToken as string | undefined);
  if (!token) throw fault('UnauthorizedException', 'Session token not found or invalid', { status: 401 });
  return token;
}

function page<T>(items: T[], nextToken: unknown, maxResults: unknown): { items: T[]; nextToken?: string } {
  const max = maxResults === undefined ? 20 : Number(maxResults);
  if (!(max >= 1 && max <= 100)) throw fault('InvalidRequestException', 'max_result must be between 1 and 100', { status: 400 });
  const start = nextToken === undefined ? 0 : Number(Buffer.from(String(nextToken), 'base64url').toString());
  if (!Number.isInteger(start) || start < 0) throw fault('InvalidRequestException', 'Invalid next_token', { status: 400 });
  const slice = items.slice(start, start + max);
  return { items: slice, nextToken: start + max < items.length ? Buffer.from(String(start + max)).toString('base64url') : undefined };
}

export const ssoPortalHandlers: ServiceHandlers = {
  ListAccounts(input, ctx) {
    requireToken(ctx, input.accessToken);
    const ids = [...new Set(ctx.state.sso.assignments.map((a) => a.accountId))];
    const accounts = ids.map((id) => ctx.state.accounts.get(id)!).filter(Boolean);
    const { items, nextToken } = page(accounts, input.nextToken, input.maxResults);
    return { nextToken, accountList: items.map((a) => ({ accountId: a.accountId, accountName: a.accountName, emailAddress: a.emailAddress })) };
  },

  ListAccountRoles(input, ctx) {
    requireToken(ctx, input.accessToken);
    const roles = ctx.state.sso.assignments.filter((a) => a.accountId === input.accountId);
    const { items, nextToken } = page(roles, input.nextToken, input.maxResults);
    return { nextToken, roleList: items.map((r) => ({ roleName: r.roleName, accountId: r.accountId })) };
  },

  GetRoleCredentials(input, ctx) {
    const token = requireToken(ctx, input.accessToken);
    const assigned = ctx.state.sso.assignments.some((a) => a.accountId === input.accountId && a.roleName === input.roleName);
    const role = assigned
      ? [...(ctx.state.iam.get(String(input.accountId))?.roles.values() ?? [])].find((r) => r.RoleName.startsWith(`AWSReservedSSO_${input.roleName}_`))
      : undefined;
    if (!role) throw fault('ForbiddenException', 'No access', { status: 403 });
    const principal = rolePrincipal(String(input.accountId), role, ctx.state.sso.userName);
    const ttlSeconds = Math.max(60, Math.min(3600, Math.floor((token.expiresAt - Date.now()) / 1000)));
    const key = ctx.state.issueTemporaryCredentials(principal, ttlSeconds);
    return { roleCredentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken: key.sessionToken, expiration: key.expiresAt } };
  },

  Logout(input, ctx) {
    const token = requireToken(ctx, input.accessToken);
    token.revoked = true;
    return {};
  },
};
