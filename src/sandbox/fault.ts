// The one error type service handlers throw. The protocol codec of the service that was called
// turns it into that protocol's error format; the status and code follow what AWS sends.

export interface FaultOptions {
  status?: number;
  /** Extra fields AWS puts beside Code/Message (S3's Key, BucketName, …). */
  extra?: Record<string, string>;
  /** `Sender` (default) or `Receiver`, for query-protocol errors. */
  type?: 'Sender' | 'Receiver';
  /** A complete JSON body to send instead of the default (SSO-OIDC's OAuth-style errors). */
  jsonBody?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class ServiceFault extends Error {
  readonly code: string;
  readonly status: number;
  readonly extra: Record<string, string>;
  readonly type: 'Sender' | 'Receiver';
  readonly jsonBody?: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(code: string, message: string, opts: FaultOptions = {}) {
    super(message);
    this.name = 'ServiceFault';
    this.code = code;
    this.status = opts.status ?? 400;
    this.extra = opts.extra ?? {};
    this.type = opts.type ?? 'Sender';
    this.jsonBody = opts.jsonBody;
    this.headers = opts.headers ?? {};
  }
}

export function fault(code: string, message: string, opts?: FaultOptions): ServiceFault {
  return new ServiceFault(code, message, opts);
}
