// Shape resolution shared by serializers, parsers, the CLI argument builder and the sandbox.
import type { OperationModel, ServiceModel, Shape, ShapeRef } from './types.js';

const SHAPE_LEVEL_DEFAULT: Shape = { type: 'string' };

// Resolved shapes are memoised per reference: parsers resolve the same members for every item of
// a listing (100,000 times for a big bucket), and the models never change once loaded.
const resolvedShapes = new WeakMap<object, WeakMap<ShapeRef, Shape>>();

/**
 * Resolve a ref to a concrete shape: the named shape (if any) with the ref's own traits laid
 * over it, as botocore does for member traits. Inline refs without a type are strings.
 */
export function resolveShape(model: Pick<ServiceModel, 'shapes'>, ref: ShapeRef | undefined): Shape {
  if (!ref) return SHAPE_LEVEL_DEFAULT;
  let memo = resolvedShapes.get(model.shapes);
  if (!memo) resolvedShapes.set(model.shapes, (memo = new WeakMap()));
  let shape = memo.get(ref);
  if (!shape) memo.set(ref, (shape = resolveUncached(model, ref)));
  return shape;
}

function resolveUncached(model: Pick<ServiceModel, 'shapes'>, ref: ShapeRef): Shape {
  if (ref.shape === undefined) return (ref.type ? ref : { ...ref, type: 'string' }) as Shape;
  const target = model.shapes[ref.shape];
  if (!target) throw new Error(`model refers to a missing shape ${ref.shape}`);
  const base = resolveShape(model, target);
  const { shape: name, ...traits } = ref;
  return { ...base, ...traits, name } as Shape;
}

export function inputShape(model: ServiceModel, op: OperationModel): Shape | undefined {
  return op.input ? resolveShape(model, op.input) : undefined;
}

export function outputShape(model: ServiceModel, op: OperationModel): Shape | undefined {
  return op.output ? resolveShape(model, op.output) : undefined;
}

export function isScalarType(type: string): boolean {
  return type !== 'structure' && type !== 'list' && type !== 'map';
}
