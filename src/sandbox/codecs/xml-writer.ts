// Model-driven XML output for the query, ec2 and rest-xml protocols: handler output keyed by
// member names becomes elements named by the model's locationName traits.
import type { ServiceModel, Shape, ShapeRef } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { escapeXml, epochSeconds, httpDate, isoTimestamp } from '../wire.js';

export function xmlScalar(shape: Shape, value: unknown): string {
  switch (shape.type) {
    case 'timestamp':
      if (shape.timestampFormat === 'unixTimestamp') return String(epochSeconds(value));
      if (shape.timestampFormat === 'rfc822') return httpDate(value);
      return isoTimestamp(value);
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value)).toString('base64');
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return escapeXml(String(value));
  }
}

/** One element `<tag>…</tag>` for `value` of the shape `ref`. Flattened lists repeat their items instead. */
export function xmlElement(model: ServiceModel, ref: ShapeRef, tag: string, value: unknown): string {
  const shape = resolveShape(model, ref);
  switch (shape.type) {
    case 'structure':
      return `<${tag}>${xmlMembers(model, shape, value as Record<string, unknown>)}</${tag}>`;
    case 'list': {
      const items = (value as unknown[]) ?? [];
      const member = shape.member!;
      const memberTag = typeof member.locationName === 'string' ? member.locationName : undefined;
      if (shape.flattened) return items.map((item) => xmlElement(model, member, memberTag ?? tag, item)).join('');
      return `<${tag}>${items.map((item) => xmlElement(model, member, memberTag ?? 'member', item)).join('')}</${tag}>`;
    }
    case 'map': {
      const entries = Object.entries((value as Record<string, unknown>) ?? {});
      const keyTag = typeof shape.key?.locationName === 'string' ? shape.key.locationName : 'key';
      const valueTag = typeof shape.value?.locationName === 'string' ? shape.value.locationName : 'value';
      const body = (k: string, v: unknown) => `${xmlElement(model, shape.key!, keyTag, k)}${xmlElement(model, shape.value!, valueTag, v)}`;
      if (shape.flattened) return entries.map(([k, v]) => `<${tag}>${body(k, v)}</${tag}>`).join('');
      return `<${tag}>${entries.map(([k, v]) => `<entry>${body(k, v)}</entry>`).join('')}</${tag}>`;
    }
    default:
      return `<${tag}>${xmlScalar(shape, value)}</${tag}>`;
  }
}

/** The children of a structure: every member present in `value` that lives in the body. */
export function xmlMembers(model: ServiceModel, shape: Shape, value: Record<string, unknown> | undefined): string {
  if (!value) return '';
  let out = '';
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    if (ref.location || ref.xmlAttribute) continue;
    out += xmlElement(model, ref, typeof ref.locationName === 'string' ? ref.locationName : name, v);
  }
  return out;
}
