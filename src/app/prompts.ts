// In-place prompts the engine asks for through callbacks. The store holds the one open prompt; the
// modal components render it and answer through these functions.
import type { BrowserLoginInfo, DeviceCodeInfo, PendingWrite } from './engine-port.js';
import type { FormField } from './form-model.js';
import { PromptCancelledError } from './identity-state.js';
import { createStore } from './store.js';

export interface MfaPrompt { kind: 'mfa'; profile: string; serial: string; error?: string }
export interface SsoPrompt {
  kind: 'sso';
  profile: string;
  /** Device-code login: where to go and the code to check. */
  info?: DeviceCodeInfo;
  /** Browser (PKCE) login: the URL to copy if the browser did not open. */
  browser?: BrowserLoginInfo;
  browserOpened: boolean;
  notice?: string;
}
export interface ConfirmPrompt { kind: 'confirm'; write: PendingWrite; dangerous: boolean; error?: string }
export interface MessagePrompt { kind: 'message'; title: string; body: string }
/** An action on resources: `lines` say what it is done to; `typed` must be typed to go ahead (else `y`). */
export interface ActionPrompt { kind: 'action'; title: string; lines: string[]; typed?: string }

/** Answers asked for before an action (a download folder, a bucket name), one field at a time. */
export interface FormPrompt { kind: 'form'; title: string; fields: FormField[] }

export type OpenPrompt = MfaPrompt | SsoPrompt | ConfirmPrompt | MessagePrompt | ActionPrompt | FormPrompt;

export interface PromptsState { open?: OpenPrompt }

export function createPrompts() {
  const store = createStore<PromptsState>({});
  let answer: { resolve(value: never): void; reject(error: Error): void } | undefined;
  let ssoCancel: (() => void) | undefined;

  const close = () => {
    answer = undefined;
    ssoCancel = undefined;
    store.set({ open: undefined });
  };

  return {
    ...store,
    /** Asks for an MFA code. `error` is the service's message about the previous attempt. */
    askMfa(profile: string, serial: string, error?: string): Promise<string> {
      return new Promise<string>((resolve, reject) => {
        answer = { resolve, reject };
        store.set({ open: { kind: 'mfa', profile, serial, error } });
      });
    },
    submit(value: string) {
      const pending = answer as { resolve(value: string): void } | undefined;
      close();
      pending?.resolve(value);
    },
    /** Resolves with the form's answers; Esc rejects with PromptCancelledError. */
    askForm(title: string, fields: FormField[]): Promise<Record<string, string>> {
      return new Promise<Record<string, string>>((resolve, reject) => {
        answer = { resolve, reject };
        store.set({ open: { kind: 'form', title, fields } });
      });
    },
    submitForm(values: Record<string, string>) {
      const pending = answer as { resolve(value: Record<string, string>): void } | undefined;
      close();
      pending?.resolve(values);
    },
    startSso(profile: string, cancel: () => void) {
      ssoCancel = cancel;
      store.set({ open: { kind: 'sso', profile, browserOpened: false } });
    },
    /** New facts from the login in progress (code, URL, browser opened, notices). */
    updateSso(update: Partial<Omit<SsoPrompt, 'kind' | 'profile'>>) {
      const open = store.get().open;
      if (open?.kind === 'sso') store.set({ open: { ...open, ...update } });
    },
    confirmWrite(write: PendingWrite, dangerous: boolean): Promise<string> {
      return new Promise<string>((resolve, reject) => {
        answer = { resolve, reject };
        store.set({ open: { kind: 'confirm', write, dangerous } });
      });
    },
    /** Resolves when the person confirms; Esc rejects with PromptCancelledError. */
    confirmAction(title: string, lines: string[], typed?: string): Promise<string> {
      return new Promise<string>((resolve, reject) => {
        answer = { resolve, reject };
        store.set({ open: { kind: 'action', title, lines, typed } });
      });
    },
    showMessage(title: string, body: string) {
      store.set({ open: { kind: 'message', title, body } });
    },
    /** Esc on any prompt: pending engine calls see PromptCancelledError. */
    cancel() {
      const pending = answer;
      const cancelSso = ssoCancel;
      close();
      pending?.reject(new PromptCancelledError());
      cancelSso?.();
    },
    close,
  };
}

export type Prompts = ReturnType<typeof createPrompts>;
