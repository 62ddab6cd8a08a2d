// SigV4 for the benchmark's raw page fetches (timing the server alone, without any parsing).
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

class Sha256 {
  constructor(secret) { this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret); }
  update(d) { this.h.update(d); }
  async digest() { return new Uint8Array(this.h.digest()); }
}

export async function signRequest(endpoint, path, query, creds) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    service: 's3', region: 'us-east-1', sha256: Sha256, uriEscapePath: false, applyChecksum: true,
    credentials: { accessKeyId: creds.id, secretAccessKey: creds.secret },
  });
  const signed = await signer.sign({ method: 'GET', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path, query, headers: { host: url.host } });
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  return { headers: signed.headers, href: `${endpoint}${path}?${search}` };
}
