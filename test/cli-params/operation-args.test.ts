// Command-line arguments → operation parameters, table-driven from cases/operation-args.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadService } from '../../src/engine/models/loader.js';
import { parseGlobalArgs, parseOperationArgs } from '../../src/cli/params/index.js';

interface Case {
  name: string; service: string; operation: string; argv: string[];
  noPaginate?: boolean; binaryFormat?: 'base64' | 'raw-in-base64-out';
  params: Record<string, unknown>; paging?: Record<string, unknown>; userSetPagingParam?: boolean;
  outfile?: string; help?: boolean;
}
const cases = JSON.parse(readFileSync(new URL('./cases/operation-args.json', import.meta.url), 'utf8')) as Case[];

/** Bytes are written as {"$bytes": "<utf-8 text>"} in the case files. */
function comparable(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('utf8') };
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

describe('parseOperationArgs', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = parseOperationArgs(loadService(c.service), c.operation, c.argv, { noPaginate: c.noPaginate, binaryFormat: c.binaryFormat });
      expect(comparable(result.params)).toEqual(c.params);
      if (c.paging) expect(result.paging).toEqual(c.paging);
      if (c.userSetPagingParam !== undefined) expect(result.userSetPagingParam).toBe(c.userSetPagingParam);
      if (c.outfile) expect(result.outfile).toBe(c.outfile);
      expect(result.help).toBe(c.help ?? false);
    });
  }

  it('reads file:// and fileb:// values', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-params-'));
    writeFileSync(join(dir, 'filters.json'), '[{"Name": "a", "Values": ["b"]}]\r\n');
    writeFileSync(join(dir, 'payload.bin'), Buffer.from([0, 1, 2, 255]));
    const ec2 = parseOperationArgs(loadService('ec2'), 'describe-instances', ['--filters', 'file://filters.json'], { cwd: dir });
    expect(ec2.params).toEqual({ Filters: [{ Name: 'a', Values: ['b'] }] });
    const lambda = parseOperationArgs(loadService('lambda'), 'invoke', ['--function-name', 'f', '--payload', `fileb://${dir}/payload.bin`, 'out']);
    expect([...(lambda.params.Payload as Uint8Array)]).toEqual([0, 1, 2, 255]);
  });

  it('warns about non-positive --max-items', () => {
    const r = parseOperationArgs(loadService('iam'), 'list-users', ['--max-items', '0']);
    expect(r.warnings).toEqual(['warning: Non-positive values for --max-items may result in undefined behavior.']);
  });
});

describe('parseGlobalArgs', () => {
  it('takes global options from anywhere and keeps the rest in order', () => {
    const r = parseGlobalArgs(['--region', 'eu-west-1', 's3api', 'list-objects-v2', '--bucket', 'b', '--output', 'table',
      '--no-paginate', '--query', 'Contents[].Key', '--profile', 'dev', '--debug', '--endpoint-url', 'http://127.0.0.1:5000',
      '--no-verify-ssl', '--cli-read-timeout', '5', '--cli-connect-timeout', '2', '--color', 'off', '--no-sign-request', '--ca-bundle', '/ca.pem']);
    expect(r.command).toBe('s3api');
    expect(r.rest).toEqual(['list-objects-v2', '--bucket', 'b']);
    expect(r.globals).toMatchObject({
      region: 'eu-west-1', output: 'table', paginate: false, query: 'Contents[].Key', profile: 'dev', debug: true,
      endpointUrl: 'http://127.0.0.1:5000', verifySsl: false, readTimeout: 5, connectTimeout: 2, color: 'off',
      signRequest: false, caBundle: '/ca.pem',
    });
  });

  it('defaults', () => {
    expect(parseGlobalArgs(['sts', 'get-caller-identity']).globals).toMatchObject({ paginate: true, color: 'auto', verifySsl: true, signRequest: true, debug: false });
  });
});
