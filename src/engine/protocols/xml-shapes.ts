// XML ↔ model shapes, shared by query, ec2 and rest-xml: reading a response document straight into
// its shape (no element tree in between), and building a rest-xml request body from params.
import type { ServiceModel, Shape } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';
import { fromBase64, scalarString, toBase64 } from './encoding.js';
import { renderTimestamp, serializeTimestamp, timestampFormatOf } from './timestamps.js';
import type { XmlNode } from './xml.js';
import { END, START, TEXT, XmlCursor } from './xml-cursor.js';
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

function attributeValue(attributes: Record<string, string>, qualified: string): string | undefined {
  if (Object.hasOwn(attributes, qualified)) return attributes[qualified];
  const local = qualified.slice(qualified.indexOf(':') + 1);
  const key = Object.keys(attributes).find((k) => k.slice(k.indexOf(':') + 1) === local && k !== 'xmlns');
  return key === undefined ? undefined : attributes[key];
}

interface MemberPlan {
  name: string;
  member: Shape;
  /** Every same-named sibling belongs to the value (a flattened list or map), not just the first. */
  flattened: boolean;
}

interface StructurePlan {
  members: MemberPlan[];
  /** Element name → index of the member read from it. */
  byElement: Map<string, number>;
  hasAttributes: boolean;
}

// Which members a structure reads and under which element names, worked out once per shape: a
// listing reads the same structure for each of its thousands of items.
const structurePlans = new WeakMap<Shape, Partial<Record<'all' | 'body', StructurePlan>>>();

function structurePlan(ctx: XmlReadContext, shape: Shape): StructurePlan {
  let plans = structurePlans.get(shape);
  if (!plans) structurePlans.set(shape, (plans = {}));
  const which = ctx.skipLocated ? 'body' : 'all';
  const cached = plans[which];
  if (cached) return cached;
  const plan: StructurePlan = { members: [], byElement: new Map(), hasAttributes: false };
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = resolveShape(ctx.model, ref);
    if (ctx.skipLocated && member.location) continue;
    const element = memberElementName(ctx, member, name);
    // No model has two members under one element name (checked over every shipped XML service).
    if (plan.byElement.has(element)) throw new Error(`${shape.name ?? 'a structure'}: two members read <${element}>`);
    plan.byElement.set(element, plan.members.length);
    plan.members.push({ name, member, flattened: Boolean(member.flattened) && (member.type === 'list' || member.type === 'map') });
    if (member.xmlAttribute) plan.hasAttributes = true;
  }
  return (plans[which] = plan);
}

// A hostile document nested thousands of levels deep through a recursive shape must not overflow
// the stack; no AWS response comes near this.
const MAX_DEPTH = 1000;

/**
 * Reads the document's root element as `shape`, straight from the text (no element tree), and
 * checks the rest of the document. With `wrapper`, the value is the root's first child of that
 * name (the query protocol's `<OperationResult>`), and undefined when there is none.
 */
export function readDocumentAs(ctx: XmlReadContext, shape: Shape, input: string | Buffer, wrapper?: string): unknown {
  const cursor = new XmlCursor(input);
  while (cursor.next() !== START);
  let value: unknown;
  if (wrapper === undefined) value = readElement(ctx, shape, cursor, 1);
  else {
    for (let event = cursor.next(); event !== END; event = cursor.next()) {
      if (event !== START) continue;
      if (value === undefined && cursor.name === wrapper) value = readElement(ctx, shape, cursor, 2);
      else cursor.skipElement();
    }
  }
  cursor.finish();
  return value;
}

