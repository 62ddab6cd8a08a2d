// Types for AWS service models in botocore's JSON format (as shipped, documentation stripped).
// A ShapeRef either names a shape in `shapes` ({shape: "S12k"}) or is an anonymous inline shape
// (the compact format inlines small shapes; a ref with neither `shape` nor `type` is a string).
// Member-level traits on a ref (locationName, location, flattened, …) override the shape's own.

export type ShapeType =
  | 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double'
  | 'boolean' | 'timestamp' | 'blob' | 'character' | 'byte' | 'short' | 'bigdecimal' | 'biginteger';

export interface ShapeRef {
  shape?: string;
  type?: ShapeType;
  // structure
  members?: Record<string, ShapeRef>;
  required?: string[];
  payload?: string;
  resultWrapper?: string;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  // list / map
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  flattened?: boolean;
  // location traits
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  queryName?: string;
  xmlNamespace?: string | { uri?: string; prefix?: string };
  xmlAttribute?: boolean;
  // value traits
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  jsonvalue?: boolean;
  idempotencyToken?: boolean;
  streaming?: boolean;
  // event streams: the stream structure, an event, and where an event member travels
  eventstream?: boolean;
  event?: boolean;
  eventpayload?: boolean;
  eventheader?: boolean;
  requiresLength?: boolean;
  sensitive?: boolean;
  /** S3's SSE-C keys (set by the model build): bytes from fileb:// stay bytes, as botocore keeps them. */
  keyBytes?: boolean;
  hostLabel?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  deprecated?: boolean;
  [trait: string]: unknown;
}

/** A shape after resolve(): the named shape merged with the ref's member-level traits. */
export type Shape = ShapeRef & { type: ShapeType; name?: string };

export interface OperationModel {
  name?: string;
  http?: { method: string; requestUri: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef;
  endpoint?: { hostPrefix: string };
  authtype?: string;
  auth?: string[];
  httpChecksumRequired?: boolean;
  httpChecksum?: Record<string, unknown>;
  deprecated?: boolean;
  [trait: string]: unknown;
}

export interface ServiceMetadata {
  apiVersion: string;
  endpointPrefix: string;
  protocol: 'query' | 'ec2' | 'json' | 'rest-json' | 'rest-xml';
  protocols?: string[];
  serviceId: string;
  signingName?: string;
  signatureVersion?: string;
  jsonVersion?: string;
  targetPrefix?: string;
  xmlNamespace?: string;
  globalEndpoint?: string;
  serviceFullName?: string;
  uid?: string;
  awsQueryCompatible?: Record<string, unknown>;
}

export interface PaginatorConfig {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  result_key?: string | string[];
  more_results?: string;
  non_aggregate_keys?: string[];
}

export interface WaiterAcceptor {
  matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error';
  expected: unknown;
  argument?: string;
  state: 'success' | 'failure' | 'retry';
}

export interface WaiterConfig {
  delay: number;
  maxAttempts: number;
  operation: string;
  acceptors: WaiterAcceptor[];
}

export interface ServiceModel {
  /** The CLI's name for the service (`s3api`, `ec2`, `logs`, …). */
  name: string;
  metadata: ServiceMetadata;
  operations: Record<string, OperationModel>;
  shapes: Record<string, ShapeRef>;
  paginators: Record<string, PaginatorConfig>;
  waiters: Record<string, WaiterConfig>;
}

export interface ServiceIndexEntry {
  uid: string;
  serviceId: string;
  endpointPrefix: string;
  signingName: string;
  protocol: ServiceMetadata['protocol'];
  apiVersion: string;
  globalEndpoint?: string;
}
