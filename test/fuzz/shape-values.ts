// fast-check values for a model shape: what a service could send for an output structure.
// Scalars whose text changes on the way (timestamps, blobs, floats) are left out, so a value read
// back from the wire must equal the value generated.
import fc from 'fast-check';
import { resolveShape } from '../../src/engine/models/shapes.js';
import type { ServiceModel, Shape } from '../../src/engine/models/types.js';
import { awkwardKey } from './fuzz-support.js';

const SKIPPED = new Set(['timestamp', 'blob', 'float', 'double', 'bigdecimal']);

export interface ShapeValueOptions {
  /** Characters a string may hold (XML cannot carry every control character). */
  text: fc.Arbitrary<string>;
  /** Members of a structure that are bound elsewhere (headers, status) are skipped. */
  skipLocated?: boolean;
}

export function shapeValue(model: ServiceModel, shape: Shape, options: ShapeValueOptions, depth = 0): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'structure': {
      if (depth > 4) return fc.constant({});
      const members = Object.entries(shape.members ?? {}).flatMap(([name, ref]) => {
        const member = resolveShape(model, ref);
        if (SKIPPED.has(member.type) || member.xmlAttribute || member.eventstream || member.streaming || (options.skipLocated && member.location)) return [];
        return [[name, shapeValue(model, member, options, depth + 1)] as const];
      });
      // Members in model order (the order the parser writes), each present or not.
      return fc.tuple(...members.map(([name, arb]) => fc.option(arb.map((v) => [name, v] as const), { nil: undefined })))
        .map((entries) => Object.fromEntries(entries.filter((e) => e !== undefined)));
    }
    case 'list':
      if (depth > 4 || SKIPPED.has(resolveShape(model, shape.member).type)) return fc.constant([]);
      return fc.array(shapeValue(model, resolveShape(model, shape.member), options, depth + 1), { maxLength: 3 });
    case 'map': {
      if (depth > 4 || SKIPPED.has(resolveShape(model, shape.value).type)) return fc.constant({});
      const key = fc.oneof(awkwardKey, options.text);
      return fc.uniqueArray(fc.tuple(key, shapeValue(model, resolveShape(model, shape.value), options, depth + 1)), { maxLength: 3, selector: ([k]) => k })
        .map((entries) => Object.fromEntries(entries));
    }
    case 'boolean':
      return fc.boolean();
    case 'integer': case 'long': case 'short': case 'byte': case 'biginteger':
      return fc.integer();
    default:
      return shape.enum ? fc.constantFrom(...(shape.enum as string[])) : options.text;
  }
}
