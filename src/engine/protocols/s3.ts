// S3's own request and response rules, kept apart from the generic rest-xml protocol:
// list operations ask for URL-encoded keys (so any byte survives XML) and decode them back,
// and GetBucketLocation's answer is the root element's text.
import type { OperationModel, ServiceModel } from '../models/types.js';
import type { HttpResponse } from '../http/types.js';
import type { ParseOptions } from './types.js';
import { unquotePlus } from './encoding.js';
import { parseXml } from './xml.js';

export const isS3 = (model: ServiceModel) => model.metadata.serviceId === 'S3';

/** Which fields each list operation URL-decodes: top-level names and [list, field] pairs. */
const URL_DECODED_FIELDS: Record<string, { top: string[]; nested: Array<[string, string]> }> = {
  ListObjects: { top: ['Delimiter', 'Marker', 'NextMarker'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectsV2: { top: ['Delimiter', 'Prefix', 'StartAfter'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectVersions: {
    top: ['KeyMarker', 'NextKeyMarker', 'Prefix', 'Delimiter'],
    nested: [['Versions', 'Key'], ['DeleteMarkers', 'Key'], ['CommonPrefixes', 'Prefix']],
  },
};

/** ListObjects* send `encoding-type=url` unless the caller chose an EncodingType. */
export function customizeS3Request(op: OperationModel, params: Record<string, unknown>): Record<string, unknown> {
  if (op.name && op.name in URL_DECODED_FIELDS && params.EncodingType === undefined) return { ...params, EncodingType: 'url' };
  return params;
}

/**
 * Undo the automatic URL encoding. Only when we asked for it: a caller who set EncodingType gets
 * the raw values (pass the request params in `opts.requestParams` so this can tell).
 */
export function customizeS3Response(op: OperationModel, res: HttpResponse, parsed: Record<string, unknown>, opts?: ParseOptions): Record<string, unknown> {
  if (op.name === 'GetBucketLocation') return withBucketLocation(res, parsed);
  const fields = op.name ? URL_DECODED_FIELDS[op.name] : undefined;
  const autoSet = opts?.requestParams?.EncodingType === undefined;
  if (!fields || !autoSet || parsed.EncodingType !== 'url') return parsed;
  for (const key of fields.top) if (typeof parsed[key] === 'string') parsed[key] = unquotePlus(parsed[key] as string);
  for (const [list, key] of fields.nested) {
    for (const item of (parsed[list] as Array<Record<string, unknown>> | undefined) ?? []) {
      if (typeof item[key] === 'string') item[key] = unquotePlus(item[key] as string);
    }
  }
  return parsed;
}

/** `<LocationConstraint>eu-west-1</LocationConstraint>`; an empty element (us-east-1) is null. */
function withBucketLocation(res: HttpResponse, parsed: Record<string, unknown>): Record<string, unknown> {
  if (res.body.length === 0) return parsed;
  const root = parseXml(res.body);
  return { ...parsed, LocationConstraint: root.text === '' ? null : root.text };
}
