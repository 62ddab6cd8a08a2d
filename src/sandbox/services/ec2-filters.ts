// EC2's Filter.N.Name / Filter.N.Value.M matching: values are ORed, filters ANDed, `*` and `?`
// are wildcards, and tag:<key>, tag-key and tag-value work for every resource with Tags.
import { fault } from '../fault.js';
import type { Tag } from '../state.js';

export type FilterAccessors<T> = Record<string, (item: T) => unknown>;

interface Filter { Name?: string; Values?: string[] }

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
}

function asStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(asStrings);
  return [String(value)];
}

export function applyFilters<T extends { Tags?: Tag[] }>(items: T[], filters: Filter[] | undefined, accessors: FilterAccessors<T>): T[] {
  if (!filters?.length) return items;
  const tests = filters.map((filter) => {
    const name = filter.Name ?? '';
    const patterns = (filter.Values ?? []).map(wildcard);
    let get: ((item: T) => unknown) | undefined = accessors[name];
    if (name.startsWith('tag:')) {
      const key = name.slice(4);
      get = (item) => item.Tags?.filter((t) => t.Key === key).map((t) => t.Value);
    } else if (name === 'tag-key') get = (item) => item.Tags?.map((t) => t.Key);
    else if (name === 'tag-value') get = (item) => item.Tags?.map((t) => t.Value);
    if (!get) throw fault('InvalidParameterValue', `The filter '${name}' is invalid`);
    const read = get;
    return (item: T) => asStrings(read(item)).some((v) => patterns.some((p) => p.test(v)));
  });
  return items.filter((item) => tests.every((t) => t(item)));
}
