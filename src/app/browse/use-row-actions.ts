// A resource view's row actions: rows picked with space (kept by profile, region and id across
// reloads), the handler of each descriptor action, and, after an action, the listing reloaded until
// the rows settle. An action goes to the rows' own profile and region, one of each at a time.
import { useEffect, useRef, useState } from 'react';
import type { ResourceDescriptor, Scope } from '../../../services/types.js';
import { isReadOnlyProfile, useServices } from '../dashboard-context.js';
import { PromptCancelledError } from '../identity-state.js';
import type { BrowseRow, ListingState } from './listing.js';
import { ActionProblem, describeRow, runRowAction } from './row-actions.js';

/** How often, and for how long, the rows are listed again until every acted-on row has settled. */
const SETTLE_EVERY_MS = 1500;
const SETTLE_FOR_MS = 120_000;

export interface RowActionsInput {
  descriptor: ResourceDescriptor;
  scope: Scope;
  /** The profile and region a row is in (a view of several profiles or regions has rows of many). */
  profileOf(row: BrowseRow): string;
  regionOf(row: BrowseRow): string;
  /** Every row of the listing, and the selected one (undefined on an empty table or a query). */
  rows: () => BrowseRow[];
  selected: BrowseRow | undefined;
  state: ListingState;
  reload(): void;
}

export function useRowActions({ descriptor, scope, profileOf, regionOf, rows, selected, state, reload }: RowActionsInput) {
  const { dashboard, readOnly } = useServices();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const settling = useRef<{ ids: string[]; until: number; settled: (item: Record<string, unknown>) => boolean }>(undefined);
  const idOf = (item: Record<string, unknown>) => describeRow(descriptor, item).id;
  // The same instance id can be listed under two profiles of one account: a pick is of one row.
  const pickOf = (row: BrowseRow) => JSON.stringify([profileOf(row), regionOf(row), idOf(row.item)]);

  const togglePick = () => {
    if (!selected) return;
    const id = pickOf(selected);
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };

  /** The rows an action works on: the picked ones, else the selected one. */
  const chosenRows = () => (picked.size ? rows().filter((r) => picked.has(pickOf(r))) : selected ? [selected] : []);

  const handlers: Record<string, () => void> = {};
  for (const action of descriptor.actions ?? []) {
    handlers[`${descriptor.id}.${action.command}`] = () => {
      const chosen = chosenRows();
      if (!chosen.length) return;
      const profiles = [...new Set(chosen.map(profileOf))];
      const regions = [...new Set(chosen.map(regionOf))];
      if (profiles.length > 1) {
        dashboard.prompts.showMessage(`Not done: ${action.description}`, `The picked rows are in ${profiles.length} profiles (${profiles.join(', ')}): an action works on the rows of one profile at a time.`);
        return;
      }
      if (regions.length > 1) {
        dashboard.prompts.showMessage(`Not done: ${action.description}`, `The picked rows are in ${regions.length} regions (${regions.join(', ')}): an action works on the rows of one region at a time.`);
        return;
      }
      const profile = profiles[0];
      // The view may list profiles other than the session's: each one's own read-only setting holds.
      if (!readOnly && isReadOnlyProfile(dashboard.profiles.get().profiles.find((p) => p.name === profile))) {
        dashboard.prompts.showMessage(`Not done: ${action.description}`, `Profile ${profile} is read-only (awsdeck_read_only = true): nothing was sent.`);
        return;
      }
      const items = chosen.map((r) => r.item);
      void runRowAction(dashboard, { descriptor, action, items, scope, profile, region: regions[0] }).then((outcome) => {
        setPicked(new Set());
        if (action.settled) settling.current = { ids: outcome.acted.map(idOf), until: Date.now() + SETTLE_FOR_MS, settled: action.settled };
        reload();
      }, (error: unknown) => {
        if (error instanceof PromptCancelledError) return;
        if (error instanceof ActionProblem) dashboard.prompts.showMessage(`Not done: ${action.description}`, error.message);
        else {
          dashboard.errors.record(error, profile);
          dashboard.prompts.showMessage(`${action.description} failed`, (error as Error).message);
        }
      });
    };
  }

  // Listed again until every acted-on row is settled (stopping → stopped), or for two minutes.
  useEffect(() => {
    const watch = settling.current;
    if (!watch || state.status === 'loading') return undefined;
    const byId = new Map(rows().map((r) => [idOf(r.item), r.item]));
    const waiting = watch.ids.some((id) => { const item = byId.get(id); return item !== undefined && !watch.settled(item); });
    if (!waiting || Date.now() > watch.until) {
      settling.current = undefined;
      return undefined;
    }
    const timer = setTimeout(reload, SETTLE_EVERY_MS);
    return () => clearTimeout(timer);
  }, [state.status, state.version]);

  return { picked, togglePick, handlers, chosenRows, clearPicked: () => setPicked(new Set()), isPicked: (row: BrowseRow) => picked.size > 0 && picked.has(pickOf(row)) };
}
