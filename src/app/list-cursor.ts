// Selection within a list of rows: the moves of the table actions, clamped to the list.

export type CursorMove = 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp';

export function moveCursor(selected: number, move: CursorMove, total: number, pageSize: number): number {
  if (total === 0) return 0;
  const last = total - 1;
  const page = Math.max(1, pageSize - 1);
  const next = {
    down: selected + 1, up: selected - 1, top: 0, bottom: last,
    pageDown: selected + page, pageUp: selected - page,
  }[move];
  return Math.max(0, Math.min(last, next));
}

/** Maps a `table.*` action id to its cursor move. */
export function cursorMoveForAction(actionId: string): CursorMove | undefined {
  const move = actionId.startsWith('table.') ? actionId.slice(6) : '';
  return (['down', 'up', 'top', 'bottom', 'pageDown', 'pageUp'] as const).find((m) => m === move);
}
