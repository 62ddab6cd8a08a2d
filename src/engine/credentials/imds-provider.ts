// EC2 instance roles through IMDSv2 (token, then role name, then credentials). Quietly yields
// nothing when the metadata service does not answer, as botocore does off EC2.
import { stringValue, type Section } from '../config/files.js';
import type { Credentials } from '../http/types.js';
import type { CredentialContext } from './context.js';

const METHOD = 'iam-role';

function baseUrl(ctx: CredentialContext, profile: Section | undefined): string {
  const configured = ctx.env.AWS_EC2_METADATA_SERVICE_ENDPOINT ?? stringValue(profile, 'ec2_metadata_service_endpoint');
  if (configured) return configured.replace(/\/$/, '');
  const mode = ctx.env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE ?? stringValue(profile, 'ec2_metadata_service_endpoint_mode');
  return mode?.toLowerCase() === 'ipv6' ? 'http://[fd00:ec2::254]' : 'http://169.254.169.254';
}

export async function imdsCredentials(ctx: CredentialContext, profile: Section | undefined): Promise<Credentials | undefined> {
  const base = baseUrl(ctx, profile);
  const timeoutMs = Number(ctx.env.AWS_METADATA_SERVICE_TIMEOUT ?? stringValue(profile, 'metadata_service_timeout') ?? 1) * 1000;
  const request = async (path: string, init: RequestInit = {}) => ctx.fetch(base + path, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  try {
    const headers: Record<string, string> = {};
    const tokenRes = await request('/latest/api/token', { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' } });
    if (tokenRes.status === 200) headers['x-aws-ec2-metadata-token'] = await tokenRes.text();
    else if (![403, 404, 405].includes(tokenRes.status)) return undefined;
    const rolesRes = await request('/latest/meta-data/iam/security-credentials/', { headers });
    if (rolesRes.status !== 200) return undefined;
    const role = (await rolesRes.text()).split('\n')[0]?.trim();
    if (!role) return undefined;
    const credsRes = await request(`/latest/meta-data/iam/security-credentials/${role}`, { headers });
    if (credsRes.status !== 200) return undefined;
    const doc = JSON.parse(await credsRes.text()) as Record<string, string>;
    if (!doc.AccessKeyId || !doc.SecretAccessKey) return undefined;
    return { accessKeyId: doc.AccessKeyId, secretAccessKey: doc.SecretAccessKey, sessionToken: doc.Token, expiration: doc.Expiration ? new Date(doc.Expiration) : undefined, source: METHOD };
  } catch {
    return undefined;
  }
}
