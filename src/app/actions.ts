// The one action registry: every command the dashboard knows, with its keys. Key handling, the footer
// and the `?` help are all derived from these records, so they cannot disagree.
import { resourceViews } from '../../services/index.js';
import type { ResourceDescriptor } from '../../services/types.js';
import type { KeyPress } from './keys.js';

/** What an action's `when` may look at. Views fill in what they know. */
export interface ActionContext {
  view: string;
  readOnly: boolean;
  canGoBack: boolean;
  /** A filter is applied to the view's table (Esc clears it before going back). */
  filtered?: boolean;
  /** An S3 transfer is running (its cancel key applies). */
  transferring?: boolean;
  /** Facts about the selected row, if any (e.g. `{ kind: 'sso', state: 'needs-login' }`). */
  row?: Record<string, string | boolean | undefined>;
}

export interface ActionDef {
  id: string;
  keys: string[];
  description: string;
  /** Dangerous actions ask for confirmation and vanish in read-only mode. */
  dangerous?: boolean;
  /** Changes files on disk: also hidden in read-only mode. */
  writes?: boolean;
  /** `global`, `table` (every table view) or a view id. */
  scope: string;
  when?: (ctx: ActionContext) => boolean;
  /** Works only on a selected row for which this holds; `?` lists it whatever row is selected. */
  onRow?: (row: NonNullable<ActionContext['row']>) => boolean;
  /** Shown in the footer (help always lists everything). */
  footer?: boolean;
}

const rowIs = (key: string, ...values: string[]) => (ctx: ActionContext) =>
  values.includes(String(ctx.row?.[key]));
const rowHas = (key: string, ...values: string[]) => (row: NonNullable<ActionContext['row']>) => values.includes(String(row[key]));
// A resource view's context says whether a row is selected (its table may be empty).
const rowSelected = rowHas('selected', 'true');
// The environment row has no section in any file: nothing to edit, rename or delete.
const fileProfile = (row: NonNullable<ActionContext['row']>) => row.kind !== 'environment';

/** The registry scope of a resource view's own actions. */
export const viewScope = (descriptor: Pick<ResourceDescriptor, 'id'>) => `view:${descriptor.id}`;
export const isViewScope = (scope: string) => scope.startsWith('view:');

/** A descriptor's row actions as registry entries: they change things, so they ask first. */
function rowActionDefs(descriptor: ResourceDescriptor): ActionDef[] {
  return (descriptor.actions ?? []).map((action) => ({
    id: `${descriptor.id}.${action.command}`, keys: action.keys, description: action.description, scope: viewScope(descriptor),
    dangerous: true, onRow: rowSelected,
  }));
}

/**
 * A descriptor's tasks (S3 download, upload, …): those that change something in AWS are dangerous
 * (asked first, hidden in read-only mode); those on rows need a selected row.
 */
function taskDefs(descriptor: ResourceDescriptor): ActionDef[] {
  return (descriptor.tasks ?? []).map((task) => ({
    id: `${descriptor.id}.${task.command}`, keys: task.keys, description: task.description, scope: viewScope(descriptor),
    ...(task.mutates ? { dangerous: true } : {}), ...(task.onRows ? { onRow: rowSelected } : {}),
  }));
}

