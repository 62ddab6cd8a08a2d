// The check botocore's Stubber makes on the `output` sample before the CLI prints it: lengths and
// values below a shape's `min`, and blobs left as None, are reported as the CLI reports them
// ("Parameter validation failed:" and one line each, exit 252).
import { resolveShape } from '../../engine/models/shapes.js';
import type { ServiceModel, ShapeRef } from '../../engine/models/types.js';
import { PyFloat } from '../../engine/exact-json.js';

export function sampleProblems(model: ServiceModel, ref: ShapeRef, sample: unknown): string[] {
  const problems: string[] = [];
  const label = (name: string) => (name === '' ? 'input' : name.startsWith('.') ? name.slice(1) : name);
  const tooSmall = (name: string, value: number, min: number | undefined, what: 'length' | 'value', shown = String(value)) => {
    if (min !== undefined && value < min) problems.push(`Invalid ${what} for parameter ${label(name)}, value: ${shown}, valid min ${what}: ${min}`);
  };
  const check = (shapeRef: ShapeRef, value: unknown, name: string): void => {
    const shape = resolveShape(model, shapeRef);
    const min = typeof shape.min === 'number' ? shape.min : shape.hostLabel ? 1 : undefined;
    switch (shape.type) {
      case 'structure':
        if (shape.document) return;
        for (const [member, memberValue] of Object.entries(value as Record<string, unknown>)) check(shape.members![member]!, memberValue, `${name}.${member}`);
        return;
      case 'list':
        tooSmall(name, (value as unknown[]).length, min, 'length');
        (value as unknown[]).forEach((item, i) => check(shape.member!, item, `${name}[${i}]`));
        return;
      case 'map':
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
          check(shape.key!, key, `${name} (key: ${key})`);
          check(shape.value!, item, `${name}.${key}`);
        }
        return;
      case 'string':
        if (shape.jsonvalue) return;
        tooSmall(name, (value as string).length, min, 'length');
        return;
      case 'integer': case 'long': case 'float': case 'double':
        tooSmall(name, Number(value), min, 'value', value instanceof PyFloat ? '0.0' : String(value));
        return;
      case 'blob':
        if (value === null) problems.push(`Invalid type for parameter ${label(name)}, value: None, type: <class 'NoneType'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object`);
        return;
      default:
    }
  };
  check(ref, sample, '');
  return problems;
}
