// --generate-cli-skeleton (input, output, yaml-input) against the AWS CLI v2, byte for byte, over
// operations of sixteen services across the five protocols. No server is involved.
//
// The CLI's samples also use model facts the aws-sdk models awsdeck ships drop (`min`, the shape
// names of list items, documentation; enums are put back from botocore at build time), and the
// CLI's own models are from January 2023. So an operation is compared only where the CLI's model
// has the same member tree as ours (enum values included) and the sample needs none of the
// dropped facts; the counts compared are asserted, so the sample cannot shrink unnoticed, and
// operations whose input has enums are added on purpose. yaml-input is compared without its
// comments (the documentation, which the package does not ship).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadService } from '../../src/engine/models/loader.js';
import { resolveShape } from '../../src/engine/models/shapes.js';
import type { ServiceModel, ShapeRef } from '../../src/engine/models/types.js';
import { xformName } from '../../src/cli/params/index.js';
import { awsCliV2Path } from '../support/aws-cli.js';
import { buildPrivateBundle } from '../support/private-bundle.js';

const CLI_DATA = '/usr/lib/python3/dist-packages/awscli/botocore/data';
const SERVICES: Array<[cli: string, botocore: string]> = [
  ['ec2', 'ec2'], ['s3api', 's3'], ['iam', 'iam'], ['dynamodb', 'dynamodb'], ['lambda', 'lambda'], ['sts', 'sts'],
  ['sso', 'sso'], ['logs', 'logs'], ['sqs', 'sqs'], ['sns', 'sns'], ['kms', 'kms'], ['cloudformation', 'cloudformation'],
  ['route53', 'route53'], ['secretsmanager', 'secretsmanager'], ['ecs', 'ecs'], ['events', 'events'],
];
const PER_SERVICE = 4;

interface CliShape { type: string; members?: Record<string, { shape: string }>; member?: { shape: string }; value?: { shape: string }; enum?: string[]; min?: number; required?: string[]; streaming?: boolean; document?: boolean; union?: boolean }
interface CliModel { operations: Record<string, { input?: { shape: string }; output?: { shape: string } }>; shapes: Record<string, CliShape> }

function cliModel(botocoreName: string): CliModel {
  const dir = join(CLI_DATA, botocoreName);
  const version = readdirSync(dir).filter((v) => existsSync(join(dir, v, 'service-2.json'))).sort().at(-1)!;
  return JSON.parse(readFileSync(join(dir, version, 'service-2.json'), 'utf8')) as CliModel;
}

/** A member tree as text, cut where a structure recurs, plus whether it needs a dropped fact. */
function cliTree(model: CliModel, name: string, forOutput: boolean, stack: string[] = []): { text: string; needs: boolean } {
  const shape = model.shapes[name]!;
  stack.push(name);
  try {
    let needs = shape.union === true || (forOutput && (shape.min ?? 0) > 0 && shape.type !== 'structure');
    if (shape.type === 'structure') {
      if (shape.document) return { text: 'document', needs };
      if (stack.filter((n) => n === name).length > 1) return { text: '{}', needs };
      const parts = Object.entries(shape.members ?? {}).map(([m, ref]) => {
        const t = cliTree(model, ref.shape, forOutput, stack);
        needs ||= t.needs;
        return `${m}:${t.text}`;
      });
      return { text: `{${parts.join(',')}}`, needs };
    }
    if (shape.type === 'list') {
      const item = model.shapes[shape.member!.shape]!;
      if (forOutput && item.type === 'string') needs = true; // the item's shape name is the sample
      const t = cliTree(model, shape.member!.shape, forOutput, stack);
      return { text: `[${t.text}]`, needs: needs || t.needs };
    }
    if (shape.type === 'map') {
      const t = cliTree(model, shape.value!.shape, forOutput, stack);
      return { text: `<${t.text}>`, needs: needs || t.needs };
    }
    return { text: !forOutput && shape.enum ? `${shape.type}(${shape.enum.join('|')})` : shape.type, needs };
  } finally {
    stack.pop();
  }
}

function ourTree(model: ServiceModel, ref: ShapeRef, forOutput: boolean, stack: Array<string | undefined> = []): string {
  const shape = resolveShape(model, ref);
  stack.push(shape.name);
  try {
    if (shape.type === 'structure') {
      if (shape.document) return 'document';
      if (shape.name !== undefined && stack.filter((n) => n === shape.name).length > 1) return '{}';
      return `{${Object.entries(shape.members ?? {}).map(([m, r]) => `${m}:${ourTree(model, r, forOutput, stack)}`).join(',')}}`;
    }
    if (shape.type === 'list') return `[${ourTree(model, shape.member!, forOutput, stack)}]`;
    if (shape.type === 'map') return `<${ourTree(model, shape.value!, forOutput, stack)}>`;
    return !forOutput && shape.enum ? `${shape.type}(${shape.enum.join('|')})` : shape.type;
  } finally {
    stack.pop();
  }
}

type Mode = 'input' | 'yaml-input' | 'output';

/**
 * Operations both models describe alike for this mode (and, for output, with no required input);
 * with `withEnums`, only those whose input has an enum somewhere, at most one per service.
 */
