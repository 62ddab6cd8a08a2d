// xformName against botocore.xform_name for every operation and member name of every built model.
import { describe, expect, it } from 'vitest';
import { loadService, serviceNames } from '../../src/engine/models/loader.js';
import { xformName } from '../../src/cli/params/xform-name.js';
import { runPython, V1_PYTHON } from './python-oracle.js';

function allModelNames(): string[] {
  const names = new Set<string>();
  for (const service of serviceNames()) {
    const model = loadService(service);
    for (const op of Object.keys(model.operations)) names.add(op);
    const visit = (ref: { members?: Record<string, unknown> } | undefined) => {
      for (const [member, child] of Object.entries(ref?.members ?? {})) {
        names.add(member);
        visit(child as { members?: Record<string, unknown> });
      }
    };
    for (const shape of Object.values(model.shapes)) visit(shape);
    for (const op of Object.values(model.operations)) {
      visit(op.input);
      visit(op.output);
    }
  }
  return [...names];
}

describe('xformName', () => {
  it('matches botocore for the names it special-cases', () => {
    expect(xformName('ListObjectsV2')).toBe('list-objects-v2');
    expect(xformName('DescribeDBInstances')).toBe('describe-db-instances');
    expect(xformName('GatewayARNs')).toBe('gateway-arns');
    expect(xformName('ListWebACLs')).toBe('list-web-acls');
    expect(xformName('CreateCachediSCSIVolume')).toBe('create-cached-iscsi-volume');
    expect(xformName('DescribeInstances', '_')).toBe('describe_instances');
    expect(xformName('already-dashed')).toBe('already-dashed');
  });

  it('matches botocore.xform_name for every operation and member name of every service', () => {
    const names = allModelNames();
    expect(names.length).toBeGreaterThan(10_000);
    const script = [
      'import json, sys',
      'from botocore import xform_name',
      'names = json.load(sys.stdin)',
      'print(json.dumps([[xform_name(n, "-"), xform_name(n, "_")] for n in names]))',
    ].join('\n');
    const expected = runPython<string[][]>(V1_PYTHON, script, names);
    const mismatches = names
      .map((n, i) => [n, xformName(n, '-'), xformName(n, '_'), ...expected[i]])
      .filter(([, dash, under, wantDash, wantUnder]) => dash !== wantDash || under !== wantUnder);
    expect(mismatches).toEqual([]);
  });
});
