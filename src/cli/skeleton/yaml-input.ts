// `--generate-cli-skeleton yaml-input`: the input sample as the AWS CLI v2 prints it with
// ruamel.yaml: block style, lists at their key's indent, `!!binary ''` for blobs, and an end-of-
// line comment per structure member ([REQUIRED], then the valid values of an enum). ruamel puts two
// spaces before the first comment of each mapping and one before the others.
// The CLI's comments also quote the first sentence of each member's documentation; the models
// awsdeck ships carry no documentation, so those words are missing here.
import { resolveShape } from '../../engine/models/shapes.js';
import type { ServiceModel, Shape, ShapeRef } from '../../engine/models/types.js';

type Node =
  | { kind: 'scalar'; text: string }
  | { kind: 'map'; entries: Array<{ key: string; node: Node; comment?: string }> }
  | { kind: 'seq'; item: Node };

export function yamlInputText(model: ServiceModel, operationName: string): string {
  const input = model.operations[operationName]!.input;
  if (!input) return '{}\n';
  const root = nodeFor(model, input);
  if (root.kind !== 'map' || root.entries.length === 0) return '{}\n';
  return emitEntries(root.entries, 0).join('\n') + '\n';
}

function nodeFor(model: ServiceModel, ref: ShapeRef): Node {
  const stack: Array<string | undefined> = [];
  const walk = (shapeRef: ShapeRef): Node => {
    const shape = resolveShape(model, shapeRef);
    stack.push(shape.name);
    try {
      return nodeOf(shape);
    } finally {
      stack.pop();
    }
  };
  const nodeOf = (shape: Shape): Node => {
    switch (shape.type) {
      case 'structure': {
        if (shape.name !== undefined && stack.filter((n) => n === shape.name).length > 1) return { kind: 'map', entries: [] };
        const required = new Set(shape.required ?? []);
        return {
          kind: 'map',
          entries: Object.entries(shape.members ?? {}).map(([key, memberRef]) => ({ key, node: walk(memberRef), comment: memberComment(resolveShape(model, memberRef), required.has(key)) })),
        };
      }
      case 'list': return { kind: 'seq', item: walk(shape.member!) };
      case 'map': return { kind: 'map', entries: [{ key: 'KeyName', node: walk(shape.value!) }] };
      case 'string': return { kind: 'scalar', text: yamlString(shape.enum?.[0] ?? '') };
      case 'integer': case 'long': return { kind: 'scalar', text: '0' };
      case 'float': case 'double': return { kind: 'scalar', text: '0.0' };
      case 'boolean': return { kind: 'scalar', text: 'true' };
      case 'timestamp': return { kind: 'scalar', text: '1970-01-01 00:00:00' };
      case 'blob': return { kind: 'scalar', text: "!!binary ''" };
      default: return { kind: 'scalar', text: 'null' };
    }
  };
  return walk(ref);
}

function memberComment(shape: Shape, required: boolean): string | undefined {
  const parts: string[] = [];
  if (required) parts.push('[REQUIRED]');
  if (shape.enum?.length) parts.push(`Valid values are: ${shape.enum.join(', ')}.`);
  return parts.length ? parts.join(' ') : undefined;
}

function emitEntries(entries: Array<{ key: string; node: Node; comment?: string }>, indent: number, firstPrefix?: string): string[] {
  const lines: string[] = [];
  entries.forEach(({ key, node, comment }, i) => {
    const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
    const note = comment ? `${i === 0 ? '  ' : ' '}# ${comment}` : '';
    const inline = inlineText(node);
    if (inline !== undefined) {
      lines.push(`${lead}${yamlString(key)}: ${inline}${note}`);
    } else {
      lines.push(`${lead}${yamlString(key)}:${note}`);
      lines.push(...emitBlock(node, node.kind === 'seq' ? indent : indent + 2));
    }
  });
  return lines;
}

/** A node written on its key's line: a scalar or an empty mapping. */
function inlineText(node: Node): string | undefined {
  if (node.kind === 'scalar') return node.text;
  if (node.kind === 'map' && node.entries.length === 0) return '{}';
  return undefined;
}

function emitBlock(node: Node, indent: number): string[] {
  if (node.kind === 'map') return emitEntries(node.entries, indent);
  if (node.kind === 'seq') return emitItem(node.item, indent, `${' '.repeat(indent)}- `);
  return [`${' '.repeat(indent)}${node.text}`];
}

/** One sequence item; `prefix` holds the dashes already written on this line. */
function emitItem(item: Node, indent: number, prefix: string): string[] {
  const inline = inlineText(item);
  if (inline !== undefined) return [`${prefix}${inline}`];
  if (item.kind === 'seq') return emitItem(item.item, indent + 2, `${prefix}- `);
  return emitEntries((item as Extract<Node, { kind: 'map' }>).entries, prefix.length, prefix);
}

const PLAIN_UNSAFE = /^$|^[-?:,[\]{}#&*!|>'"%@`\s]|[\s:]$|: | #|^(true|false|yes|no|on|off|null|~)$|^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xo]|^\d{4}-\d\d?-\d\d?/i;

/** A string as ruamel writes it: plain when it reads back as the same string, else single-quoted. */
function yamlString(value: string): string {
  return PLAIN_UNSAFE.test(value) ? `'${value.replace(/'/g, "''")}'` : value;
}
