// Key hints from the registry: the actions enabled right now that are marked for the footer.
import { Text } from 'ink';
import { enabledActions, type ActionContext } from '../src/app/actions.js';
import { useServices } from '../src/app/dashboard-context.js';
import { displayKey } from '../src/app/keys.js';
import { cellWidth } from '../src/app/table-layout.js';

export function Footer({ scopes, ctx, width, notice }: { scopes: string[]; ctx: ActionContext; width: number; notice?: string }) {
  const { actions, theme } = useServices();
  if (notice) return <Text wrap="truncate" {...theme.warn}>{notice}</Text>;
  const rank = (scope: string) => scopes.indexOf(scope);
  const enabled = enabledActions(actions, scopes, ctx).sort((a, b) => rank(a.scope) - rank(b.scope));
  // A key shows under the action it really runs here: `/` is search in a detail, not the table filter,
  // and Esc clears an active filter before it goes back.
  const runs = (a: (typeof enabled)[number]) => enabled.find((b) => b.keys.includes(a.keys[0])) === a;
  const hints = enabled.filter((a) => a.footer && a.keys.length && runs(a));
  // Drop hints that do not fit rather than wrapping (the footer is one line), but keep `help`.
  const help = hints.find((a) => a.id === 'help');
  const shown: typeof hints = [];
  let used = help ? cellWidth(`${displayKey(help.keys[0])} ${help.description}  `) : 0;
  for (const a of hints.filter((h) => h !== help)) {
    const size = cellWidth(`${displayKey(a.keys[0])} ${a.description}  `);
    if (used + size > width) break;
    shown.push(a);
    used += size;
  }
  if (help) shown.push(help);
  return (
    <Text wrap="truncate">
      {shown.map((a) => (
        <Text key={a.id}>
          <Text {...theme.key}>{displayKey(a.keys[0])}</Text>
          <Text {...theme.muted}> {a.description}  </Text>
        </Text>
      ))}
    </Text>
  );
}
