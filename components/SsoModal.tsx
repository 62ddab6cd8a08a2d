// SSO device-code login: where to go, the code to check, time left; Esc cancels the wait. In the
// demo, `a` approves the code as the demo user (there may be no browser to click Allow in).
import { Text } from 'ink';
import { useState } from 'react';
import { useKeyLayer, useNow, useServices } from '../src/app/dashboard-context.js';
import { formatTimeLeft } from '../src/app/identity-state.js';
import type { SsoPrompt } from '../src/app/prompts.js';
import { visibleText } from '../src/app/sanitize.js';
import { Modal } from './Modal.js';

type Approval = { code: string; state: 'sending' | 'sent' } | { code: string; state: 'failed'; message: string };

export function SsoModal({ prompt, width }: { prompt: SsoPrompt; width: number }) {
  const { dashboard, theme, demo } = useServices();
  const now = useNow();
  const { info, browser } = prompt;
  const approveSignIn = info ? demo?.approveSignIn : undefined;
  const [approval, setApproval] = useState<Approval>();
  useKeyLayer('modal', (key) => {
    if (key.name === 'escape') dashboard.prompts.cancel();
    else if (key.name === 'a' && approveSignIn && info && approval?.state !== 'sending') {
      const code = info.userCode;
      setApproval({ code, state: 'sending' });
      approveSignIn(code).then(
        () => setApproval({ code, state: 'sent' }),
        (error: unknown) => setApproval({ code, state: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    }
    return true;
  });
  // Only about the code on screen: a new code (a retried login) starts without a verdict.
  const verdict = approval && approval.code === info?.userCode ? approval : undefined;
  const opened = prompt.browserOpened ? 'browser opened' : 'open the address above in a browser';
  return (
    <Modal title={`SSO login for ${prompt.profile}`} width={width} hint={approveSignIn ? 'a approve as demo user  esc cancel' : 'esc cancel'}>
      {prompt.notice ? <Text wrap="wrap" {...theme.info}>{visibleText(prompt.notice)}</Text> : null}
      {info ? (
        <>
          <Text wrap="wrap">Open <Text {...theme.accent}>{visibleText(info.verificationUriComplete ?? info.verificationUri)}</Text></Text>
          <Text>and check the code <Text bold {...theme.accent}>{visibleText(info.userCode)}</Text></Text>
          <Text {...theme.muted}>{opened} · expires in {formatTimeLeft(info.expiresAt, now)}</Text>
          {verdict?.state === 'failed'
            ? <Text wrap="wrap" {...theme.danger}>demo approval failed: {visibleText(verdict.message)}</Text>
            : <Text {...theme.muted}>{verdict?.state === 'sent' ? 'approved as the demo user; signing in…' : verdict ? 'approving as the demo user…' : 'waiting for approval…'}</Text>}
        </>
      ) : browser ? (
        <>
          <Text wrap="wrap">Sign in at <Text {...theme.accent}>{visibleText(browser.url)}</Text></Text>
          <Text {...theme.muted}>{opened} · waiting {formatTimeLeft(browser.expiresAt, now)} more for the browser to return</Text>
        </>
      ) : <Text {...theme.muted}>starting the sign-in…</Text>}
    </Modal>
  );
}
