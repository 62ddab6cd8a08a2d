// A resource view's row actions: rows picked with space (kept by id across reloads), the handler
// of each descriptor action, and, after an action, the listing reloaded until the rows settle.
import { useEffect, useRef, useState } from 'react';
import type { ResourceDescriptor, Scope } from '../../../services/types.js';
import { useServices } from '../dashboard-context.js';
import { PromptCancelledError } from '../identity-state.js';
import type { BrowseRow, ListingState } from './listing.js';
import { ActionProblem, describeRow, runRowAction } from './row-actions.js';

/** How often, and for how long, the rows are listed again until every acted-on row has settled. */
const SETTLE_EVERY_MS = 1500;
const SETTLE_FOR_MS = 120_000;

export interface RowActionsInput {
  descriptor: ResourceDescriptor;
  scope: Scope;
  profile: string;
  /** The region a row is in (a view of every region has rows of many). */
  regionOf(row: BrowseRow): string;
  /** Every row of the listing, and the selected one (undefined on an empty table or a query). */
  rows: () => BrowseRow[];
  selected: BrowseRow | undefined;
  state: ListingState;
  reload(): void;
}

export function useRowActions({ descriptor, scope, profile, regionOf, rows, selected, state, reload }: RowActionsInput) {
  const { dashboard } = useServices();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const settling = useRef<{ ids: string[]; until: number; settled: (item: Record<string, unknown>) => boolean }>(undefined);
  const idOf = (item: Record<string, unknown>) => describeRow(descriptor, item).id;

  const togglePick = () => {
    if (!selected) return;
    const id = idOf(selected.item);
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };

  /** The rows an action works on: the picked ones, else the selected one. */
  const chosenRows = () => (picked.size ? rows().filter((r) => picked.has(idOf(r.item))) : selected ? [selected] : []);

  const handlers: Record<string, () => void> = {};
  for (const action of descriptor.actions ?? []) {
    handlers[`${descriptor.id}.${action.command}`] = () => {
      const chosen = chosenRows();
      if (!chosen.length) return;
      const regions = [...new Set(chosen.map(regionOf))];
      if (regions.length > 1) {
        dashboard.prompts.showMessage(`Not done: ${action.description}`, `The picked rows are in ${regions.length} regions (${regions.join(', ')}): an action works on the rows of one region at a time.`);
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

  return { picked, togglePick, handlers, chosenRows, clearPicked: () => setPicked(new Set()), isPicked: (item: Record<string, unknown>) => picked.size > 0 && picked.has(idOf(item)) };
}
