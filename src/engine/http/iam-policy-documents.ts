// IAM sends policy documents as URL-encoded JSON text. botocore decodes every string of the shape
// `policyDocumentType` into the document itself after each IAM call (handlers.json_decode_policies),
// so the AWS CLI prints policies as JSON; this does the same, over the operation's output shape.
// The compact models drop shape names, so the members are known by name: in IAM's outputs exactly
// these members are of that shape, and no other string member has these names (checked in the test).
import { parseExactJson } from '../exact-json.js';
import { resolveShape } from '../models/shapes.js';
import type { OperationModel, ServiceModel, Shape } from '../models/types.js';

export const POLICY_DOCUMENT_MEMBERS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document']);

export function decodeIamPolicyDocuments(model: ServiceModel, op: OperationModel, parsed: Record<string, unknown>): void {
  if (model.metadata.serviceId !== 'IAM' || !op.output) return;
  decodeIn(model, parsed, resolveShape(model, op.output));
}

function decodeIn(model: ServiceModel, value: unknown, shape: Shape): void {
  if (shape.type === 'structure' && value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (!(name in record)) continue;
      const member = resolveShape(model, ref);
      if (member.type === 'string' && POLICY_DOCUMENT_MEMBERS.has(name)) record[name] = decodeQuotedJson(record[name]);
      else decodeIn(model, record[name], member);
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    const member = resolveShape(model, shape.member);
    for (const item of value) decodeIn(model, item, member);
  }
}

/** Python's `json.loads(unquote(value))`; a value that does not decode is left as it came. */
export function decodeQuotedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return parseExactJson(unquote(value));
  } catch {
    return value;
  }
}

/** urllib.parse.unquote: `%XX` runs become UTF-8 (bad bytes replaced), `+` stays a plus. */
function unquote(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}
