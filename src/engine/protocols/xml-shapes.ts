// XML ↔ model shapes, shared by query, ec2 and rest-xml: reading a response element as a shape,
// and building a rest-xml request body from params.
import type { ServiceModel, Shape } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';
import { fromBase64, scalarString, toBase64 } from './encoding.js';
import { renderTimestamp, serializeTimestamp, timestampFormatOf } from './timestamps.js';
import { childrenByName, type XmlElement, type XmlNode } from './xml.js';
import { exactFloat, exactInt } from '../exact-json.js';
import { setOwn } from '../own-property.js';

export interface XmlReadContext {
  model: ServiceModel;
  timestampMode: 'iso8601' | 'wire';
  /** Members bound to HTTP parts (rest-xml) are read elsewhere and skipped here. */
  skipLocated: boolean;
}

/** The element name a member is found under: a flattened list's member name wins. */
function memberElementName(ctx: XmlReadContext, member: Shape, memberName: string): string {
  if (member.type === 'list' && member.flattened) {
    const item = resolveShape(ctx.model, member.member);
    if (item.locationName) return item.locationName;
  }
  return member.locationName ?? memberName;
}

function attributeValue(element: XmlElement, qualified: string): string | undefined {
  if (qualified in element.attributes) return element.attributes[qualified];
  const local = qualified.slice(qualified.indexOf(':') + 1);
  const key = Object.keys(element.attributes).find((k) => k.slice(k.indexOf(':') + 1) === local && k !== 'xmlns');
  return key === undefined ? undefined : element.attributes[key];
}

interface MemberPlan { name: string; member: Shape; element: string }

// Which members a structure reads and under which element names, worked out once per shape: a
// listing reads the same structure for each of its thousands of items.
const memberPlans = new WeakMap<Shape, Partial<Record<'all' | 'body', MemberPlan[]>>>();

function memberPlan(ctx: XmlReadContext, shape: Shape): MemberPlan[] {
  let plans = memberPlans.get(shape);
  if (!plans) memberPlans.set(shape, (plans = {}));
  const which = ctx.skipLocated ? 'body' : 'all';
  return (plans[which] ??= Object.entries(shape.members ?? {}).flatMap(([name, ref]) => {
    const member = resolveShape(ctx.model, ref);
    return ctx.skipLocated && member.location ? [] : [{ name, member, element: memberElementName(ctx, member, name) }];
  }));
}

export function readStructure(ctx: XmlReadContext, shape: Shape, element: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byName = childrenByName(element);
  for (const { name, member, element: elementName } of memberPlan(ctx, shape)) {
    const nodes = byName.get(elementName);
    if (nodes) out[name] = readValue(ctx, member, nodes);
    else if (member.xmlAttribute) {
      const value = attributeValue(element, member.locationName ?? name);
      if (value !== undefined) out[name] = value;
    }
  }
  return out;
}

/** `nodes` are all same-named siblings: a flattened list or map uses them all, others the first. */
export function readValue(ctx: XmlReadContext, shape: Shape, nodes: XmlElement[]): unknown {
  switch (shape.type) {
    case 'structure':
      return readStructure(ctx, shape, nodes[0]);
    case 'list': {
      const item = resolveShape(ctx.model, shape.member);
      // A wrapped list accepts any child name: services are not consistent about `member`/`item`.
      const items = shape.flattened ? nodes : nodes[0].children;
      return items.map((node) => readValue(ctx, item, [node]));
    }
    case 'map':
      return readMap(ctx, shape, shape.flattened ? nodes : nodes[0].children);
    default:
      return readScalar(ctx, shape, nodes[0].text);
  }
}

function readMap(ctx: XmlReadContext, shape: Shape, entries: XmlElement[]): Record<string, unknown> {
  const keyShape = resolveShape(ctx.model, shape.key);
  const valueShape = resolveShape(ctx.model, shape.value);
  const keyName = keyShape.locationName ?? 'key';
  const valueName = valueShape.locationName ?? 'value';
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const byName = childrenByName(entry);
    const keyNode = byName.get(keyName);
    const valueNodes = byName.get(valueName);
    if (!keyNode) continue;
    setOwn(out, String(readValue(ctx, keyShape, keyNode)), valueNodes ? readValue(ctx, valueShape, valueNodes) : null);
  }
  return out;
}

/** Scalars from text, as Python reads them: only `true` is true, ints must be integral. */
export function readScalar(ctx: { timestampMode: 'iso8601' | 'wire' }, shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'boolean':
      return text === 'true';
    case 'integer':
    case 'long':
    case 'short':
    case 'byte':
    case 'biginteger': {
      if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new Error(`invalid integer ${JSON.stringify(text)}`);
      return exactInt(text);
    }
    case 'float':
    case 'double':
    case 'bigdecimal': {
      const n = /^\s*[+-]?(inf|infinity)\s*$/i.test(text) ? (text.includes('-') ? -Infinity : Infinity) : Number(text);
      if (text.trim() === '' || (Number.isNaN(n) && !/^\s*[+-]?nan\s*$/i.test(text))) throw new Error(`invalid number ${JSON.stringify(text)}`);
      // Python float(): `<Price>1</Price>` prints 1.0.
      return exactFloat(n);
    }
    case 'timestamp':
      return renderTimestamp(text, ctx.timestampMode);
    case 'blob':
      return fromBase64(text);
    default:
      return text;
  }
}

// ---- writing (rest-xml request bodies) ----

function namespaceAttributes(shape: Shape): Record<string, string> {
  const ns = shape.xmlNamespace;
  if (typeof ns === 'string') return { xmlns: ns };
  if (ns?.uri) return { [ns.prefix ? `xmlns:${ns.prefix}` : 'xmlns']: ns.uri };
  return {};
}

/** Nodes for one value named `name` (a flattened list or map yields several siblings). */
export function writeValue(model: ServiceModel, shape: Shape, value: unknown, name: string): XmlNode[] {
  const attributes = namespaceAttributes(shape);
  switch (shape.type) {
    case 'structure': {
      const children: XmlNode[] = [];
      for (const [key, memberValue] of Object.entries(value as Record<string, unknown>)) {
        if (memberValue === undefined || memberValue === null) continue;
        const member = resolveShape(model, shape.members?.[key]);
        const memberName = member.locationName ?? key;
        if (member.xmlAttribute) attributes[memberName] = String(memberValue);
        else children.push(...writeValue(model, member, memberValue, memberName));
      }
      return [{ name, attributes, children }];
    }
    case 'list': {
      const item = resolveShape(model, shape.member);
      const values = value as unknown[];
      if (shape.flattened) return values.flatMap((v) => writeValue(model, item, v, name));
      const itemName = item.locationName ?? 'member';
      return [{ name, attributes, children: values.flatMap((v) => writeValue(model, item, v, itemName)) }];
    }
    case 'map': {
      const keyShape = resolveShape(model, shape.key);
      const valueShape = resolveShape(model, shape.value);
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => ({
        name: shape.flattened ? name : 'entry',
        children: [...writeValue(model, keyShape, k, keyShape.locationName ?? 'key'), ...writeValue(model, valueShape, v, valueShape.locationName ?? 'value')],
      }));
      return shape.flattened ? entries : [{ name, attributes, children: entries }];
    }
    case 'timestamp':
      return [{ name, attributes, text: String(serializeTimestamp(value, timestampFormatOf(shape, 'iso8601'))) }];
    case 'blob':
      return [{ name, attributes, text: toBase64(value) }];
    default:
      return [{ name, attributes, text: scalarString(value, shape.type) }];
  }
}
