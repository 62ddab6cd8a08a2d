// A resource view's tasks (S3 download, upload, delete, …): the handler behind each task's key,
// which runs the named implementation on the picked or selected rows without waiting for it, and
// says what went wrong. A task that asked and was cancelled (Esc) ends quietly.
import type { ResourceDescriptor, Scope } from '../../../services/types.js';
import { useServices } from '../dashboard-context.js';
import { PromptCancelledError } from '../identity-state.js';
import type { BrowseRow } from './listing.js';
import { ActionProblem } from './row-actions.js';
import { taskRunners } from './tasks/index.js';

export interface ViewTasksInput {
  descriptor: ResourceDescriptor;
  scope: Scope;
  profile: string;
  regionOf(row: BrowseRow | undefined): string;
  chosenRows(): BrowseRow[];
  clearPicked(): void;
  reload(): void;
}

export function useViewTasks({ descriptor, scope, profile, regionOf, chosenRows, clearPicked, reload }: ViewTasksInput): Record<string, () => void> {
  const { dashboard, transfers, copyToClipboard, cwd } = useServices();
  const handlers: Record<string, () => void> = {};
  for (const task of descriptor.tasks ?? []) {
    const run = taskRunners[task.task];
    if (!run) continue;
    handlers[`${descriptor.id}.${task.command}`] = () => {
      const rows = task.onRows ? chosenRows() : [];
      if (task.onRows && !rows.length) return;
      if (task.onRows) clearPicked();
      const context = { dashboard, transfers, copyToClipboard, cwd, profile, region: regionOf(rows[0]), scope, items: rows.map((r) => r.item), reload };
      void run(context).catch((error: unknown) => {
        if (error instanceof PromptCancelledError) return;
        if (error instanceof ActionProblem) {
          dashboard.prompts.showMessage(`Not done: ${task.description}`, error.message);
          return;
        }
        dashboard.errors.record(error, profile);
        dashboard.prompts.showMessage(`${task.description} failed`, (error as Error).message);
      });
    };
  }
  return handlers;
}
