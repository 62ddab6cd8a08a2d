// The title line of a resource view (what, how many shown of how many, loading progress), and the
// problem in place of the table when the listing failed: the service's words and what to do.
import { Box, Text } from 'ink';
import { useServices } from '../src/app/dashboard-context.js';
import type { FanOutState } from '../src/app/browse/fan-out.js';
import type { ListingState } from '../src/app/browse/listing.js';
import type { ShownTable } from '../src/app/browse/use-resource-table.js';
import { explainViewError } from '../src/app/browse/view-errors.js';
import { visibleText } from '../src/app/sanitize.js';

export interface StatusProps {
  title: string;
  flat: boolean;
  /** Follow mode is on: new rows are being asked for. */
  following?: boolean;
  shown: ShownTable;
  state: ListingState;
  query: string;
  width: number;
  where: { profile: string; region: string; service: string; operation: string };
  /** Rows picked with space for an action. */
  picked?: number;
}

/** The lines a view of several regions or profiles shows above its table: one per failed place, three at most. */
export function regionProblemLines(state: ListingState): string[] {
  const problems = (state as FanOutState).problems ?? [];
  return problems.length <= 3 ? problems : [...problems.slice(0, 2), `… and ${problems.length - 2} more failed`];
}

function progress(state: ListingState): string {
  const { parts, noun } = state as FanOutState;
  const pages = `${state.pages} page${state.pages === 1 ? '' : 's'}${parts ? ` in ${parts} ${noun ?? 'regions'}` : ''}`;
  switch (state.status) {
    case 'loading': return state.pages ? `loading more… ${pages} (^x stops)` : 'loading…';
    case 'done': return pages;
    case 'stopped': return `stopped after ${pages} (R reloads)`;
    case 'error': return `failed after ${pages}`;
  }
}

export function ResourceStatus({ title, flat, following, shown, state, query, width, where, picked = 0 }: StatusProps) {
  const { theme } = useServices();
  const problem = state.status === 'error' ? explainViewError(state.error, where) : undefined;
  const counts = shown.count === shown.total ? `${shown.total}` : `${shown.count}/${shown.total}`;
  const header = (
    <Text wrap="truncate">
      <Text bold>{visibleText(title)}</Text>
      {flat ? <Text {...theme.info}> [flat]</Text> : null}
      {following ? <Text {...theme.info}> [following]</Text> : null}
      <Text {...theme.muted}>  {counts} {shown.total === 1 ? 'row' : 'rows'} · {progress(state)}</Text>
      {picked ? <Text {...theme.accent}>  {picked} picked</Text> : null}
      {query ? <Text {...theme.accent}>  query: {visibleText(query)}</Text> : null}
    </Text>
  );
  const regionLines = regionProblemLines(state);
  if (!problem && regionLines.length) {
    return (
      <Box flexDirection="column" width={width}>
        {header}
        {regionLines.map((line, i) => <Text key={i} {...theme.danger} wrap="truncate">{visibleText(line)}</Text>)}
      </Box>
    );
  }
  if (!problem) return header;
  if (shown.total > 0) {
    // The problem takes only the room the title line leaves ("failed after 1 page" stays whole).
    return (
      <Box width={width}>
        {header}
        <Box flexBasis={0} flexGrow={1}><Text {...theme.danger} wrap="truncate">  {visibleText(problem.title)}: {visibleText(problem.hint)}</Text></Box>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      {header}
      <Text {...theme.danger} bold>{visibleText(problem.title)}</Text>
      <Text wrap="wrap">{visibleText(problem.message)}</Text>
      <Text {...theme.muted} wrap="wrap">{visibleText(problem.hint)}</Text>
    </Box>
  );
}
