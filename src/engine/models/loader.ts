// Loads the compact service models produced by scripts/build-models.mjs, one service at a time.
// They are shipped brotli-compressed (<name>.json.br); a plain <name>.json is read too.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import type { ServiceIndexEntry, ServiceModel } from './types.js';

/** The models/ folder: beside the bundle (dist/../models) or at the repository root. */
function findModelsDir(): string {
  if (process.env.AWSDECK_MODELS_DIR) return process.env.AWSDECK_MODELS_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models');
    if (existsSync(join(candidate, 'index.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('service models not found: run `npm run build:models`');
}

let modelsDir: string | undefined;
let index: Record<string, ServiceIndexEntry> | undefined;
const cache = new Map<string, ServiceModel>();

export function serviceIndex(): Record<string, ServiceIndexEntry> {
  modelsDir ??= findModelsDir();
  index ??= JSON.parse(readFileSync(join(modelsDir, 'index.json'), 'utf8')) as Record<string, ServiceIndexEntry>;
  return index;
}

export function serviceNames(): string[] {
  return Object.keys(serviceIndex());
}

export function hasService(name: string): boolean {
  return Object.hasOwn(serviceIndex(), name);
}

/** The model for a CLI service name (`s3api`, `ec2`, …); throws for an unknown name. */
export function loadService(name: string): ServiceModel {
  const cached = cache.get(name);
  if (cached) return cached;
  if (!hasService(name)) throw new Error(`unknown service: ${name}`);
  const raw = JSON.parse(readModelText(name)) as Omit<ServiceModel, 'name'>;
  const model: ServiceModel = { name, ...raw };
  for (const [opName, op] of Object.entries(model.operations)) op.name = opName;
  cache.set(name, model);
  return model;
}

/** A model's JSON text as shipped (for tools that read it themselves, e.g. the botocore oracle). */
export function readModelText(name: string): string {
  modelsDir ??= findModelsDir();
  const compressed = join(modelsDir!, `${name}.json.br`);
  if (existsSync(compressed)) return brotliDecompressSync(readFileSync(compressed)).toString('utf8');
  return readFileSync(join(modelsDir!, `${name}.json`), 'utf8');
}

interface ParameterEnums { enums: Record<string, string[]>; params: Record<string, Record<string, string>> }

/**
 * The values of an operation's enum parameter (or list-of-enum parameter), from botocore's models
 * (build-models adds them: the aws-sdk models the rest comes from carry no enums).
 */
export function parameterEnum(model: ServiceModel, operation: string, member: string): string[] | undefined {
  const enums = (model as ServiceModel & { parameterEnums?: ParameterEnums }).parameterEnums;
  const shape = enums?.params[operation]?.[member];
  return shape === undefined ? undefined : enums!.enums[shape];
}
