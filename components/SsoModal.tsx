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
  const info = prompt.info;
  return (
    <Modal title={`SSO login for ${prompt.profile}`} width={width} hint="esc cancel">
      {!info ? <Text {...theme.muted}>starting device authorization…</Text> : (
        <>
          <Text wrap="wrap">Open <Text {...theme.accent}>{info.verificationUriComplete ?? info.verificationUri}</Text></Text>
          <Text>and check the code <Text bold {...theme.accent}>{info.userCode}</Text></Text>
          <Text {...theme.muted}>{prompt.browserOpened ? 'browser opened' : 'open the address above in a browser'} · expires in {formatTimeLeft(info.expiresAt, now)}</Text>
          <Text {...theme.muted}>waiting for approval…</Text>
        </>
      )}
    </Modal>
  );
}
