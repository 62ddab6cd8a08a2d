// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30 s steps, 6 digits), as virtual MFA
// devices and authenticator apps compute them. Exported so the demo can show the current code.
import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = BASE32_ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error(`invalid base32 character ${JSON.stringify(ch)}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function hotp(secret: Buffer, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/** The 6-digit code for `time` (a Date or epoch milliseconds; default now). */
export function totp(seedBase32: string, time: Date | number = Date.now()): string {
  const ms = typeof time === 'number' ? time : time.getTime();
  return hotp(base32Decode(seedBase32), Math.floor(ms / 1000 / TOTP_STEP_SECONDS));
}

/** True when `code` matches the step at `time` or one step either side (clock drift). */
export function verifyTotp(seedBase32: string, code: string, time: Date | number = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const ms = typeof time === 'number' ? time : time.getTime();
  const secret = base32Decode(seedBase32);
  const step = Math.floor(ms / 1000 / TOTP_STEP_SECONDS);
  return [step - 1, step, step + 1].some((s) => hotp(secret, s) === code);
}
