// Recent errors with what a person needs to act on them: request id, and for AccessDenied the
// action, resource and principal (and the encoded authorization message, decodable on demand).
import { createStore, type Store } from './store.js';

export interface ErrorRecord {
  id: number;
  at: Date;
  profile?: string;
  operation?: string;
  code: string;
  message: string;
  requestId?: string;
  /** AccessDenied details parsed from the message. */
  action?: string;
  resource?: string;
  principal?: string;
  encodedMessage?: string;
  decoded?: string;
}

export interface ErrorLogState { errors: ErrorRecord[] }

const maxErrors = 50;

/** Pulls action/resource/principal out of AWS's AccessDenied wording, which is stable enough to parse. */
export function parseAccessDenied(message: string): Pick<ErrorRecord, 'action' | 'resource' | 'principal' | 'encodedMessage'> {
  const principal = /User: (\S+)/.exec(message)?.[1];
  const action = /perform: (\S+)/.exec(message)?.[1] ?? /to perform this operation/.exec(message)?.[0];
  const resource = /on resource: (\S+)/.exec(message)?.[1];
  const encodedMessage = /Encoded authorization failure message: (\S+)/.exec(message)?.[1];
  return { principal, action: action === 'to perform this operation' ? undefined : action, resource, encodedMessage };
}

export function createErrorLog(): Store<ErrorLogState> & { record(error: unknown, profile?: string): ErrorRecord; clear(): void } {
  const store = createStore<ErrorLogState>({ errors: [] });
  let nextId = 1;
  return {
    ...store,
    record(error, profile) {
      const e = error as { name?: string; code?: string; message?: string; operation?: string; requestId?: string };
      const message = e?.message ?? String(error);
      const code = e?.code || e?.name || 'Error';
      const record: ErrorRecord = {
        id: nextId++, at: new Date(), profile, operation: e?.operation, code, message, requestId: e?.requestId,
        ...(/AccessDenied|UnauthorizedOperation|not authorized/i.test(`${code} ${message}`) ? parseAccessDenied(message) : {}),
      };
      store.set((s) => ({ errors: [record, ...s.errors].slice(0, maxErrors) }));
      return record;
    },
    clear() {
      store.set({ errors: [] });
    },
  };
}
