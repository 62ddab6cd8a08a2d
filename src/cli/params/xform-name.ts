// CamelCase model names → the CLI's dashed names, rule for rule as botocore's xform_name, so every
// operation and flag is spelled as the AWS CLI spells it.
import type { ServiceModel } from '../../engine/models/types.js';
import { isRemovedCommand } from './removed-commands.js';

// Names the regular rules get wrong; botocore carries the same fixed list.
const SPECIAL_WORDS: Record<string, string[]> = {
  CreateCachediSCSIVolume: ['create', 'cached', 'iscsi', 'volume'],
  DescribeCachediSCSIVolumes: ['describe', 'cached', 'iscsi', 'volumes'],
  DescribeStorediSCSIVolumes: ['describe', 'stored', 'iscsi', 'volumes'],
  CreateStorediSCSIVolume: ['create', 'stored', 'iscsi', 'volume'],
  ListHITsForQualificationType: ['list', 'hits', 'for', 'qualification', 'type'],
  ExecutePartiQLStatement: ['execute', 'partiql', 'statement'],
  ExecutePartiQLTransaction: ['execute', 'partiql', 'transaction'],
  ExecutePartiQLBatch: ['execute', 'partiql', 'batch'],
  AssociateWhatsAppBusinessAccount: ['associate', 'whatsapp', 'business', 'account'],
  CreateWhatsAppMessageTemplate: ['create', 'whatsapp', 'message', 'template'],
  CreateWhatsAppMessageTemplateFromLibrary: ['create', 'whatsapp', 'message', 'template', 'from', 'library'],
  CreateWhatsAppMessageTemplateMedia: ['create', 'whatsapp', 'message', 'template', 'media'],
  DeleteWhatsAppMessageMedia: ['delete', 'whatsapp', 'message', 'media'],
  DeleteWhatsAppMessageTemplate: ['delete', 'whatsapp', 'message', 'template'],
  DisassociateWhatsAppBusinessAccount: ['disassociate', 'whatsapp', 'business', 'account'],
  GetLinkedWhatsAppBusinessAccount: ['get', 'linked', 'whatsapp', 'business', 'account'],
  GetLinkedWhatsAppBusinessAccountPhoneNumber: ['get', 'linked', 'whatsapp', 'business', 'account', 'phone', 'number'],
  GetOTelEnrichment: ['get', 'otel', 'enrichment'],
  GetWhatsAppMessageMedia: ['get', 'whatsapp', 'message', 'media'],
  GetWhatsAppMessageTemplate: ['get', 'whatsapp', 'message', 'template'],
  ListLinkedWhatsAppBusinessAccounts: ['list', 'linked', 'whatsapp', 'business', 'accounts'],
  ListWhatsAppMessageTemplates: ['list', 'whatsapp', 'message', 'templates'],
  ListWhatsAppTemplateLibrary: ['list', 'whatsapp', 'template', 'library'],
  PostWhatsAppMessageMedia: ['post', 'whatsapp', 'message', 'media'],
  PutWhatsAppBusinessAccountEventDestinations: ['put', 'whatsapp', 'business', 'account', 'event', 'destinations'],
  SendWhatsAppMessage: ['send', 'whatsapp', 'message'],
  StartOTelEnrichment: ['start', 'otel', 'enrichment'],
  StopOTelEnrichment: ['stop', 'otel', 'enrichment'],
  UpdateWhatsAppMessageTemplate: ['update', 'whatsapp', 'message', 'template'],
};

// A pluralised acronym at the end (GatewayARNs, ListWebACLs) becomes its own lower-case word.
const PLURAL_ACRONYM = /[A-Z]{2,}s$/;
// A capital that starts a lower-case word, after any character (Python's `(.)([A-Z][a-z]+)`).
const WORD_START = /(.)([A-Z][a-z]+)/g;
// A capital right after a lower-case letter or digit.
const CAP_AFTER_LOWER = /([a-z0-9])([A-Z])/g;

const cache = new Map<string, string>();

/** botocore's xform_name: `ListObjectsV2` → `list-objects-v2` with sep `-`. */
export function xformName(name: string, sep = '-'): string {
  if (name.includes(sep)) return name;
  const key = `${sep}\u0000${name}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result: string;
  const special = SPECIAL_WORDS[name];
  if (special) {
    result = special.join(sep);
  } else {
    let working = name;
    const plural = PLURAL_ACRONYM.exec(working);
    if (plural) working = `${working.slice(0, -plural[0].length)}${sep}${plural[0].toLowerCase()}`;
    // Python's re.sub does not revisit consumed text; JS replace with /g behaves the same.
    working = working.replace(WORD_START, `$1${sep}$2`);
    result = working.replace(CAP_AFTER_LOWER, `$1${sep}$2`).toLowerCase();
  }
  cache.set(key, result);
  return result;
}

/** `--kebab-flag` for a structure member name. */
export function memberFlag(memberName: string): string {
  return `--${xformName(memberName, '-')}`;
}

export interface OperationNameMaps {
  /** CLI name → model operation name, in model order (without the commands the CLI removes). */
  byCliName: Map<string, string>;
  /** model operation name → CLI name. */
  byModelName: Map<string, string>;
}

const mapsCache = new WeakMap<ServiceModel, OperationNameMaps>();

export function operationNameMaps(model: ServiceModel): OperationNameMaps {
  const cached = mapsCache.get(model);
  if (cached) return cached;
  const byCliName = new Map<string, string>();
  const byModelName = new Map<string, string>();
  for (const opName of Object.keys(model.operations)) {
    const cli = xformName(opName, '-');
    if (isRemovedCommand(model.name, cli)) continue;
    byCliName.set(cli, opName);
    byModelName.set(opName, cli);
  }
  const maps = { byCliName, byModelName };
  mapsCache.set(model, maps);
  return maps;
}

/** CLI operation names in model order, which is the order the AWS CLI lists them. */
export function operationCliNames(model: ServiceModel): string[] {
  return [...operationNameMaps(model).byCliName.keys()];
}
