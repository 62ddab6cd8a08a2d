// A failed listing shown inside the view: what went wrong, in the service's words, and what to do.
import { PromptCancelledError } from '../identity-state.js';

export interface ViewProblem {
  title: string;
  message: string;
  hint: string;
}

export function explainViewError(error: unknown, where: { profile: string; region: string; service: string; operation: string }): ViewProblem {
  const e = error as { code?: string; name?: string; message?: string; statusCode?: number };
  const code = e?.code ?? e?.name ?? '';
  const message = e?.message ?? String(error);
  const action = `${where.service === 's3api' ? 's3' : where.service}:${where.operation}`;
  if (error instanceof PromptCancelledError) {
    return { title: 'Sign-in cancelled', message: `${where.profile} needs a sign-in to list this view.`, hint: 'R retries (and asks again); p picks another profile' };
  }
  if (/AccessDenied|UnauthorizedOperation|AuthorizationError|Forbidden/i.test(code) || e?.statusCode === 403) {
    return { title: 'Access denied', message, hint: `profile ${where.profile} may not call ${action} here: p picks another profile, ! shows the error (Enter decodes an encoded message)` };
  }
  if (/ExpiredToken|TokenRefreshRequired|RequestExpired/i.test(code) || /expired/i.test(message)) {
    return { title: 'Credentials expired', message, hint: 'R signs in again and retries; on the home, l (SSO) or m (MFA) renews them' };
  }
  if (/Throttl|SlowDown|TooManyRequests|RequestLimitExceeded/i.test(code) || e?.statusCode === 429) {
    return { title: 'Throttled', message, hint: 'the service asked to slow down after retries: wait a moment, then R' };
  }
  if (/InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient|AuthFailure/i.test(code)) {
    return { title: 'Credentials rejected', message, hint: `the keys of ${where.profile} are not valid here: check them with i (why this identity?)` };
  }
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|socket|network|timed? ?out|Could not connect/i.test(`${code} ${message}`)) {
    return { title: 'Cannot reach the service', message, hint: `check the network, proxy and the endpoint for ${where.region}; R retries` };
  }
  if (/region/i.test(message) && /specify|configure/i.test(message)) {
    return { title: 'No region', message, hint: 'r picks a region, or :region NAME' };
  }
  return { title: code ? `Error: ${code}` : 'Error', message, hint: 'R retries; ! lists recent errors' };
}
