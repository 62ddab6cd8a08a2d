// Redaction for --debug traces: signatures, tokens and secrets never reach a log line.

const SECRET_HEADERS = new Set([
  'authorization', 'x-amz-security-token', 'x-amz-sso_bearer_token', 'x-amz-sso-bearer-token',
  // SSE-C keys: the CLI's --debug prints them; ours never does.
  'x-amz-server-side-encryption-customer-key', 'x-amz-copy-source-server-side-encryption-customer-key',
]);
/** Field names whose values are secrets, in JSON, XML and form bodies alike. */
const SECRET_FIELD = '(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken|accessToken|refreshToken|idToken|clientSecret|client_secret|access_token|refresh_token|id_token|Password|password|TokenCode|code_verifier|codeVerifier|deviceCode|device_code)';
const JSON_FIELD = new RegExp(`("${SECRET_FIELD}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
const XML_FIELD = new RegExp(`<(${SECRET_FIELD})>[^<]*</\\1>`, 'g');
const FORM_FIELD = new RegExp(`((?:^|&)${SECRET_FIELD}=)[^&]*`, 'g');

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (name === 'authorization') out[k] = v.replace(/Signature=[0-9a-f]+/, 'Signature=<redacted>');
    else out[k] = SECRET_HEADERS.has(name) ? '<redacted>' : v;
  }
  return out;
}

/** A body as text for a trace line: secrets masked, long bodies cut. */
export function redactBody(body: string | Uint8Array, limit = 4096): string {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const masked = text
    .replace(JSON_FIELD, '$1"<redacted>"')
    .replace(XML_FIELD, '<$1><redacted></$1>')
    .replace(FORM_FIELD, '$1<redacted>');
  return masked.length > limit ? `${masked.slice(0, limit)}… (${masked.length - limit} more characters)` : masked;
}

/**
 * Masks these exact values (the credentials a request was signed with) wherever they occur: an
 * error can echo the request back in a field with no secret-sounding name (S3's CanonicalRequest
 * carries the session token header).
 */
export function redactValues(text: string, values: Array<string | undefined>): string {
  let out = text;
  for (const value of values) if (value && value.length >= 8) out = out.split(value).join('<redacted>');
  return out;
}
