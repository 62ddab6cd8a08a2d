// The protocol registry: one Protocol per `metadata.protocol`, all pure functions of the model.
import type { ServiceModel } from '../models/types.js';
import type { Protocol } from './types.js';
import { queryProtocol } from './query.js';
import { ec2Protocol } from './ec2.js';
import { jsonProtocol } from './json.js';
import { restJsonProtocol } from './rest-json.js';
import { restXmlProtocol } from './rest-xml.js';

const PROTOCOLS: Record<string, Protocol> = {
  query: queryProtocol,
  ec2: ec2Protocol,
  json: jsonProtocol,
  'rest-json': restJsonProtocol,
  'rest-xml': restXmlProtocol,
};

export function protocolFor(model: ServiceModel): Protocol {
  const protocol = PROTOCOLS[model.metadata.protocol];
  if (!protocol) throw new Error(`unsupported protocol ${model.metadata.protocol} for ${model.name}`);
  return protocol;
}

export type { Protocol, ParseOptions } from './types.js';
export { ResponseParseError } from './common.js';
export { resolveS3Addressing, encodeS3Key, type AddressingStyle, type S3AddressingInput, type S3Addressing } from './s3-addressing.js';
export { renderTimestamp, serializeTimestamp } from './timestamps.js';
export { formEncode, percentEncode } from './encoding.js';
