// STS: who am I, role sessions (with MFA checked against the device's TOTP seed), session
// tokens, and decoding the authorization messages read-only denials carry.
import type { CallContext, ServiceHandlers } from '../types.js';
import type { AccessKeyRecord, IamRole, MfaDevice } from '../state.js';
import { rolePrincipal } from '../state.js';
import { fault } from '../fault.js';
import { verifyTotp } from '../totp.js';

function validation(field: string, value: unknown, constraint: string) {
  return fault('ValidationError', `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

function credentialsOf(key: AccessKeyRecord) {
  return { AccessKeyId: key.accessKeyId, SecretAccessKey: key.secretAccessKey, SessionToken: key.sessionToken, Expiration: new Date(key.expiresAt!) };
}

function checkDuration(value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (n < min) throw validation('durationSeconds', n, `Member must have value greater than or equal to ${min}`);
  if (n > max) throw validation('durationSeconds', n, `Member must have value less than or equal to ${max}`);
  return n;
}

function findRole(ctx: CallContext, roleArn: string): IamRole | undefined {
  const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
  if (!m) return undefined;
  return ctx.state.iam.get(m[1]!)?.roles.get(m[2]!);
}

/** Validates SerialNumber + TokenCode the way STS does; returns true when MFA was supplied and valid. */
function checkMfa(ctx: CallContext, serial: unknown, code: unknown): boolean {
  if (serial === undefined && code === undefined) return false;
  if (code !== undefined && !/^\d+$/.test(String(code))) throw validation('tokenCode', code, 'Member must satisfy regular expression pattern: [\\d]*');
  if (code !== undefined && String(code).length !== 6) throw validation('tokenCode', code, 'Member must have length less than or equal to 6');
  if (serial === undefined || code === undefined) throw fault('AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.', { status: 403 });
  const { principal } = ctx;
  const device: MfaDevice | undefined = ctx.state.iam.get(principal.accountId)?.mfaDevices.get(String(serial));
  if (!device || (principal.kind === 'user' && device.UserName !== principal.userName)) {
    throw fault('AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.', { status: 403 });
  }
  if (!verifyTotp(device.seedBase32, String(code), ctx.now)) {
    throw fault('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ', { status: 403 });
  }
  return true;
}

export const stsHandlers: ServiceHandlers = {
  GetCallerIdentity(_input, ctx) {
    return { UserId: ctx.principal.userId, Account: ctx.principal.accountId, Arn: ctx.principal.arn };
  },

  AssumeRole(input, ctx) {
    const roleArn = String(input.RoleArn);
    const sessionName = String(input.RoleSessionName);
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      throw validation('roleSessionName', sessionName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
    }
    const role = findRole(ctx, roleArn);
    const denied = () => fault('AccessDenied', `User: ${ctx.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, { status: 403 });
    if (!role) throw denied();
    const duration = checkDuration(input.DurationSeconds, 900, 43200) ?? 3600;
    if (duration > role.MaxSessionDuration) {
      throw validation('durationSeconds', duration, `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
    }
    const mfa = checkMfa(ctx, input.SerialNumber, input.TokenCode) || ctx.principal.mfaAuthenticated;
    if (role.requiresMfa && !mfa) throw denied();
    const principal = rolePrincipal(role.Arn.split(':')[4]!, role, sessionName, mfa);
    const key = ctx.state.issueTemporaryCredentials(principal, duration);
    return {
      Credentials: credentialsOf(key),
      AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
      PackedPolicySize: input.Policy || input.PolicyArns ? 6 : undefined,
      SourceIdentity: input.SourceIdentity,
    };
  },

  GetSessionToken(input, ctx) {
    if (ctx.principal.kind === 'assumed-role') throw fault('AccessDenied', 'Cannot call GetSessionToken with session credentials', { status: 403 });
    const duration = checkDuration(input.DurationSeconds, 900, 129600) ?? 43200;
    const mfa = checkMfa(ctx, input.SerialNumber, input.TokenCode);
    const key = ctx.state.issueTemporaryCredentials({ ...ctx.principal, mfaAuthenticated: mfa }, duration);
    return { Credentials: credentialsOf(key) };
  },

  DecodeAuthorizationMessage(input, ctx) {
    const decoded = ctx.state.authMessages.get(String(input.EncodedMessage));
    if (!decoded) throw fault('InvalidAuthorizationMessageException', 'Invalid authorization message', { status: 400 });
    return { DecodedMessage: decoded };
  },
};
