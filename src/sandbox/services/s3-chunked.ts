// `Content-Encoding: aws-chunked` bodies (streaming SigV4 uploads and flexible-checksum
// trailers): `<hex-size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>\r\n\r\n`.
import { fault } from '../fault.js';

export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd < 0) throw malformed();
    const header = body.toString('latin1', pos, lineEnd);
    const size = parseInt(header.split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw malformed();
    pos = lineEnd + 2;
    if (size === 0) break;
    if (pos + size > body.length) throw malformed();
    parts.push(body.subarray(pos, pos + size));
    pos += size;
    if (body.toString('latin1', pos, pos + 2) !== '\r\n') throw malformed();
    pos += 2;
  }
  // Trailer lines (x-amz-checksum-*, x-amz-trailer-signature) follow; the sandbox does not need them.
  return Buffer.concat(parts);
}

function malformed(): Error {
  return fault('IncompleteBody', 'The request body terminated unexpectedly', { status: 400 });
}
