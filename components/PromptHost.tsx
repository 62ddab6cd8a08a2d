// Shows the prompt the engine is waiting on; every prompt is on the modal layer and owns the keyboard.
import type { OpenPrompt } from '../src/app/prompts.js';
import { ActionConfirmModal } from './ActionConfirmModal.js';
import { ConfirmWriteModal } from './ConfirmWriteModal.js';
import { MessageModal } from './MessageModal.js';
import { MfaModal } from './MfaModal.js';
import { SsoModal } from './SsoModal.js';

export function PromptHost({ prompt, width, height }: { prompt: OpenPrompt; width: number; height: number }) {
  switch (prompt.kind) {
    case 'mfa': return <MfaModal prompt={prompt} width={width} />;
    case 'sso': return <SsoModal prompt={prompt} width={width} />;
    case 'confirm': return <ConfirmWriteModal prompt={prompt} width={width} height={height} />;
    case 'message': return <MessageModal prompt={prompt} width={width} />;
    case 'action': return <ActionConfirmModal prompt={prompt} width={width} height={height} />;
  }
}
