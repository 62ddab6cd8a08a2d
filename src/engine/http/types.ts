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

/** A request payload read from its source while it is sent (a file range), not held in memory. */
export interface StreamedPayload {
  length: number;
  /** Hex SHA-256 of the bytes, for the signature (the caller reads them once to compute it). */
  sha256: string;
  /** Base64 MD5 of the bytes (S3's Content-MD5), from the same pass. */
  md5?: string;
  /** A fresh pass over the bytes; called again for each retry. */
  open(): AsyncIterable<Uint8Array>;
}

/** Per-call options of the transfer engine, for bodies too large to hold whole. */
export interface CallOptions {
  /** The operation's blob payload (UploadPart's Body), streamed from its source. */
  payload?: StreamedPayload;
  /** Told of request body bytes as they go out; after a failed attempt that is retried, the negative of its bytes. */
  onBodySent?: (bytes: number) => void;
  /** A 2xx response's blob payload (GetObject's Body) becomes an AsyncIterable of its bytes as they arrive. */
  streamResponse?: boolean;
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