function comparable(cli: string, botocore: string, mode: Mode, withEnums = false): string[] {
  const ours = loadService(cli);
  const theirs = cliModel(botocore);
  const picked: string[] = [];
  for (const [name, op] of Object.entries(ours.operations)) {
    const their = theirs.operations[name];
    if (!their) continue;
    const side = mode === 'output' ? 'output' : 'input';
    const ourRef = op[side];
    const theirRef = their[side];
    if (!ourRef || !theirRef) continue;
    if (op.output && Object.values(resolveShape(ours, op.output).members ?? {}).some((m) => resolveShape(ours, m).streaming)) continue;
    if (mode === 'output' && op.input && (resolveShape(ours, op.input).required ?? []).length > 0) continue;
    const tree = cliTree(theirs, theirRef.shape, mode === 'output');
    if (tree.needs || tree.text !== ourTree(ours, ourRef, mode === 'output')) continue;
    if (withEnums && !tree.text.includes('(')) continue;
    // `sso logout` is the CLI's own command, not the Logout operation.
    if (cli === 'sso' && name === 'Logout') continue;
    picked.push(xformName(name));
  }
  if (withEnums) return picked.slice(0, 1);
  // Spread the picks over the service's operations rather than taking the first few.
  const step = Math.max(1, Math.floor(picked.length / PER_SERVICE));
  return picked.filter((_, i) => i % step === 0).slice(0, PER_SERVICE);
}

interface Run { stdout: string; stderr: string; status: number }

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status: status ?? -1 }));
  });
}

async function pool<T>(tasks: Array<() => Promise<T>>, width = 3): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) { const i = next++; results[i] = await tasks[i]!(); }
  }));
  return results;
}

const home = mkdtempSync(join(tmpdir(), 'awsdeck-skeleton-'));
const env = {
  PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
  AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
};
const withoutComments = (yaml: string) => yaml.replace(/ +# .*$/gm, '');

let awsdeck: string;
beforeAll(async () => { awsdeck = await buildPrivateBundle(); });

describe('--generate-cli-skeleton matches the AWS CLI v2', () => {
  for (const mode of ['input', 'yaml-input', 'output'] as const) {
    it(`${mode}: every comparable sampled operation prints the same`, async () => {
      const cases = SERVICES.flatMap(([cli, botocore]) => comparable(cli, botocore, mode).map((op) => [cli, op] as const));
      expect(cases.length).toBeGreaterThanOrEqual(mode === 'output' ? 20 : 40);
      if (mode !== 'output') {
        const withEnums = SERVICES.flatMap(([cli, botocore]) => comparable(cli, botocore, mode, true).map((op) => [cli, op] as const));
        expect(withEnums.length).toBeGreaterThanOrEqual(12);
        for (const pick of withEnums) if (!cases.some(([s, o]) => s === pick[0] && o === pick[1])) cases.push(pick);
      }
      const extra = mode === 'output' ? ['--region', 'us-east-1'] : [];
      const runs = await pool(cases.map(([service, op]) => async () => {
        const args = [service, op, '--generate-cli-skeleton', mode, ...extra];
        const [theirs, ours] = await Promise.all([run(awsCliV2Path(), args, env), run(process.execPath, [awsdeck, ...args], env)]);
        return { name: `${service} ${op}`, theirs, ours };
      }));
      for (const { name, theirs, ours } of runs) {
        // The output sample may fail the Stubber's check (a blob left as None): then both fail alike.
        if (mode !== 'output') expect(theirs.status, `${name}: the CLI failed: ${theirs.stderr}`).toBe(0);
        const clean = mode === 'yaml-input' ? withoutComments : (s: string) => s;
        expect({ name, status: ours.status, stdout: clean(ours.stdout), stderr: ours.stderr })
          .toEqual({ name, status: theirs.status, stdout: clean(theirs.stdout), stderr: theirs.stderr });
      }
    }, 600_000);
  }

  it('yaml-input comments: [REQUIRED] where the CLI has it', async () => {
    const args = ['sts', 'assume-role', '--generate-cli-skeleton', 'yaml-input'];
    const ours = await run(process.execPath, [awsdeck, ...args], env);
    expect(ours.stdout.split('\n').slice(0, 2)).toEqual(["RoleArn: ''  # [REQUIRED]", "RoleSessionName: '' # [REQUIRED]"]);
  });

  it('output keeps required parameters required and needs a region; input needs neither', async () => {
    for (const args of [['sts', 'assume-role', '--generate-cli-skeleton', 'output'], ['ec2', 'describe-regions', '--generate-cli-skeleton', 'output'], ['iam', 'create-user', '--generate-cli-skeleton']]) {
      const [theirs, ours] = await Promise.all([run(awsCliV2Path(), args, env), run(process.execPath, [awsdeck, ...args], env)]);
      expect({ status: ours.status, stdout: ours.stdout, stderr: ours.stderr.replace(/awsdeck/g, 'aws') })
        .toEqual({ status: theirs.status, stdout: theirs.stdout, stderr: theirs.stderr });
    }
  }, 120_000);

  it('output follows --output and --query like a response', async () => {
    for (const extra of [['--output', 'text'], ['--output', 'table'], ['--output', 'yaml'], ['--query', 'Regions[0]']]) {
      const args = ['ec2', 'describe-regions', '--generate-cli-skeleton', 'output', '--region', 'us-east-1', ...extra];
      const [theirs, ours] = await Promise.all([run(awsCliV2Path(), args, env), run(process.execPath, [awsdeck, ...args], env)]);
      expect(ours).toEqual(theirs);
    }
  }, 120_000);

  it('an operation that writes to a file has no --generate-cli-skeleton, as in the CLI', async () => {
    const args = ['s3api', 'get-object', '--bucket', 'b', '--key', 'k', 'out', '--generate-cli-skeleton'];
    const [theirs, ours] = await Promise.all([run(awsCliV2Path(), args, env), run(process.execPath, [awsdeck, ...args], env)]);
    expect({ status: ours.status, stderr: ours.stderr.replace(/awsdeck/g, 'aws') }).toEqual({ status: theirs.status, stderr: theirs.stderr });
  }, 120_000);
});
