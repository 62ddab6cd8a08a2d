// Writes a response body the way a service does (botocore's parser rules, written independently
// of ours): members under their element names, wrapped lists of `member`/named items, flattened
// lists and maps as repeated siblings, map entries as key/value pairs.
import { resolveShape } from '../../src/engine/models/shapes.js';
import type { ServiceModel, Shape } from '../../src/engine/models/types.js';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

const element = (name: string, inner: string) => `<${name}>${inner}</${name}>`;

/** The elements for `value` as the member `name` of a structure (several for flattened shapes). */
export function memberXml(model: ServiceModel, shape: Shape, name: string, value: unknown): string {
  switch (shape.type) {
    case 'structure':
      return element(name, structureXml(model, shape, value as Record<string, unknown>));
    case 'list': {
      const item = resolveShape(model, shape.member);
      const values = value as unknown[];
      if (shape.flattened) return values.map((v) => memberXml(model, item, item.locationName ?? name, v)).join('');
      return element(name, values.map((v) => memberXml(model, item, item.locationName ?? 'member', v)).join(''));
    }
    case 'map': {
      const key = resolveShape(model, shape.key);
      const val = resolveShape(model, shape.value);
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) =>
        memberXml(model, key, key.locationName ?? 'key', k) + memberXml(model, val, val.locationName ?? 'value', v));
      if (shape.flattened) return entries.map((e) => element(name, e)).join('');
      return element(name, entries.map((e) => element('entry', e)).join(''));
    }
    default:
      return element(name, escapeText(String(value)));
  }
}

export function structureXml(model: ServiceModel, shape: Shape, value: Record<string, unknown>): string {
  return Object.entries(value).map(([name, v]) => {
    const member = resolveShape(model, shape.members![name]);
    return memberXml(model, member, member.locationName ?? name, v);
  }).join('');
}
