// Reads rest-xml request bodies (S3's DeleteObjects, CompleteMultipartUpload, …) into operation
// input, guided by the payload member's shape.
import { XMLParser } from 'fast-xml-parser';
import type { ServiceModel, ShapeRef } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { fault } from '../fault.js';
import { scalarFromText } from './shape-values.js';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, removeNSPrefix: true });

export function parseXmlDocument(text: string): Record<string, unknown> {
  try {
    const doc = parser.parse(text, true) as Record<string, unknown>;
    delete doc['?xml'];
    return doc;
  } catch {
    throw fault('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  }
}

function asArray(node: unknown): unknown[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

function textOf(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'object') return String((node as Record<string, unknown>)['#text'] ?? '');
  return String(node);
}

/** Convert a parsed XML node to the value of `ref`'s shape. */
export function xmlNodeToValue(model: ServiceModel, ref: ShapeRef, node: unknown, field = 'body'): unknown {
  const shape = resolveShape(model, ref);
  switch (shape.type) {
    case 'structure': {
      const obj = (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, memberRef] of Object.entries(shape.members ?? {})) {
        const memberShape = resolveShape(model, memberRef);
        let tag = typeof memberRef.locationName === 'string' ? memberRef.locationName : name;
        if (memberShape.type === 'list' && memberShape.flattened && typeof memberShape.member?.locationName === 'string') tag = memberShape.member.locationName;
        const child = obj[tag];
        if (child === undefined) continue;
        out[name] = xmlNodeToValue(model, memberRef, child, name);
      }
      return out;
    }
    case 'list': {
      const member = shape.member!;
      if (shape.flattened) return asArray(node).map((n) => xmlNodeToValue(model, member, n, field));
      const wrapper = (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
      const memberTag = typeof member.locationName === 'string' ? member.locationName : 'member';
      return asArray(wrapper[memberTag]).map((n) => xmlNodeToValue(model, member, n, field));
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const wrapper = (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
      const entries = shape.flattened ? asArray(node) : asArray(wrapper.entry);
      for (const e of entries) {
        const entry = e as Record<string, unknown>;
        out[textOf(entry.key)] = xmlNodeToValue(model, shape.value!, entry.value, field);
      }
      return out;
    }
    default:
      return scalarFromText(shape, textOf(node), field);
  }
}
