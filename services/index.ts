// Every resource view, by id and by palette word. Adding a view = a descriptor here and its test.
import { ec2Views } from './ec2.js';
import { s3Views } from './s3.js';
import type { ResourceDescriptor } from './types.js';

export const resourceViews: ResourceDescriptor[] = [...ec2Views, ...s3Views];

export function viewById(id: string): ResourceDescriptor | undefined {
  return resourceViews.find((v) => v.id === id);
}

/** The view a palette word names (`ec2`, `sg`, `buckets`). */
export function viewByAlias(word: string): ResourceDescriptor | undefined {
  const lower = word.toLowerCase();
  return resourceViews.find((v) => v.aliases.includes(lower));
}

export type { ResourceDescriptor, ColumnSpec, Scope, Child, DetailCall, Where } from './types.js';
