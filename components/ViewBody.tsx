// Every view on the stack stays mounted (so Esc returns to the same row and filter); only the top
// one is shown and receives keys.
import { Box } from 'ink';
import type { ActionContext } from '../src/app/actions.js';
import type { ViewEntry, ViewStack } from '../src/app/view-stack.js';
import { DetailView } from './DetailView.js';
import { ErrorsView } from './ErrorsView.js';
import { PopulateView } from './PopulateView.js';
import { ProfilesView } from './ProfilesView.js';
import { ResourceView } from './ResourceView.js';
import { WhyView } from './WhyView.js';

export interface ViewProps {
  entry: ViewEntry;
  width: number;
  height: number;
  active: boolean;
  push(entry: ViewEntry): void;
  onContext(ctx: Pick<ActionContext, 'row' | 'filtered'>): void;
}

export function ViewBody({ stack, width, height, hidden, push, onContext }: { stack: ViewStack; hidden: boolean } & Omit<ViewProps, 'entry' | 'active'>) {
  return (
    <>
      {stack.map((entry, index) => {
        const active = index === stack.length - 1 && !hidden;
        const props = { entry, width, height, active, push, onContext };
        return (
          <Box key={`${index}:${entry.id}`} display={active ? 'flex' : 'none'} flexDirection="column" height={height}>
            {entry.id === 'profiles' ? <ProfilesView {...props} /> : null}
            {entry.id === 'why' || entry.id === 'profile-detail' ? <WhyView {...props} /> : null}
            {entry.id === 'errors' ? <ErrorsView {...props} /> : null}
            {entry.id === 'populate' ? <PopulateView {...props} /> : null}
            {entry.id === 'resource' ? <ResourceView {...props} /> : null}
            {entry.id === 'detail' ? <DetailView {...props} /> : null}
          </Box>
        );
      })}
    </>
  );
}