export const defaultActions: ActionDef[] = [
  { id: 'help', keys: ['?'], description: 'help: every key', scope: 'global', footer: true },
  { id: 'quit', keys: ['q'], description: 'quit', scope: 'global', footer: true, when: (c) => !c.canGoBack },
  { id: 'back', keys: ['escape'], description: 'back', scope: 'global', footer: true, when: (c) => c.canGoBack },
  { id: 'command', keys: [':'], description: 'command palette', scope: 'global', footer: true },
  { id: 'profiles', keys: ['p'], description: 'profiles', scope: 'global', when: (c) => c.view !== 'profiles' },
  { id: 'region', keys: ['r'], description: 'switch region', scope: 'global' },
  { id: 'why', keys: ['i'], description: 'why this identity?', scope: 'global' },
  { id: 'errors', keys: ['!'], description: 'recent errors', scope: 'global' },
  { id: 'transfer.cancel', keys: ['X'], description: 'cancel the S3 transfer (no new file starts; those in flight finish)', scope: 'global', footer: true, when: (c) => Boolean(c.transferring) },

  { id: 'table.down', keys: ['j', 'down'], description: 'move down', scope: 'table' },
  { id: 'table.up', keys: ['k', 'up'], description: 'move up', scope: 'table' },
  { id: 'table.top', keys: ['g', 'home'], description: 'first row', scope: 'table' },
  { id: 'table.bottom', keys: ['G', 'end'], description: 'last row', scope: 'table' },
  { id: 'table.pageDown', keys: ['pagedown', 'ctrl+f'], description: 'page down', scope: 'table' },
  { id: 'table.pageUp', keys: ['pageup', 'ctrl+b'], description: 'page up', scope: 'table' },
  { id: 'table.filter', keys: ['/'], description: 'filter', scope: 'table', footer: true },
  { id: 'table.clearFilter', keys: ['escape'], description: 'clear filter', scope: 'table', when: (c) => Boolean(c.filtered) },

  { id: 'profiles.use', keys: ['enter'], description: 'use profile', scope: 'profiles', footer: true },
  { id: 'profiles.pick', keys: [' '], description: 'pick / unpick: views opened then list across the picked profiles', scope: 'profiles' },
  { id: 'profiles.describe', keys: ['d'], description: 'details and sources', scope: 'profiles', footer: true },
  { id: 'profiles.login', keys: ['l'], description: 'SSO log in', scope: 'profiles', footer: true, onRow: rowHas('kind', 'sso') },
  { id: 'profiles.mfa', keys: ['m'], description: 'enter MFA code', scope: 'profiles', footer: true, onRow: rowHas('needsMfa', 'true') },
  { id: 'profiles.refresh', keys: ['R'], description: 'refresh identity', scope: 'profiles', footer: true },
  { id: 'profiles.refreshAll', keys: ['ctrl+r'], description: 'refresh every profile', scope: 'profiles' },
  { id: 'profiles.export', keys: ['e'], description: 'export to shell', scope: 'profiles', footer: true },
  { id: 'profiles.exec', keys: ['x'], description: 'subshell with profile', scope: 'profiles' },
  { id: 'profiles.new', keys: ['n'], description: 'new profile', scope: 'profiles', writes: true, footer: true },
  { id: 'profiles.edit', keys: ['E'], description: 'edit a key', scope: 'profiles', writes: true, footer: true, onRow: fileProfile },
  { id: 'profiles.clone', keys: ['c'], description: 'clone', scope: 'profiles', writes: true, onRow: fileProfile },
  { id: 'profiles.rename', keys: ['M'], description: 'rename (fixes source_profile refs)', scope: 'profiles', writes: true, onRow: fileProfile },
  { id: 'profiles.default', keys: ['D'], description: 'make default', scope: 'profiles', writes: true, onRow: fileProfile },
  { id: 'profiles.populate', keys: ['P'], description: 'add SSO profiles from the portal', scope: 'profiles', writes: true, footer: true, onRow: rowHas('kind', 'sso') },
  { id: 'profiles.delete', keys: ['ctrl+d'], description: 'delete', scope: 'profiles', writes: true, dangerous: true, onRow: fileProfile },

  { id: 'populate.toggle', keys: [' '], description: 'select / unselect', scope: 'populate', footer: true },
  { id: 'populate.toggleAll', keys: ['a'], description: 'select all / none (shown rows)', scope: 'populate', footer: true },
  { id: 'populate.review', keys: ['enter'], description: 'review diff, y writes', scope: 'populate', writes: true, footer: true, when: (c) => c.row?.selected !== undefined && c.row.selected !== '0' },

  { id: 'resource.open', keys: ['enter'], description: 'open / drill in', scope: 'resource', footer: true },
  { id: 'resource.describe', keys: ['d'], description: 'details (YAML/JSON)', scope: 'resource', footer: true, onRow: rowSelected },
  { id: 'resource.related', keys: ['v'], description: 'other view of the row (a stack\'s events)', scope: 'resource', footer: true, when: rowIs('hasRelated', 'true'), onRow: rowHas('related', 'true') },
  { id: 'resource.follow', keys: ['F'], description: 'follow new events / stop', scope: 'resource', footer: true, when: rowIs('canFollow', 'true') },
  { id: 'resource.sort', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], description: 'sort by column N (again: reverse, third time: off)', scope: 'resource' },
  { id: 'resource.query', keys: ['ctrl+q'], description: 'JMESPath query bar (as --query)', scope: 'resource', footer: true },
  { id: 'resource.reload', keys: ['R'], description: 'reload', scope: 'resource' },
  { id: 'resource.stop', keys: ['ctrl+x'], description: 'stop loading pages', scope: 'resource', footer: true, when: rowIs('loading', 'true') },
  { id: 'resource.flat', keys: ['f'], description: 'flat: every key under the prefix / back to folders', scope: 'resource', when: rowIs('canFlat', 'true') },
  { id: 'resource.copyId', keys: ['y'], description: 'copy id (OSC 52)', scope: 'resource', onRow: rowSelected },
  { id: 'resource.copyArn', keys: ['Y'], description: 'copy ARN (OSC 52)', scope: 'resource', onRow: rowSelected },
  { id: 'resource.copyUrl', keys: ['U'], description: 'copy console URL', scope: 'resource', onRow: rowSelected },
  { id: 'resource.openConsole', keys: ['o'], description: 'open in the AWS console (signed in as the row\'s profile)', scope: 'resource', onRow: rowSelected },
  { id: 'resource.export', keys: ['e'], description: 'export rows as shown (CSV/JSON)', scope: 'resource' },
  { id: 'resource.cli', keys: ['c'], description: 'show as CLI command', scope: 'resource' },
  { id: 'resource.pick', keys: [' '], description: 'pick / unpick the row for an action', scope: 'resource', when: rowIs('canAct', 'true'), onRow: rowSelected },

  { id: 'detail.format', keys: ['t'], description: 'YAML / JSON', scope: 'detail', footer: true },
  { id: 'detail.search', keys: ['/'], description: 'search', scope: 'detail', footer: true },
  { id: 'detail.next', keys: ['n'], description: 'next match', scope: 'detail' },
  { id: 'detail.previous', keys: ['N'], description: 'previous match', scope: 'detail' },
  { id: 'detail.copyUrl', keys: ['U'], description: 'copy console URL', scope: 'detail' },
  { id: 'detail.openConsole', keys: ['o'], description: 'open in the AWS console', scope: 'detail', when: rowIs('hasConsole', 'true') },
  { id: 'detail.reveal', keys: ['S'], description: 'show / hide secret values (keys, tokens, passwords)', scope: 'detail', footer: true },

  { id: 'errors.decode', keys: ['enter'], description: 'decode authorization message', scope: 'errors', footer: true,
    when: rowIs('encoded', 'true') },
  { id: 'errors.clear', keys: ['C'], description: 'clear errors', scope: 'errors' },
  ...resourceViews.flatMap(rowActionDefs),
  ...resourceViews.flatMap(taskDefs),
];

