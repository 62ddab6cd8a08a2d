// Small shared pieces of descriptors: tag lookups, sizes, ARNs and console links.

/** JMESPath for a tag's value on an item with a `Tags` list. */
export const tagPath = (key: string) => `Tags[?Key=='${key}'].Value | [0]`;

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/**
 * 1536 → `1.5 KiB`; the unit and the rounding of `aws s3 ls --human-readable`: 1048575 is `1.0 MiB`
 * (not `1024.0 KiB`), and an exact tie rounds to even as Python's `%.1f` does (5.25 GiB → `5.2 GiB`).
 */
export function humanBytes(value: unknown): string {
  if (typeof value !== 'number' && typeof value !== 'bigint') return '';
  const bytes = Number(value);
  if (bytes < 1024) return `${bytes} B`;
  let unit = 1;
  while (unit < units.length - 1 && Math.round(bytes / 1024 ** unit) >= 1024) unit++;
  return `${oneDecimal(bytes / 1024 ** unit)} ${units[unit]}`;
}

/** Python's `'%.1f' % x`: exact, ties to even (toFixed rounds an exact tie up). */
function oneDecimal(x: number): string {
  const [whole, fraction = ''] = x.toFixed(60).split('.');
  if (/^[02468]50*$/.test(fraction)) return `${whole}.${fraction[0]}`;
  return x.toFixed(1);
}

/** The partition of a region, for ARNs and console hosts. */
export function partitionOf(region: string): { name: string; console: string } {
  if (region.startsWith('cn-')) return { name: 'aws-cn', console: 'console.amazonaws.cn' };
  if (region.startsWith('us-gov-')) return { name: 'aws-us-gov', console: 'console.amazonaws-us-gov.com' };
  return { name: 'aws', console: 'console.aws.amazon.com' };
}

/** The regions of `home`'s partition: credentials never work across partitions. */
export function regionsOfPartition(regions: string[], home: string): string[] {
  const partition = partitionOf(home).name;
  return regions.filter((r) => partitionOf(r).name === partition);
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `2024-05-01T08:30:00+00:00` → `2024-05-01 08:30`: minutes are enough in a table (the detail has the rest). */
export function shortTime(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text);
  return match ? `${match[1]} ${match[2]}` : text;
}

/** Milliseconds since the epoch (CloudWatch Logs' timestamps) → `2024-05-01 08:30:05` in UTC. */
export function epochMsTime(value: unknown): string {
  if (typeof value !== 'number' && typeof value !== 'bigint') return '';
  const date = new Date(Number(value));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace('T', ' ').slice(0, 19);
}
