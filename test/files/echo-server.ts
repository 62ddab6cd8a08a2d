// A server that refuses every request the way S3 refuses a bad signature: its error echoes the
// canonical request it computed, headers and all (session token included), as S3's does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startEchoingRefuser(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}:${String(v)}`).join('\n');
      const canonical = `${req.method}\n${req.url}\n${headers}`;
      res.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': 'ECHO0001' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><CanonicalRequest>${escapeXml(canonical)}</CanonicalRequest><StringToSign>AWS4-HMAC-SHA256\n${escapeXml(String(req.headers.authorization ?? ''))}</StringToSign><RequestId>ECHO0001</RequestId></Error>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