export function isActionEnabled(action: ActionDef, ctx: ActionContext): boolean {
  if (action.onRow && !(ctx.row && action.onRow(ctx.row))) return false;
  return isActionInView(action, ctx);
}

/** Whether the action belongs to this view as it is now, on whichever row: what `?` lists. */
export function isActionInView(action: ActionDef, ctx: ActionContext): boolean {
  if ((action.dangerous || action.writes) && ctx.readOnly) return false;
  return action.when ? action.when(ctx) : true;
}

/** The enabled action in one of `scopes` (checked in order) bound to this key. */
export function findAction(actions: ActionDef[], scopes: string[], key: KeyPress, ctx: ActionContext): ActionDef | undefined {
  for (const scope of scopes) {
    const hit = actions.find((a) => a.scope === scope && a.keys.includes(key.name) && isActionEnabled(a, ctx));
    if (hit) return hit;
  }
  return undefined;
}

/** Enabled actions of the given scopes, in registry order (for footer and help). */
export function enabledActions(actions: ActionDef[], scopes: string[], ctx: ActionContext): ActionDef[] {
  return actions.filter((a) => scopes.includes(a.scope) && isActionEnabled(a, ctx));
}

/** Every key of these scopes in this view, including those that work only on some rows. */
export function viewActions(actions: ActionDef[], scopes: string[], ctx: ActionContext): ActionDef[] {
  return actions.filter((a) => scopes.includes(a.scope) && isActionInView(a, ctx));
}

export type KeyOverrides = Record<string, string | string[]>;

/** Applies user overrides (`{"profiles.delete": "ctrl+x"}`), reporting unknown ids and clashes. */
export function applyKeyOverrides(actions: ActionDef[], overrides: KeyOverrides): { actions: ActionDef[]; warnings: string[] } {
  const warnings: string[] = [];
  const known = new Set(actions.map((a) => a.id));
  for (const id of Object.keys(overrides)) if (!known.has(id)) warnings.push(`keys.json: unknown action "${id}"`);
  const result = actions.map((a) => {
    const value = overrides[a.id];
    if (value === undefined) return a;
    const keys = (Array.isArray(value) ? value : [value]).filter((k): k is string => typeof k === 'string' && k.length > 0);
    return { ...a, keys };
  });
  // A key bound twice in one scope (or in a scope and global) would make one action unreachable.
  for (const a of result) {
    for (const b of result) {
      if (a.id >= b.id) continue;
      const overlap = a.scope === b.scope || a.scope === 'global' || b.scope === 'global';
      const shared = a.keys.filter((k) => b.keys.includes(k));
      if (overlap && shared.length && (overrides[a.id] !== undefined || overrides[b.id] !== undefined)) {
        warnings.push(`keys.json: ${shared.join(', ')} bound to both ${a.id} and ${b.id}`);
      }
    }
  }
  return { actions: result, warnings };
}