/** Reads the element whose START the cursor has just returned, through its END. */
function readElement(ctx: XmlReadContext, shape: Shape, cursor: XmlCursor, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Error(`the response is nested more than ${MAX_DEPTH} levels deep`);
  switch (shape.type) {
    case 'structure':
      return readStructure(ctx, shape, cursor, depth);
    case 'list': {
      // A wrapped list accepts any child name: services are not consistent about `member`/`item`.
      const item = resolveShape(ctx.model, shape.member);
      const items: unknown[] = [];
      for (let event = cursor.next(); event !== END; event = cursor.next()) {
        if (event === START) items.push(readElement(ctx, item, cursor, depth + 1));
      }
      return items;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (let event = cursor.next(); event !== END; event = cursor.next()) {
        if (event === START) readMapEntry(ctx, shape, cursor, out, depth + 1);
      }
      return out;
    }
    default: {
      const leaf = cursor.leafText();
      if (leaf !== undefined) return readScalar(ctx, shape, leaf);
      // Only the element's own text counts, as ElementTree's `.text` plus its tails would.
      let text = '';
      for (let event = cursor.next(); event !== END; event = cursor.next()) {
        if (event === TEXT) text += cursor.text();
        else if (event === START) cursor.skipElement();
      }
      return readScalar(ctx, shape, text);
    }
  }
}

function readStructure(ctx: XmlReadContext, shape: Shape, cursor: XmlCursor, depth: number): Record<string, unknown> {
  const plan = structurePlan(ctx, shape);
  const attributes = plan.hasAttributes ? cursor.attributes() : undefined;
  // Members go into `out` as they come. Output keys follow the shape's member order, as botocore's
  // do; documents nearly always list members in that order, so only an out-of-order document (or
  // a shape with attributes) needs the second pass at the end.
  const out: Record<string, unknown> = {};
  let lastIndex = -1;
  let inOrder = !attributes;
  for (let event = cursor.next(); event !== END; event = cursor.next()) {
    if (event !== START) continue;
    const index = plan.byElement.get(cursor.name);
    const found = index === undefined ? undefined : plan.members[index];
    const present = found !== undefined && Object.hasOwn(out, found.name);
    // Unknown elements are skipped; of repeated ones only a flattened list or map takes them all.
    if (found === undefined || (present && !found.flattened)) {
      cursor.skipElement();
      continue;
    }
    const { name, member, flattened } = found;
    if (index! < lastIndex) inOrder = false;
    lastIndex = index!;
    if (!flattened) out[name] = readElement(ctx, member, cursor, depth + 1);
    else {
      if (!present) out[name] = member.type === 'list' ? [] : {};
      if (member.type === 'list') (out[name] as unknown[]).push(readElement(ctx, resolveShape(ctx.model, member.member), cursor, depth + 1));
      else readMapEntry(ctx, member, cursor, out[name] as Record<string, unknown>, depth + 1);
    }
  }
  if (inOrder) return out;
  const ordered: Record<string, unknown> = {};
  for (const { name, member } of plan.members) {
    if (Object.hasOwn(out, name)) ordered[name] = out[name];
    else if (member.xmlAttribute && attributes) {
      const value = attributeValue(attributes, member.locationName ?? name);
      if (value !== undefined) ordered[name] = value;
    }
  }
  return ordered;
}

/** One `<entry><key/><value/></entry>` (or a flattened map's element) added to `out`. */
function readMapEntry(ctx: XmlReadContext, shape: Shape, cursor: XmlCursor, out: Record<string, unknown>, depth: number): void {
  if (depth > MAX_DEPTH) throw new Error(`the response is nested more than ${MAX_DEPTH} levels deep`);
  const keyShape = resolveShape(ctx.model, shape.key);
  const valueShape = resolveShape(ctx.model, shape.value);
  const keyName = keyShape.locationName ?? 'key';
  const valueName = valueShape.locationName ?? 'value';
  let key: unknown;
  let value: unknown;
  let hasKey = false;
  let hasValue = false;
  for (let event = cursor.next(); event !== END; event = cursor.next()) {
    if (event !== START) continue;
    if (!hasKey && cursor.name === keyName) {
      key = readElement(ctx, keyShape, cursor, depth + 1);
      hasKey = true;
    } else if (!hasValue && cursor.name === valueName) {
      value = readElement(ctx, valueShape, cursor, depth + 1);
      hasValue = true;
    } else cursor.skipElement();
  }
  if (hasKey) setOwn(out, String(key), hasValue ? value : null);
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
