// Shows the prompt the engine is waiting on; every prompt is on the modal layer and owns the keyboard.
import { useServices } from '../src/app/dashboard-context.js';
import type { OpenPrompt } from '../src/app/prompts.js';
import { ActionConfirmModal } from './ActionConfirmModal.js';
import { ConfirmWriteModal } from './ConfirmWriteModal.js';
import { FormModal } from './FormModal.js';
import { MessageModal } from './MessageModal.js';
import { MfaModal } from './MfaModal.js';
import { SsoModal } from './SsoModal.js';

export function PromptHost({ prompt, width, height }: { prompt: OpenPrompt; width: number; height: number }) {
  const { dashboard } = useServices();
  switch (prompt.kind) {
    case 'mfa': return <MfaModal prompt={prompt} width={width} />;
    case 'sso': return <SsoModal prompt={prompt} width={width} />;
    case 'confirm': return <ConfirmWriteModal prompt={prompt} width={width} height={height} />;
    case 'message': return <MessageModal prompt={prompt} width={width} />;
    case 'action': return <ActionConfirmModal prompt={prompt} width={width} height={height} />;
    // Keyed by what it asks, so a second form never starts with the first one's answers.
    case 'form': return <FormModal key={`${prompt.title}|${prompt.fields.map((f) => f.id).join()}`} title={prompt.title} fields={prompt.fields} width={Math.min(width, 90)} height={height}
      onDone={(values) => dashboard.prompts.submitForm(values)} onCancel={() => dashboard.prompts.cancel()} />;
  }
}
