// Two lines: who and where (profile, account, region, time left, badges), then the principal, or
// in the resource browser the trail of where you are (profile › region › view › …).
import { Box, Text } from 'ink';
import { useNow, useReadOnly, useServices } from '../src/app/dashboard-context.js';
import { formatTimeLeft, principalOf, stateLabel } from '../src/app/identity-state.js';
import { visibleText } from '../src/app/sanitize.js';
import { useStore } from '../src/app/store.js';

export function Header({ width, trail }: { width: number; trail?: string[] }) {
  const { dashboard, theme, demo } = useServices();
  const readOnly = useReadOnly();
  const session = useStore(dashboard.session);
  const { identities } = useStore(dashboard.profiles);
  const now = useNow();
  // Looked up by the active profile's name only, so a switch never shows the previous identity.
  const state = session.profile ? identities[session.profile] : undefined;
  const identity = state?.status === 'valid' ? state.identity : undefined;
  const left = formatTimeLeft(identity?.expiresAt, now);
  const account = identity ? visibleText(`${identity.account}${identity.accountAlias ? ` (${identity.accountAlias})` : ''}`) : '–';
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Box flexGrow={1}>
          <Text wrap="truncate">
            <Text {...theme.accent} bold>awsdeck</Text>
            <Text {...theme.muted}> profile </Text><Text bold>{session.profile !== undefined ? visibleText(session.profile) : '(none)'}</Text>
            <Text {...theme.muted}> account </Text><Text>{account}</Text>
            <Text {...theme.muted}> region </Text><Text>{session.region !== undefined ? visibleText(session.region) : '(none)'}</Text>
            {left ? <Text {...(left === 'expired' ? theme.danger : theme.muted)}> {left === 'expired' ? 'expired' : `${left} left`}</Text> : null}
          </Text>
        </Box>
        {demo ? <Text {...theme.badgeDemo}> DEMO </Text> : null}
        {readOnly ? <Text {...theme.badgeReadOnly}> READ-ONLY </Text> : null}
      </Box>
      {trail?.length ? <Text wrap="truncate" {...theme.info}>{trail.map(visibleText).join(' › ')}</Text> : <Text wrap="truncate" {...theme.muted}>
        {visibleText(identity ? principalOf(identity.arn) : session.profile ? stateLabel(state, now) : 'no profile selected: p for profiles')}
      </Text>}
    </Box>
  );
}
