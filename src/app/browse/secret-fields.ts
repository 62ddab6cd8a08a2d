// Secret values in a detail (a GetSessionToken's keys, a secret's string, a key pair's private
// key) are hidden until the person reveals them on purpose: a screen is shared, recorded and
// scrolled back far more often than it is private.

/** Field names whose values are credentials, tokens, passwords or private keys. */
const SECRET_NAME = /^(?:SecretAccessKey|SessionToken|AccessToken|RefreshToken|IdToken|ClientSecret|KeyMaterial|PrivateKey|SecretString|SecretBinary|AuthToken|AuthorizationToken|Token|client_secret|access_token|refresh_token|id_token|aws_secret_access_key|aws_session_token)$|password$/i;

export const HIDDEN_SECRET = '****************';

export function isSecretField(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of `value` with every secret field's value replaced, and how many were hidden. */
export function maskSecrets(value: unknown): { value: unknown; hidden: number } {
  let hidden = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array) return v;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) {
      const scalar = inner instanceof Uint8Array || (inner !== null && inner !== undefined && inner !== '' && typeof inner !== 'object');
      if (isSecretField(key) && scalar) {
        out[key] = HIDDEN_SECRET;
        hidden++;
      } else {
        out[key] = walk(inner);
      }
    }
    return out;
  };
  return { value: walk(value), hidden };
}
