// The SSO populate list without Ink: which assignments a filter shows, and the selection by key.
import type { SsoAssignment } from './engine-port.js';
import { visibleText } from './sanitize.js';
import type { Column } from './table-layout.js';
import { FilterList } from './sso/filter-list.js';

export const populateColumns: Column[] = [
  { id: 'mark', title: '', min: 3, max: 3 },
  { id: 'account', title: 'ACCOUNT', min: 8, max: 30, grow: 1 },
  { id: 'id', title: 'ID', min: 12, max: 12 },
  { id: 'role', title: 'ROLE', min: 6, max: 30, grow: 1 },
  { id: 'profile', title: 'PROFILE', min: 8, max: 40, grow: 2 },
  { id: 'status', title: 'STATUS', min: 9, max: 9 },
];

export const assignmentKey = (a: Pick<SsoAssignment, 'accountId' | 'roleName'>) => `${a.accountId}/${a.roleName}`;

export function assignmentFilter(assignments: SsoAssignment[]): FilterList<SsoAssignment> {
  return new FilterList(assignments.map((a) => ({ label: `${a.accountName} ${a.accountId} ${a.roleName} ${a.profileName}`, value: a })));
}

export function populateCells(shown: SsoAssignment[], selected: ReadonlySet<string>): string[][] {
  // Names come from the SSO portal and the config file: drawn only escaped.
  return shown.map((a) => [selected.has(assignmentKey(a)) ? '[x]' : selectable(a) ? '[ ]' : ' - ',
    visibleText(a.accountName), visibleText(a.accountId), visibleText(a.roleName), visibleText(a.profileName), a.status]);
}

export function toggle(selected: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(key)) next.add(key);
  return next;
}

/** A pair with a hand-made profile is never populated, so it cannot be picked. */
export const selectable = (a: SsoAssignment) => a.status !== 'exists';

/** `a`: selects every shown row, or unselects them all when they already are. */
export function toggleAll(selected: ReadonlySet<string>, shown: SsoAssignment[]): Set<string> {
  const keys = shown.filter(selectable).map(assignmentKey);
  const next = new Set(selected);
  if (keys.every((k) => next.has(k))) for (const k of keys) next.delete(k);
  else for (const k of keys) next.add(k);
  return next;
}
