// The SSO caches store times as `YYYY-MM-DDTHH:MM:SSZ` (UTC, no fraction), the format the AWS CLI
// writes; reading accepts whatever dateutil would, within reason (offsets, fractions, no zone = UTC).

export function formatCacheTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a cache timestamp; undefined when it is not a date at all. */
export function parseCacheTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let text = value.trim();
  // A bare date-time (no zone) is read as UTC, which is what every writer of these files means.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += 'Z';
  // `+0000` and `UTC` forms seen in older caches.
  text = text.replace(/ ?UTC$/, 'Z').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

export function secondsUntil(date: Date, now: Date): number {
  return (date.getTime() - now.getTime()) / 1000;
}
