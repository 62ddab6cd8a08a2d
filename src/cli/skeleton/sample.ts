// The sample values `--generate-cli-skeleton` prints, following the AWS CLI v2.9's argument
// generator: every member once, lists with one item, maps with one `KeyName` entry, strings empty
// (or the first enum value) for input, and named after their member for the `output` sample.
// A structure already on the current path becomes `{}` (recursive shapes stop at one level).
import { resolveShape } from '../../engine/models/shapes.js';
import type { ServiceModel, Shape, ShapeRef } from '../../engine/models/types.js';
import { PyFloat } from '../../engine/exact-json.js';

/** The timestamp both samples hold: Python's naive datetime(1970, 1, 1) as the CLI prints it. */
export const SAMPLE_TIMESTAMP = '1970-01-01T00:00:00';

export interface SampleOptions {
  /** The output sample names strings after their member (the CLI's use_member_names). */
  useMemberNames: boolean;
}

export function sampleFor(model: ServiceModel, ref: ShapeRef, opts: SampleOptions): unknown {
  const stack: Array<string | undefined> = [];
  const walk = (shapeRef: ShapeRef, name: string): unknown => {
    const shape = resolveShape(model, shapeRef);
    stack.push(shape.name);
    try {
      return sampleOf(shape, name);
    } finally {
      stack.pop();
    }
  };
  const sampleOf = (shape: Shape, name: string): unknown => {
    switch (shape.type) {
      case 'structure': {
        // Inline shapes have no name in the compact models; they are used once, so never recur.
        if (shape.name !== undefined && stack.filter((n) => n === shape.name).length > 1) return {};
        const out: Record<string, unknown> = {};
        for (const [member, memberRef] of Object.entries(shape.members ?? {})) out[member] = walk(memberRef, member);
        return out;
      }
      case 'list':
        // The CLI names a list's strings after the item's shape; the compact models keep no shape
        // names, so those strings stay empty (a known difference in the output sample).
        return [walk(shape.member!, '')];
      case 'map':
        return { KeyName: walk(shape.value!, '') };
      case 'string':
        if (opts.useMemberNames) return name;
        return shape.enum?.length ? shape.enum[0] : '';
      case 'integer':
      case 'long':
        return 0;
      case 'float':
      case 'double':
        return new PyFloat(0);
      case 'boolean':
        return true;
      case 'timestamp':
        return SAMPLE_TIMESTAMP;
      default:
        // blob and the rare types get Python's None
        return null;
    }
  };
  return walk(ref, '');
}
