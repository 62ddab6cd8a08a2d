// SSO device-code login: where to go, the code to check, time left; Esc cancels the wait.
import { Text } from 'ink';
import { useKeyLayer, useNow, useServices } from '../src/app/dashboard-context.js';
import { formatTimeLeft } from '../src/app/identity-state.js';
import type { SsoPrompt } from '../src/app/prompts.js';
import { Modal } from './Modal.js';

export function SsoModal({ prompt, width }: { prompt: SsoPrompt; width: number }) {
  const { dashboard, theme } = useServices();
  const now = useNow();
  useKeyLayer('modal', (key) => {
    if (key.name === 'escape') dashboard.prompts.cancel();
    return true;
  });
  const { info, browser } = prompt;
  const opened = prompt.browserOpened ? 'browser opened' : 'open the address above in a browser';
  return (
    <Modal title={`SSO login for ${prompt.profile}`} width={width} hint="esc cancel">
      {prompt.notice ? <Text wrap="wrap" {...theme.info}>{prompt.notice}</Text> : null}
      {info ? (
        <>
          <Text wrap="wrap">Open <Text {...theme.accent}>{info.verificationUriComplete ?? info.verificationUri}</Text></Text>
          <Text>and check the code <Text bold {...theme.accent}>{info.userCode}</Text></Text>
          <Text {...theme.muted}>{opened} · expires in {formatTimeLeft(info.expiresAt, now)}</Text>
          <Text {...theme.muted}>waiting for approval…</Text>
        </>
      ) : browser ? (
        <>
          <Text wrap="wrap">Sign in at <Text {...theme.accent}>{browser.url}</Text></Text>
          <Text {...theme.muted}>{opened} · waiting {formatTimeLeft(browser.expiresAt, now)} more for the browser to return</Text>
        </>
      ) : <Text {...theme.muted}>starting the sign-in…</Text>}
    </Modal>
  );
}
