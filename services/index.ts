// Every resource view, by id and by palette word. Adding a view = a descriptor here and its test.
import { audit } from './audit.js';
import { cloudformationViews } from './cloudformation.js';
import { cloudtrailViews } from './cloudtrail.js';
import { ec2Views } from './ec2.js';
import { ec2ImageViews } from './ec2-images.js';
import { iamViews } from './iam.js';
import { lambdaViews } from './lambda.js';
import { logsViews } from './logs.js';
import { s3Views } from './s3.js';
import type { ResourceDescriptor } from './types.js';

export const resourceViews: ResourceDescriptor[] = [
  ...ec2Views, ...ec2ImageViews, ...s3Views, ...iamViews, ...lambdaViews, ...cloudformationViews, ...logsViews, ...cloudtrailViews, audit,
];

export function viewById(id: string): ResourceDescriptor | undefined {
  return resourceViews.find((v) => v.id === id);
}

/** The view a palette word names (`ec2`, `sg`, `buckets`). */
export function viewByAlias(word: string): ResourceDescriptor | undefined {
  const lower = word.toLowerCase();
  return resourceViews.find((v) => v.aliases.includes(lower));
}

export type { ResourceDescriptor, ColumnSpec, Scope, Child, ChildView, DetailCall, FollowSpec, Where } from './types.js';
