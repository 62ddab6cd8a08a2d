// Runs one protocol case (see cases/*.json) through our protocols and reports the result in the
// same shape as oracle.py does for botocore, so the two compare as JSON text.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadService, readModelText } from '../../src/engine/models/loader.js';
import { protocolFor } from '../../src/engine/protocols/index.js';
import { PyFloat } from '../../src/engine/exact-json.js';

export interface ProtocolCase {
  name: string;
  service: string;
  operation: string;
  params?: Record<string, unknown>;
  response?: { status?: number; statusMessage?: string; headers?: Record<string, string>; body?: string; bodyBase64?: string };
  requestParams?: Record<string, unknown>;
  timestampFormat?: 'iso8601' | 'wire';
  /** false: botocore cannot judge this case (a CLI-level rule, or model drift); `why` says which. */
  oracle?: boolean;
  why?: string;
  expect?: CaseResult;
}

export interface CaseResult {
  serialized?: { method: string; path: string; query: Array<[string, string]>; headers: Record<string, string>; body: unknown; hostPrefix?: string };
  parsed?: Record<string, unknown>;
  error?: Record<string, unknown>;
  requestId?: string;
  hostId?: string;
  throws?: string;
  failure?: string;
}

export const CASES_DIR = join(import.meta.dirname, 'cases');

export function loadCaseFiles(): Array<{ file: string; cases: ProtocolCase[] }> {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, cases: (JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as { cases: ProtocolCase[] }).cases }));
}

/** Buffers become {"$base64": …}; everything else is already JSON. */
export function toPlain(value: unknown): unknown {
  // An integral float (1.0 in the response) compares as the number it is.
  if (value instanceof PyFloat) return value.value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

function fromPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$base64') return Buffer.from((value as { $base64: string }).$base64, 'base64');
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromPlain(v)]));
  }
  return value;
}

export function runCase(c: ProtocolCase): CaseResult {
  const model = loadService(c.service);
  const op = model.operations[c.operation];
  if (!op) throw new Error(`${c.service} has no operation ${c.operation}`);
  const protocol = protocolFor(model);
  try {
    if (!c.response) {
      const req = protocol.serialize(model, op, fromPlain(c.params ?? {}) as Record<string, unknown>);
      const body = typeof req.body === 'string' || req.body === undefined ? (req.body ?? '') : toPlainBody(req.body);
      return { serialized: { method: req.method, path: req.path, query: req.query, headers: req.headers, body, ...(req.hostPrefix !== undefined && { hostPrefix: req.hostPrefix }) } };
    }
    const res = {
      statusCode: c.response.status ?? 200,
      statusMessage: c.response.statusMessage,
      headers: Object.fromEntries(Object.entries(c.response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      body: c.response.bodyBase64 !== undefined ? Buffer.from(c.response.bodyBase64, 'base64') : Buffer.from(c.response.body ?? '', 'utf8'),
    };
    if (res.statusCode >= 300) {
      const { error, requestId, hostId } = protocol.parseError(model, op, res);
      return { error: toPlain(error) as Record<string, unknown>, ...(requestId && { requestId }), ...(hostId && { hostId }) };
    }
    return { parsed: toPlain(protocol.parse(model, op, res, { timestampFormat: c.timestampFormat, requestParams: c.requestParams })) as Record<string, unknown> };
  } catch (e) {
    return { throws: (e as Error).message };
  }
}

function toPlainBody(body: Uint8Array): unknown {
  const text = Buffer.from(body).toString('utf8');
  return Buffer.from(text, 'utf8').equals(Buffer.from(body)) ? text : { $base64: Buffer.from(body).toString('base64') };
}

/** Error objects compare without key order, with botocore's missing Code/Message read as the CLI shows them. */
export function comparable(result: CaseResult, fromOracle: boolean): string {
  if (!result.error) return JSON.stringify(result);
  const error = { ...result.error };
  if (fromOracle) {
    error.Code ??= 'Unknown';
    error.Message ??= 'Unknown';
  }
  const sorted = Object.fromEntries(Object.entries(error).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ ...result, error: sorted });
}

export const ORACLE_TZ = 'America/Los_Angeles';

/** botocore's answers for a batch of cases. Throws (never skips) when python3/botocore is missing. */
export function runOracle(cases: ProtocolCase[]): CaseResult[] {
  // The models ship brotli-compressed and Python has no brotli: their JSON travels with the cases.
  const models = Object.fromEntries([...new Set(cases.map((c) => c.service))].map((service) => [service, readModelText(service)]));
  const out = execFileSync('python3', [join(import.meta.dirname, 'oracle.py')], {
    input: JSON.stringify({ cases, models }),
    env: { ...process.env, TZ: ORACLE_TZ },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as CaseResult[];
}

/** What botocore says, as the CLI would show it (missing Code/Message read as `Unknown`). */
export function oracleAsExpectation(result: CaseResult): CaseResult {
  if (!result.error) return result;
  return { ...result, error: { Code: 'Unknown', Message: 'Unknown', ...result.error } };
}
