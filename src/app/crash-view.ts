// Where the person is in the dashboard, kept outside React so a crash report can say it after the
// component tree is gone. Only kinds of view (and descriptor ids) are kept: never a name from AWS
// or the config files.
import type { ViewStack } from './view-stack.js';

let current = 'profiles';

export function recordViewForCrashReport(stack: ViewStack): void {
  current = stack.map((entry) => (entry.resource ? `${entry.id}(${entry.resource.descriptor.id})` : entry.id)).join(' > ');
}

export function viewForCrashReport(): string {
  return current;
}
