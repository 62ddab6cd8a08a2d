// From the s3 commands' options to S3 request parameters, as the CLI maps them (which options
// go on PutObject, CopyObject, GetObject, HeadObject, …).
import { CliArgumentError, paramError } from '../params/errors.js';
import { ParamFileError, readParamFile, type ParamFileContext } from '../params/paramfile.js';
import type { S3Options } from './options.js';

export type Params = Record<string, unknown>;

const GENERAL: Array<[string, string]> = [
  ['acl', 'ACL'], ['storageClass', 'StorageClass'], ['websiteRedirect', 'WebsiteRedirectLocation'],
  ['contentType', 'ContentType'], ['cacheControl', 'CacheControl'], ['contentDisposition', 'ContentDisposition'],
  ['contentEncoding', 'ContentEncoding'], ['contentLanguage', 'ContentLanguage'], ['expires', 'Expires'],
];

const GRANT_PARAMS: Record<string, string> = { read: 'GrantRead', full: 'GrantFullControl', readacl: 'GrantReadACP', writeacl: 'GrantWriteACP' };

/** `--sse` with no value means AES256 (argparse's const). */
function optionalValue(options: S3Options, name: string, constValue: string): string | undefined {
  const value = options.values.get(name);
  if (value === null) return constValue;
  return typeof value === 'string' && value ? value : undefined;
}

function requestPayer(options: S3Options, params: Params): void {
  const payer = optionalValue(options, 'requestPayer', 'requester');
  if (payer) params.RequestPayer = payer;
}

function sseC(options: S3Options, params: Params): void {
  const algorithm = optionalValue(options, 'sseC', 'AES256');
  if (algorithm) {
    params.SSECustomerAlgorithm = algorithm;
    params.SSECustomerKey = options.values.get('sseCKey');
  }
}

/**
 * `--sse-c-key` and `--sse-c-copy-source-key` may be `file://` (text) or `fileb://` (bytes, kept
 * as bytes for the key's base64 and MD5), read when the arguments are, as the CLI reads them.
 */
export function loadKeyFiles(options: S3Options, ctx: ParamFileContext): void {
  for (const [name, flag] of [['sseCKey', '--sse-c-key'], ['sseCCopySourceKey', '--sse-c-copy-source-key']]) {
    const value = options.values.get(name);
    if (typeof value !== 'string') continue;
    try {
      const loaded = readParamFile(value, ctx);
      if (loaded !== undefined) options.values.set(name, loaded);
    } catch (err) {
      throw err instanceof ParamFileError ? paramError(flag, err.message) : err;
    }
  }
}

function sse(options: S3Options, params: Params): void {
  const algorithm = optionalValue(options, 'sse', 'AES256');
  if (algorithm) params.ServerSideEncryption = algorithm;
  if (options.get('sseKmsKeyId')) params.SSEKMSKeyId = options.get('sseKmsKeyId');
}

function general(options: S3Options, params: Params): void {
  for (const [option, param] of GENERAL) if (options.get(option)) params[param] = options.get(option);
  for (const grant of options.get<string[]>('grants') ?? []) {
    const eq = grant.indexOf('=');
    if (eq < 0) throw new CliArgumentError('grants should be of the form permission=principal', 'param');
    const param = GRANT_PARAMS[grant.slice(0, eq)];
    if (!param) throw new CliArgumentError('permission must be one of: read|readacl|writeacl|full', 'param');
    params[param] = grant.slice(eq + 1);
  }
}

function metadata(options: S3Options, params: Params): void {
  const raw = options.get('metadata');
  if (raw) params.Metadata = parseMetadata(raw);
}

/** --metadata takes JSON or the shorthand `key=value,key2=value2`. */
export function parseMetadata(raw: string): Record<string, string> {
  const text = raw.trim();
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as Record<string, string>;
    } catch (err) {
      throw new CliArgumentError(`Error parsing parameter '--metadata': Invalid JSON: ${(err as Error).message}\nJSON received: ${raw}`, 'param');
    }
  }
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new CliArgumentError(`Error parsing parameter '--metadata': Expected: '=', received: 'EOF' for input:\n${raw}`, 'param');
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export function putObjectParams(options: S3Options): Params {
  const params: Params = {};
  general(options, params);
  metadata(options, params);
  sse(options, params);
  sseC(options, params);
  requestPayer(options, params);
  return params;
}

export function getObjectParams(options: S3Options): Params {
  const params: Params = {};
  sseC(options, params);
  requestPayer(options, params);
  return params;
}

export const headObjectParams = getObjectParams;

export function copyObjectParams(options: S3Options): Params {
  const params: Params = {};
  general(options, params);
  if (options.get('metadataDirective')) params.MetadataDirective = options.get('metadataDirective');
  metadata(options, params);
  if (params.Metadata && !params.MetadataDirective) params.MetadataDirective = 'REPLACE';
  sse(options, params);
  sseC(options, params);
  const copySourceAlgorithm = optionalValue(options, 'sseCCopySource', 'AES256');
  if (copySourceAlgorithm) {
    params.CopySourceSSECustomerAlgorithm = copySourceAlgorithm;
    params.CopySourceSSECustomerKey = options.values.get('sseCCopySourceKey');
  }
  requestPayer(options, params);
  return params;
}

export function requestPayerParams(options: S3Options): Params {
  const params: Params = {};
  requestPayer(options, params);
  return params;
}

/** Properties a copy carries over from its source when it replaces the metadata. */
export const METADATA_DIRECTIVE_PROPERTIES = ['CacheControl', 'ContentDisposition', 'ContentEncoding', 'ContentLanguage', 'ContentType', 'Expires', 'Metadata'];
