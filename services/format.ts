// Small shared pieces of descriptors: tag lookups, sizes, ARNs and console links.

/** JMESPath for a tag's value on an item with a `Tags` list. */
export const tagPath = (key: string) => `Tags[?Key=='${key}'].Value | [0]`;

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → `1.5 KiB`; as `aws s3 ls --human-readable` rounds (one decimal). */
export function humanBytes(value: unknown): string {
  if (typeof value !== 'number' && typeof value !== 'bigint') return '';
  let size = Number(value);
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return unit === 0 ? `${size} B` : `${size.toFixed(1)} ${units[unit]}`;
}

/** The partition of a region, for ARNs and console hosts. */
export function partitionOf(region: string): { name: string; console: string } {
  if (region.startsWith('cn-')) return { name: 'aws-cn', console: 'console.amazonaws.cn' };
  if (region.startsWith('us-gov-')) return { name: 'aws-us-gov', console: 'console.amazonaws-us-gov.com' };
  return { name: 'aws', console: 'console.aws.amazon.com' };
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `2024-05-01T08:30:00+00:00` → `2024-05-01 08:30`: minutes are enough in a table (the detail has the rest). */
export function shortTime(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text);
  return match ? `${match[1]} ${match[2]}` : text;
}
