// Shapes shared by the sandbox server, its codecs and its service handlers.
import type { SandboxState } from './state.js';

/** An HTTP request as the sandbox received it, body fully read. Header names are lower-cased. */
export interface IncomingCall {
  method: string;
  /** The path exactly as sent (still percent-encoded). */
  rawPath: string;
  /** Decoded query parameters in order; repeated keys allowed. */
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Fault mode: `reset` sends the headers and part of the body, then destroys the socket;
   *  `hang` never answers. */
  transport?: 'reset' | 'hang';
}

export type PrincipalKind = 'root' | 'user' | 'assumed-role';

/** Who signed a request: resolved from the access key in the SigV4 credential scope. */
export interface Principal {
  kind: PrincipalKind;
  accountId: string;
  arn: string;
  /** What GetCallerIdentity calls UserId (AIDA… for users, AROA…:session for roles). */
  userId: string;
  userName?: string;
  roleName?: string;
  sessionName?: string;
  readOnly: boolean;
  mfaAuthenticated: boolean;
}

/** Everything a handler may need about the call it serves. */
export interface CallContext {
  state: SandboxState;
  principal: Principal;
  /** Region from the credential scope (or us-east-1 for unsigned calls). */
  region: string;
  /** CLI service name (`ec2`, `s3api`, `sts`, …). */
  service: string;
  operation: string;
  requestId: string;
  call: IncomingCall;
  /** Labels matched from a REST route, raw query parameters, etc. */
  now: Date;
}

export type OperationHandler = (input: Record<string, any>, ctx: CallContext) => unknown | Promise<unknown>;

export type ServiceHandlers = Record<string, OperationHandler>;
