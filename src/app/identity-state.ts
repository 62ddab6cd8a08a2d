// A profile's state as the home shows it, derived from the last identity check.
import type { Identity } from './engine-port.js';

export type IdentityStatus = 'unchecked' | 'checking' | 'valid' | 'expired' | 'needs-mfa' | 'needs-login' | 'error';

export interface IdentityState {
  status: IdentityStatus;
  identity?: Identity;
  message?: string;
}

/** Thrown by the background checker's MFA callback: a probe never prompts the person. */
export class MfaRequiredError extends Error {
  constructor(readonly serial: string) {
    super(`MFA code required for ${serial}`);
    this.name = 'MfaRequiredError';
  }
}

/** Thrown when the person cancels a prompt (Esc): the action stops, nothing is reported. */
export class PromptCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelledError';
  }
}

/** Maps an engine failure onto the states that have a one-key fix. */
export function stateFromError(error: unknown): IdentityState {
  if (error instanceof MfaRequiredError) return { status: 'needs-mfa', message: `MFA for ${error.serial}` };
  const e = error as { name?: string; code?: string; message?: string };
  const message = e?.message ?? String(error);
  if (e?.code === 'ExpiredToken' || e?.code === 'ExpiredTokenException') return { status: 'expired', message };
  const ssoTokenErrors = ['SsoTokenLoadError', 'UnauthorizedSsoTokenError', 'TokenRefreshFailedError', 'PendingAuthorizationExpiredError'];
  if (ssoTokenErrors.includes(e?.name ?? '') || (/sso/i.test(`${e?.name} ${message}`) && /(expired|login|no (cached )?token|not found|does not exist|refresh)/i.test(message))) {
    return { status: 'needs-login', message };
  }
  if (/token.*(expired|has expired)/i.test(message)) return { status: 'expired', message };
  return { status: 'error', message };
}

/** "42m", "7h05m", "3d"; "expired" when past. */
export function formatTimeLeft(expiresAt: Date | undefined, now: number): string {
  if (!expiresAt) return '';
  const seconds = Math.floor((expiresAt.getTime() - now) / 1000);
  if (seconds <= 0) return 'expired';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d`;
}

/** The short state text of a profile row. */
export function stateLabel(state: IdentityState | undefined, now: number): string {
  switch (state?.status ?? 'unchecked') {
    case 'unchecked': return '-';
    case 'checking': return 'checking';
    case 'valid': {
      const left = formatTimeLeft(state!.identity?.expiresAt, now);
      return left === 'expired' ? 'expired' : left ? `valid ${left}` : 'valid';
    }
    case 'expired': return 'expired';
    case 'needs-mfa': return 'needs MFA';
    case 'needs-login': return 'needs login';
    case 'error': return `error: ${state!.message ?? ''}`;
  }
}

/** "arn:aws:sts::1:assumed-role/Admin/me" → "assumed-role/Admin/me". */
export function principalOf(arn: string | undefined): string {
  if (!arn) return '';
  const resource = arn.split(':').slice(5).join(':');
  return resource || arn;
}
