// Plain-text views of a parameter's shape for help: a nested type outline and a shorthand example.
import type { ServiceModel, Shape } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';

const MAX_DEPTH = 4;
const MAX_ENUM = 12;

function enumText(shape: Shape): string {
  if (!shape.enum?.length) return '';
  const shown = shape.enum.slice(0, MAX_ENUM).join(' | ');
  return ` one of: ${shown}${shape.enum.length > MAX_ENUM ? ` | … (${shape.enum.length} values)` : ''}`;
}

/** Lines describing the structure below a parameter (members, element and value types, enums). */
export function describeShape(model: ServiceModel, shape: Shape, depth = 0, seen: string[] = []): string[] {
  if (shape.name && seen.includes(shape.name)) return ['( … recursive … )'];
  const stack = shape.name ? [...seen, shape.name] : seen;
  if (depth > MAX_DEPTH) return ['…'];
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return ['(document: any JSON value)'];
      const required = new Set(shape.required ?? []);
      const lines: string[] = [];
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const member = resolveShape(model, ref);
        lines.push(`${name} -> (${typeLabel(model, member)}${required.has(name) ? ', required' : ''})${enumText(member)}`);
        lines.push(...describeShape(model, member, depth + 1, stack).map((l) => `  ${l}`));
      }
      return lines;
    }
    case 'list': {
      const member = resolveShape(model, shape.member);
      if (member.type !== 'structure' && member.type !== 'list' && member.type !== 'map') {
        return shape.enum || member.enum ? [`items: (${member.type})${enumText(member)}`] : [];
      }
      return [`items: (${member.type})`, ...describeShape(model, member, depth + 1, stack).map((l) => `  ${l}`)];
    }
    case 'map': {
      const key = resolveShape(model, shape.key);
      const value = resolveShape(model, shape.value);
      return [
        `keys: (${key.type})${enumText(key)}`,
        `values: (${value.type})${enumText(value)}`,
        ...describeShape(model, value, depth + 1, stack).map((l) => `  ${l}`),
      ];
    }
    default:
      return shape.enum?.length ? [`${enumText(shape).trim()}`] : [];
  }
}

/** `list of string` for lists of scalars, else the type name. */
export function typeLabel(model: ServiceModel, shape: Shape): string {
  if (shape.type !== 'list') return shape.type;
  const member = resolveShape(model, shape.member);
  return member.type === 'structure' || member.type === 'list' || member.type === 'map' ? 'list' : `list of ${member.type}`;
}

class TooComplex extends Error {}

/** The CLI's shorthand hint (`Name=string,Values=string,string ...`); undefined when none applies. */
export function shorthandExample(model: ServiceModel, shape: Shape): string | undefined {
  const complex = (s: Shape) => s.type === 'structure' || s.type === 'list' || s.type === 'map';
  if (!complex(shape) || (shape.type === 'structure' && shape.document)) return undefined;
  if (shape.type === 'list' && !complex(resolveShape(model, shape.member))) return undefined;
  try {
    if (shape.type === 'list') return `${example(model, resolveShape(model, shape.member), [])} ...`;
    return example(model, shape, []);
  } catch (err) {
    if (err instanceof TooComplex) return undefined;
    throw err;
  }
}

function example(model: ServiceModel, shape: Shape, stack: string[]): string {
  if (stack.length > 3) throw new TooComplex();
  if (shape.type === 'structure') {
    const parts = Object.entries(shape.members ?? {}).map(([name, ref]) => {
      const member = resolveShape(model, ref);
      if (member.name && stack.includes(member.name)) return `${name}=( ... recursive ... )`;
      return `${name}=${example(model, member, [...stack, member.name ?? name])}`;
    });
    return stack.length ? `{${parts.join(',')}}` : parts.join(',');
  }
  if (shape.type === 'list') {
    const member = resolveShape(model, shape.member);
    const inner = example(model, member, [...stack, member.name ?? 'member']);
    return complexOrNested(member, stack) ? `[${inner},${inner}]` : `${inner},${inner}`;
  }
  if (shape.type === 'map') {
    const value = example(model, resolveShape(model, shape.value), stack);
    const text = `KeyName1=${value},KeyName2=${value}`;
    return stack.length ? `{${text}}` : text;
  }
  return shape.type;
}

function complexOrNested(member: Shape, stack: string[]): boolean {
  return member.type === 'structure' || member.type === 'list' || member.type === 'map' || stack.length > 1;
}
