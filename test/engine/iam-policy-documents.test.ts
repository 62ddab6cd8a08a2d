// IAM policy documents decoded as botocore decodes them (handlers.json_decode_policies), with
// botocore itself as the oracle: the same parsed responses go through both.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeIamPolicyDocuments, POLICY_DOCUMENT_MEMBERS } from '../../src/engine/http/iam-policy-documents.js';
import { loadService } from '../../src/engine/models/loader.js';

const doc = (statement: Record<string, unknown>) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));

const oracle = `
import json, sys
import botocore.session, botocore.handlers
model = botocore.session.get_session().get_service_model(sys.argv[1]).operation_model(sys.argv[2])
parsed = json.loads(sys.argv[3])
botocore.handlers.json_decode_policies(parsed, model)
print(json.dumps(parsed))
`;

function botocore(service: string, operation: string, parsed: unknown): unknown {
  return JSON.parse(execFileSync('python3', ['-c', oracle, service, operation, JSON.stringify(parsed)], { encoding: 'utf8' }));
}

const cases: Array<[string, Record<string, unknown>]> = [
  ['GetPolicyVersion', { PolicyVersion: { Document: doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }), VersionId: 'v1', IsDefaultVersion: true } }],
  ['GetRole', { Role: { RoleName: 'r', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) } }],
  ['ListRoles', { Roles: [{ RoleName: 'a', AssumeRolePolicyDocument: doc({ Sid: 'caf%C3%A9 é', Effect: 'Deny' }) }, { RoleName: 'b' }], IsTruncated: false }],
  ['GetAccountAuthorizationDetails', {
    UserDetailList: [{ UserName: 'u', UserPolicyList: [{ PolicyName: 'p', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } } }) }] }],
    Policies: [{ PolicyName: 'q', PolicyVersionList: [{ Document: '%7Bnot json', VersionId: 'v1' }, { Document: 'a+b%20c', VersionId: 'v2' }] }],
    IsTruncated: false,
  }],
  ['GetUser', { User: { UserName: 'plain' } }],
];

/** Output string members of IAM in botocore's model: those of policyDocumentType, and the others. */
const memberNames = `
import json, botocore.session
m = botocore.session.get_session().get_service_model('iam')
policy, other = set(), set()
def walk(shape, seen):
    if shape.name in seen: return
    seen = seen | {shape.name}
    if shape.type_name == 'structure':
        for n, ms in shape.members.items():
            if ms.type_name == 'string': (policy if ms.name == 'policyDocumentType' else other).add(n)
            else: walk(ms, seen)
    elif shape.type_name == 'list': walk(shape.member, seen)
    elif shape.type_name == 'map': walk(shape.value, seen)
for op in m.operation_names:
    if m.operation_model(op).output_shape: walk(m.operation_model(op).output_shape, frozenset())
print(json.dumps({'policy': sorted(policy), 'other': sorted(other)}))
`;

describe('IAM policy documents', () => {
  it('are the members botocore knows by shape: the same names, shared with no other string', () => {
    const { policy, other } = JSON.parse(execFileSync('python3', ['-c', memberNames], { encoding: 'utf8' })) as { policy: string[]; other: string[] };
    expect([...POLICY_DOCUMENT_MEMBERS].sort()).toEqual(policy);
    expect(other.filter((name) => POLICY_DOCUMENT_MEMBERS.has(name))).toEqual([]);
  });

  it('decode every policyDocumentType string as botocore does, leaving what does not decode', () => {
    const model = loadService('iam');
    for (const [operation, parsed] of cases) {
      const ours = structuredClone(parsed);
      decodeIamPolicyDocuments(model, model.operations[operation]!, ours);
      expect(ours, operation).toEqual(botocore('iam', operation, parsed));
    }
  });

  it('leave other services alone', () => {
    const model = loadService('sts');
    const parsed = { Policy: doc({ Effect: 'Allow' }) } as Record<string, unknown>;
    decodeIamPolicyDocuments(model, model.operations.GetCallerIdentity!, parsed);
    expect(parsed.Policy).toBe(doc({ Effect: 'Allow' }));
  });
});
