// Timestamps on the wire and in the CLI's output. Inside, an instant is whole epoch seconds plus
// microseconds, because Python datetimes (and so the CLI's strings) carry microseconds.

export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

export interface Instant {
  seconds: number;
  micros: number;
}

const ISO_RE =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/;
const NUMERIC_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Python rounds the fraction of a float epoch to microseconds half-to-even. */
function epochToInstant(value: number): Instant {
  let seconds = Math.floor(value);
  const scaled = (value - seconds) * 1e6;
  let micros = Math.round(scaled);
  if (Math.abs(scaled % 1) === 0.5 && micros % 2 === 1) micros -= 1;
  if (micros >= 1_000_000) {
    seconds += 1;
    micros -= 1_000_000;
  }
  return { seconds, micros };
}

function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (/^(Z|z|UTC|GMT)$/.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

interface ParsedText extends Instant {
  /** Minutes east of UTC as written on the wire, or undefined for a naive local time. */
  offset?: number;
}

/** Read an ISO 8601 or RFC 822 string, keeping the offset it was written with. */
function parseTimestampText(text: string): ParsedText | undefined {
  const iso = ISO_RE.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = iso;
    const offset = offsetMinutes(zone);
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
    // Fractions beyond microseconds are cut, as dateutil does.
    const micros = Number(frac.padEnd(6, '0').slice(0, 6));
    return { seconds: wall - (offset ?? 0) * 60, micros, offset };
  }
  const rfc = /([+-]\d{4}|GMT|UTC|UT|Z)\s*$/.exec(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  return { seconds: Math.floor(ms / 1000), micros: (ms % 1000) * 1000, offset: rfc ? offsetMinutes(rfc[1] === 'UT' ? 'UTC' : rfc[1]) ?? 0 : 0 };
}

/** Accept what callers pass for a timestamp parameter: Date, epoch seconds, or a string. */
export function toInstant(value: unknown): Instant {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new Error('invalid timestamp: Invalid Date');
    return { seconds: Math.floor(ms / 1000), micros: (((ms % 1000) + 1000) % 1000) * 1000 };
  }
  if (typeof value === 'number') return epochToInstant(value);
  if (typeof value === 'string') {
    if (NUMERIC_RE.test(value)) return epochToInstant(Number(value));
    const parsed = parseTimestampText(value);
    if (parsed) return { seconds: parsed.seconds, micros: parsed.micros };
  }
  throw new Error(`invalid timestamp: ${String(value)}`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function utcParts(seconds: number) {
  const d = new Date(seconds * 1000);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  };
}

/** `YYYY-MM-DDTHH:MM:SSZ`, with `.ffffff` only when there are microseconds. */
export function formatIso8601(t: Instant): string {
  const { date, time } = utcParts(t.seconds);
  return `${date}T${time}${t.micros ? '.' + pad(t.micros, 6) : ''}Z`;
}

/** `Mon, 01 Jan 2024 00:00:00 GMT` (whole seconds). */
export function formatRfc822(t: Instant): string {
  return new Date(t.seconds * 1000).toUTCString();
}

/** Serialize a timestamp parameter; unix timestamps are whole seconds, as the CLI sends them. */
export function serializeTimestamp(value: unknown, format: TimestampFormat): string | number {
  const t = toInstant(value);
  if (format === 'unixTimestamp') return t.seconds;
  if (format === 'rfc822') return formatRfc822(t);
  return formatIso8601(t);
}

export function timestampFormatOf(shape: { timestampFormat?: string }, fallback: TimestampFormat): TimestampFormat {
  const trait = shape.timestampFormat?.toLowerCase();
  if (trait === 'rfc822') return 'rfc822';
  if (trait === 'unixtimestamp') return 'unixTimestamp';
  if (trait === 'iso8601') return 'iso8601';
  return fallback;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Python `datetime.isoformat()` of an instant shown at a given offset (none = naive). */
function isoformatAt(t: Instant, offset: number | undefined): string {
  const { date, time } = utcParts(t.seconds + (offset ?? 0) * 60);
  const fraction = t.micros ? '.' + pad(t.micros, 6) : '';
  return `${date}T${time}${fraction}${offset === undefined ? '' : formatOffset(offset)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two-digit number at `at`, or NaN. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 0x30;
  const ones = text.charCodeAt(at + 1) - 0x30;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : NaN;
}

/**
 * `2024-01-31T10:00:00.000Z`, the form nearly every AWS response uses, rendered as the general
 * path below would (`…+00:00`, microseconds only when there are any) but without a regular
 * expression or a Date: a listing renders one per object. Anything else is left to the general path.
 */
function renderUtcIso(raw: string): string | undefined {
  const n = raw.length;
  if (n < 20 || raw.charCodeAt(n - 1) !== 0x5a /* Z */ || raw[4] !== '-' || raw[7] !== '-' || raw[10] !== 'T' || raw[13] !== ':' || raw[16] !== ':') return undefined;
  const year = twoDigits(raw, 0) * 100 + twoDigits(raw, 2);
  const month = twoDigits(raw, 5);
  const day = twoDigits(raw, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0)) return undefined;
  if (!(twoDigits(raw, 11) <= 23 && twoDigits(raw, 14) <= 59 && twoDigits(raw, 17) <= 59)) return undefined;
  let micros = 0;
  if (n > 20) {
    if (raw[19] !== '.' || n === 21) return undefined;
    for (let i = 20; i < n - 1; i++) {
      const digit = raw.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) return undefined;
      // Fractions beyond microseconds are cut, as dateutil does.
      if (i < 26) micros += digit * 10 ** (25 - i);
    }
  }
  return `${raw.slice(0, 19)}${micros ? '.' + pad(micros, 6) : ''}+00:00`;
}

/** Minutes east of UTC of this machine's zone at that instant (Python's tzlocal()). */
function localOffsetMinutes(seconds: number): number {
  return -new Date(seconds * 1000).getTimezoneOffset();
}

/**
 * A response timestamp as the CLI shows it by default: wire strings keep their own offset, epoch
 * numbers (or numeric strings) are shown in the local zone. `wire` keeps the raw value.
 */
export function renderTimestamp(raw: string | number, mode: 'iso8601' | 'wire' = 'iso8601'): string | number {
  if (mode === 'wire') return raw;
  const utc = typeof raw === 'string' ? renderUtcIso(raw) : undefined;
  if (utc !== undefined) return utc;
  if (typeof raw === 'number' || NUMERIC_RE.test(raw)) {
    const t = epochToInstant(Number(raw));
    return isoformatAt(t, localOffsetMinutes(t.seconds));
  }
  const parsed = parseTimestampText(raw);
  if (!parsed) throw new Error(`invalid timestamp: ${raw}`);
  return isoformatAt(parsed, parsed.offset);
}
