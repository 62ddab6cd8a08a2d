// Server side of the `query` and `ec2` protocols' requests: a form-encoded (or query-string)
// parameter list is turned back into operation input keyed by the model's member names.
import type { ServiceModel, Shape, ShapeRef } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { scalarFromText } from './shape-values.js';

export type FormFlavor = 'query' | 'ec2';

/** `a=1&b=x+y` → entries. `+` is a space here (form encoding), unlike in URL query strings. */
export function parseFormBody(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!text) return out;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    out.push([decodeFormComponent(rawKey), decodeFormComponent(rawValue)]);
  }
  return out;
}

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

class ParamIndex {
  readonly values = new Map<string, string>();
  private readonly prefixes = new Set<string>();
  constructor(entries: Array<[string, string]>) {
    for (const [k, v] of entries) {
      this.values.set(k, v);
      let dot = k.indexOf('.');
      while (dot >= 0) {
        this.prefixes.add(k.slice(0, dot));
        dot = k.indexOf('.', dot + 1);
      }
    }
  }
  /** True when some parameter is `name` itself or lies under `name.`. */
  has(name: string): boolean {
    return this.values.has(name) || this.prefixes.has(name);
  }
}

function memberWireName(flavor: FormFlavor, memberName: string, ref: ShapeRef): string {
  if (flavor === 'ec2') {
    if (typeof ref.queryName === 'string') return ref.queryName;
    if (typeof ref.locationName === 'string') return ref.locationName[0]!.toUpperCase() + ref.locationName.slice(1);
    return memberName;
  }
  return typeof ref.locationName === 'string' ? ref.locationName : memberName;
}

/** Decode the parameters of one operation's input shape. Unknown parameters are ignored, as AWS does. */
export function decodeFormInput(model: ServiceModel, input: ShapeRef | undefined, entries: Array<[string, string]>, flavor: FormFlavor): Record<string, unknown> {
  if (!input) return {};
  const index = new ParamIndex(entries);
  const shape = resolveShape(model, input);
  return (decodeStructure(model, shape, '', index, flavor) as Record<string, unknown>) ?? {};
}

function decodeValue(model: ServiceModel, ref: ShapeRef, name: string, index: ParamIndex, flavor: FormFlavor): unknown {
  const shape = resolveShape(model, ref);
  switch (shape.type) {
    case 'structure': return index.has(name) ? decodeStructure(model, shape, name, index, flavor) : undefined;
    case 'list': return decodeList(model, shape, name, index, flavor);
    case 'map': return decodeMap(model, shape, name, index, flavor);
    default: {
      const text = index.values.get(name);
      return text === undefined ? undefined : scalarFromText(shape, text, name);
    }
  }
}

function decodeStructure(model: ServiceModel, shape: Shape, prefix: string, index: ParamIndex, flavor: FormFlavor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
    const wire = memberWireName(flavor, memberName, ref);
    const value = decodeValue(model, ref, prefix ? `${prefix}.${wire}` : wire, index, flavor);
    if (value !== undefined) out[memberName] = value;
  }
  return out;
}

function listItemPrefix(shape: Shape, name: string, flavor: FormFlavor): string {
  if (flavor === 'ec2') return name;
  const memberLocation = typeof shape.member?.locationName === 'string' ? shape.member.locationName : undefined;
  if (shape.flattened) {
    if (!memberLocation) return name;
    const parts = name.split('.');
    parts[parts.length - 1] = memberLocation;
    return parts.join('.');
  }
  return `${name}.${memberLocation ?? 'member'}`;
}

function decodeList(model: ServiceModel, shape: Shape, name: string, index: ParamIndex, flavor: FormFlavor): unknown[] | undefined {
  const itemPrefix = listItemPrefix(shape, name, flavor);
  const items: unknown[] = [];
  for (let i = 1; index.has(`${itemPrefix}.${i}`); i++) {
    items.push(decodeValue(model, shape.member!, `${itemPrefix}.${i}`, index, flavor));
  }
  if (items.length === 0) return index.values.has(name) ? [] : undefined;
  return items;
}

function decodeMap(model: ServiceModel, shape: Shape, name: string, index: ParamIndex, flavor: FormFlavor): Record<string, unknown> | undefined {
  const keyName = typeof shape.key?.locationName === 'string' ? shape.key.locationName : 'key';
  const valueName = typeof shape.value?.locationName === 'string' ? shape.value.locationName : 'value';
  const entryPrefix = shape.flattened ? name : `${name}.entry`;
  const out: Record<string, unknown> = {};
  let found = false;
  for (let i = 1; index.has(`${entryPrefix}.${i}`); i++) {
    const key = index.values.get(`${entryPrefix}.${i}.${keyName}`);
    if (key === undefined) continue;
    out[key] = decodeValue(model, shape.value!, `${entryPrefix}.${i}.${valueName}`, index, flavor);
    found = true;
  }
  return found ? out : undefined;
}
