// Endpoint resolution: where a request goes and which region signs it. The service models give
// the endpoint prefix and, for global services, the global host; partitions give the DNS suffix.
import type { ServiceModel } from '../models/types.js';

export interface ResolvedEndpoint {
  url: URL;
  signingRegion: string;
  signingName: string;
  /** True when the user supplied the URL (flag, env or config): S3 then defaults to path style. */
  custom: boolean;
}

interface Partition {
  id: string;
  suffix: string;
  globalRegion: string;
}

const partitions: Array<[RegExp, Partition]> = [
  [/^cn-/, { id: 'aws-cn', suffix: 'amazonaws.com.cn', globalRegion: 'cn-north-1' }],
  [/^us-gov-/, { id: 'aws-us-gov', suffix: 'amazonaws.com', globalRegion: 'us-gov-west-1' }],
  [/^us-isob-/, { id: 'aws-iso-b', suffix: 'sc2s.sgov.gov', globalRegion: 'us-isob-east-1' }],
  [/^us-iso-/, { id: 'aws-iso', suffix: 'c2s.ic.gov', globalRegion: 'us-iso-east-1' }],
  [/^eu-isoe-/, { id: 'aws-iso-e', suffix: 'cloud.adc-e.uk', globalRegion: 'eu-isoe-west-1' }],
];
const commercial: Partition = { id: 'aws', suffix: 'amazonaws.com', globalRegion: 'us-east-1' };

export function partitionOf(region: string): Partition {
  return partitions.find(([re]) => re.test(region))?.[1] ?? commercial;
}

/** Services whose only commercial endpoint is global, signed in the partition's home region. */
const globalOnly = new Set(['iam', 'cloudfront', 'route53', 'organizations', 'waf', 'shield', 'importexport', 'budgets']);
/** Global services signed somewhere other than us-east-1. */
const globalSigningRegion: Record<string, string> = { globalaccelerator: 'us-west-2', ce: 'us-east-1' };

export function signingNameOf(model: ServiceModel): string {
  return model.metadata.signingName ?? model.metadata.endpointPrefix;
}

export function resolveEndpoint(model: ServiceModel, region: string, customUrl?: string): ResolvedEndpoint {
  const signingName = signingNameOf(model);
  if (customUrl) {
    let url: URL;
    try {
      url = new URL(customUrl);
    } catch {
      throw new InvalidEndpointError(customUrl);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidEndpointError(customUrl);
    // The rule sets attach no auth scheme to a custom endpoint, so the client's region signs.
    return { url, signingRegion: region, signingName, custom: true };
  }
  const partition = partitionOf(region);
  const prefix = model.metadata.endpointPrefix;
  const name = model.name;
  if (region === 'aws-global' && name === 'sts') {
    return { url: new URL('https://sts.amazonaws.com'), signingRegion: 'us-east-1', signingName, custom: false };
  }
  if (isGlobal(model) && partition.id === 'aws') {
    const host = model.metadata.globalEndpoint ?? `${prefix}.${partition.suffix}`;
    return { url: new URL(`https://${host}`), signingRegion: signingRegionFor(model, region), signingName, custom: false };
  }
  return { url: new URL(`https://${prefix}.${region}.${partition.suffix}`), signingRegion: region, signingName, custom: false };
}

function isGlobal(model: ServiceModel): boolean {
  return globalOnly.has(model.metadata.endpointPrefix) || globalSigningRegion[model.metadata.endpointPrefix] !== undefined;
}

function signingRegionFor(model: ServiceModel, region: string): string {
  if (!isGlobal(model)) return region;
  const partition = partitionOf(region);
  if (partition.id !== 'aws') return partition.globalRegion;
  return globalSigningRegion[model.metadata.endpointPrefix] ?? 'us-east-1';
}

export class InvalidEndpointError extends Error {
  readonly exitCode = 252;
  constructor(readonly endpoint: string) {
    super(`Bad value for --endpoint-url "${endpoint}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`);
    this.name = 'InvalidEndpointError';
  }
}
