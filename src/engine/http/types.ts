// Wire-level types shared by the protocols, the request pipeline, the sandbox and the tests.

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  /** Where they came from (`env`, `shared-credentials-file`, `assume-role`, …), never the secret. */
  source?: string;
  accountId?: string;
}

/** A request as a protocol serializer produces it, before endpoint resolution and signing. */
export interface SerializedRequest {
  method: string;
  /** Percent-encoded path starting with `/` (the model's requestUri with labels filled in). */
  path: string;
  /** Query parameters in order; repeated keys allowed. Values are raw (not yet encoded). */
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Resolved `endpoint.hostPrefix` of the operation, e.g. `data-` (prepended to the host). */
  hostPrefix?: string;
}

/** A response as it came off the wire. Header names are lower-cased. */
export interface HttpResponse {
  statusCode: number;
  statusMessage?: string;
  headers: Record<string, string>;
  body: Buffer;
  /** A successful event-stream response's body, as it arrives (then `body` is empty). */
  bodyStream?: AsyncIterable<Uint8Array>;
}

/** A parsed service error, botocore's `Error` dict plus response metadata. */
export interface ServiceErrorInfo {
  Code: string;
  Message: string;
  Type?: string;
  [extra: string]: unknown;
}

export interface ResponseMetadata {
  RequestId?: string;
  HostId?: string;
  HTTPStatusCode: number;
  HTTPHeaders: Record<string, string>;
  RetryAttempts: number;
}
