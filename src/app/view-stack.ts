// The body is a stack of views: Enter/d drills in (push), Esc goes back (pop), `p` jumps home (reset).
import type { ResourceDescriptor, Scope } from '../../services/types.js';

export type ViewId = 'profiles' | 'profile-detail' | 'why' | 'errors' | 'populate' | 'resource' | 'detail';

/** A resource view: which descriptor, for what scope, where. */
export interface ResourceEntry {
  descriptor: ResourceDescriptor;
  scope: Scope;
  region: string;
  /** Breadcrumb text (`my-bucket`, `photos/`). */
  label: string;
  flat?: boolean;
  /** Listed across these profiles (picked on the home), with Profile and Account columns. */
  profiles?: string[];
}

/** A detail: loaded when shown (a describe/head call, or the row's object). */
export interface DetailEntry {
  title: string;
  load(): Promise<unknown>;
  consoleUrl?: string;
  /** Where the resource is (the console page's region, for `o`). */
  region?: string;
}

export interface ViewEntry {
  id: ViewId;
  /** e.g. the profile a detail view is about; the profile a resource view lists with. */
  profile?: string;
  /** The sso-session a populate view lists. */
  ssoSession?: string;
  resource?: ResourceEntry;
  detail?: DetailEntry;
}

export type ViewStack = ViewEntry[];

export type ViewStackAction =
  | { type: 'push'; view: ViewEntry }
  | { type: 'pop' }
  | { type: 'reset'; view: ViewEntry };

const sameView = (a: ViewEntry, b: ViewEntry) => a.id === b.id && a.profile === b.profile && a.ssoSession === b.ssoSession
  && a.detail === b.detail && JSON.stringify(a.resource && [a.resource.descriptor.id, a.resource.scope, a.resource.region, a.resource.profiles])
    === JSON.stringify(b.resource && [b.resource.descriptor.id, b.resource.scope, b.resource.region, b.resource.profiles]);

export function viewStackReducer(stack: ViewStack, action: ViewStackAction): ViewStack {
  switch (action.type) {
    case 'push': {
      // Opening the view already on top is a no-op rather than a duplicate entry.
      const top = stack[stack.length - 1];
      if (top && sameView(top, action.view)) return stack;
      return [...stack, action.view];
    }
    case 'pop': return stack.length > 1 ? stack.slice(0, -1) : stack;
    case 'reset': return [action.view];
  }
}

export const topView = (stack: ViewStack): ViewEntry => stack[stack.length - 1];

/**
 * Where the top view is: `profile › region › S3 buckets › my-bucket › photos/ › a.jpg`. A view
 * opened from the palette (no scope) starts the trail again: `:ec2 eu-west-1` over a us-east-1
 * view is in eu-west-1, not under it.
 */
export function breadcrumb(stack: ViewStack): string[] {
  let parts: string[] = [];
  // The region named last: a child in another region (a bucket's objects) says where it is.
  let region = '';
  for (const entry of stack) {
    if (entry.resource) {
      const { descriptor, scope, label } = entry.resource;
      const here = descriptor.global ? 'global' : entry.resource.region;
      if (Object.keys(scope).length === 0) parts = [];
      const who = entry.resource.profiles ? `${entry.resource.profiles.length} profiles` : entry.profile ?? '(no profile)';
      if (parts.length === 0) parts.push(who, here, descriptor.title);
      else parts.push(here === region ? label : `${label} (${here})`);
      region = here;
    } else if (entry.detail && parts.length) parts.push(entry.detail.title);
  }
  return parts;
}
