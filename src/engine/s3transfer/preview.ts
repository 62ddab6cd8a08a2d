// The start of an object shown in the browser's detail: one ranged GET of at most 64 KB, decoded
// as UTF-8 when it looks like text. Binary content is described instead of shown.
export const PREVIEW_BYTES = 64 * 1024;

export type Preview =
  | { kind: 'text'; text: string; bytes: number; truncated: boolean }
  | { kind: 'binary'; bytes: number };

/**
 * Text is valid UTF-8 (a multi-byte character cut off by the range aside) without NUL and with few
 * other control characters; anything else is binary.
 */
export function looksBinary(body: Uint8Array, cutAtEnd: boolean): boolean {
  let controls = 0;
  for (const byte of body) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++;
  }
  if (controls > body.length / 100 + 1) return true;
  // A cut in the middle of a character at the range's end is not a sign of binary content.
  const whole = cutAtEnd ? body.subarray(0, completeUtf8Length(body)) : body;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(whole);
    return false;
  } catch {
    return true;
  }
}

/** The length up to the last complete UTF-8 sequence (at most 3 trailing bytes dropped). */
function completeUtf8Length(body: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, body.length); back++) {
    const byte = body[body.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return need > back ? body.length - back : body.length;
    }
  }
  return body.length;
}

/** The preview of a ranged GET's body; `size` is the object's whole size. */
export function previewOf(body: Uint8Array, size: number): Preview {
  const truncated = size > body.length;
  if (looksBinary(body, truncated)) return { kind: 'binary', bytes: size };
  const text = new TextDecoder('utf-8').decode(truncated ? body.subarray(0, completeUtf8Length(body)) : body);
  return { kind: 'text', text, bytes: size, truncated };
}
