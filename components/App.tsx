// The shell: header, the view stack as the body, a footer of key hints, and whichever prompt is open.
// Frames are at most rows-1 high: a frame as tall as the terminal makes Ink 6 clear the screen each time.
import { Box, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { isActionInView, viewScope, type ActionContext } from '../src/app/actions.js';
import { useActions, useReadOnly, useServices, useTerminalSize } from '../src/app/dashboard-context.js';
import { recordViewForCrashReport } from '../src/app/crash-view.js';
import { createKeyFeeder } from '../src/app/key-feeder.js';
import { keyPressesFromInk } from '../src/app/keys.js';
import { breadcrumb, topView, viewStackReducer, type ViewEntry } from '../src/app/view-stack.js';
import { useStore } from '../src/app/store.js';
import { CommandPalette } from './CommandPalette.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { PromptHost } from './PromptHost.js';
import { RegionPicker } from './RegionPicker.js';
import { TransferBar, useTransferLineShown, useTransferRunning } from './TransferBar.js';
import { ViewBody } from './ViewBody.js';

export type Overlay = 'help' | 'command' | 'region' | undefined;

export function App({ size }: { size?: { columns: number; rows: number } }) {
  const services = useServices();
  const { bus, dashboard } = services;
  const readOnly = useReadOnly();
  const { stdout } = useStdout();
  const { columns, rows } = useTerminalSize(stdout as NodeJS.WriteStream, size);
  const [stack, dispatchView] = useReducer(viewStackReducer, [{ id: 'profiles' } as ViewEntry]);
  const [overlay, setOverlay] = useState<Overlay>();
  const [viewCtx, setViewCtx] = useState<Pick<ActionContext, 'row' | 'filtered'>>({});
  const prompt = useStore(dashboard.prompts).open;
  useEffect(() => recordViewForCrashReport(stack), [stack]);

  const feed = useMemo(() => createKeyFeeder((key) => {
    // Ctrl-C always quits, whatever is open: raw mode turns it into a key instead of SIGINT.
    if (key.name === 'ctrl+c') {
      services.transfers.cancel();
      services.quit();
    }
    else bus.dispatch(key);
  }), [bus, services]);
  useInput((input, key) => feed(keyPressesFromInk(input, key)));

  const view = topView(stack);
  const transferring = useTransferRunning();
  const ctx: ActionContext = { view: view.id, readOnly, canGoBack: stack.length > 1, transferring, ...viewCtx };
  const session = useStore(dashboard.session);
  useActions(['global'], ctx, {
    help: () => setOverlay('help'),
    quit: () => {
      services.transfers.cancel();
      services.quit();
    },
    'transfer.cancel': () => services.transfers.cancel(),
    back: () => dispatchView({ type: 'pop' }),
    command: () => {
      setOverlay('command');
      services.browser.prepare();
    },
    profiles: () => dispatchView({ type: 'reset', view: { id: 'profiles' } }),
    region: () => setOverlay('region'),
    why: () => dispatchView({ type: 'push', view: { id: 'why', profile: session.profile } }),
    errors: () => dispatchView({ type: 'push', view: { id: 'errors' } }),
  }, 'global');

  const width = columns;
  const frameHeight = Math.max(3, rows - 1);
  const transferShown = useTransferLineShown();
  const bodyHeight = Math.max(1, frameHeight - 3 - (transferShown ? 1 : 0));
  const scopes = [
    // A resource view's own actions (stop, start, …) come first.
    ...(view.resource ? [viewScope(view.resource.descriptor)] : []),
    ...(['profiles', 'errors', 'populate', 'resource', 'detail'].includes(view.id) ? [view.id, 'table', 'global'] : [view.id, 'global']),
  ];
  const openPopulate = (requested?: string) => {
    void dashboard.pickSsoSession(requested, session.profile).then((ssoSession) => {
      if (ssoSession) dispatchView({ type: 'push', view: { id: 'populate', ssoSession, profile: session.profile } });
    });
  };
  const modalOpen = Boolean(prompt) || overlay === 'help' || overlay === 'region';
  /** `:stop`: the view's action runs as its key would, once the palette has closed. */
  const act = (command: string): string | undefined => {
    const descriptor = view.resource?.descriptor;
    const action = descriptor && services.actions.find((a) => a.id === `${descriptor.id}.${command}`);
    if (!action) return `:${command} works in a view that has it (${command} is not an action of ${descriptor?.title ?? 'this view'})`;
    if (!isActionInView(action, ctx)) return `:${command} is not available in read-only mode`;
    if (!action.keys.length) return `:${command} has no key bound (keys.json)`;
    setTimeout(() => bus.dispatch({ name: action.keys[0] }), 0);
    return undefined;
  };
  const auditLog = () => dispatchView({
    type: 'push', view: { id: 'detail', profile: session.profile, detail: { title: 'audit log (newest last)', load: async () => dashboard.engine.auditLog() } },
  });
  return (
    <Box flexDirection="column" width={width} height={frameHeight} overflow="hidden">
      <Header width={width} trail={breadcrumb(stack)} />
      <Box height={bodyHeight} flexDirection="column" overflow="hidden">
        <ViewBody stack={stack} width={width} height={bodyHeight} hidden={modalOpen}
          push={(entry) => dispatchView({ type: 'push', view: entry })} onContext={setViewCtx} />
        {prompt ? <PromptHost prompt={prompt} width={width} height={bodyHeight} /> : null}
        {!prompt && overlay === 'help' ? <HelpOverlay scopes={scopes} ctx={ctx} width={width} height={bodyHeight} onClose={() => setOverlay(undefined)} /> : null}
        {!prompt && overlay === 'region' ? <RegionPicker height={bodyHeight} onClose={() => setOverlay(undefined)} /> : null}
      </Box>
      {transferShown ? <TransferBar /> : null}
      {overlay === 'command'
        ? <CommandPalette onClose={() => setOverlay(undefined)} openHelp={() => setOverlay('help')} populate={openPopulate} act={act} auditLog={auditLog}
            go={(id) => (id === 'profiles' ? dispatchView({ type: 'reset', view: { id } }) : dispatchView({ type: 'push', view: { id, profile: session.profile } }))}
            open={(entry) => dispatchView({ type: 'push', view: entry })} />
        : <Footer scopes={scopes} ctx={ctx} width={width} />}
    </Box>
  );
}
