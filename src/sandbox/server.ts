// The HTTP listener: reads each request whole, hands it to the sandbox pages or the service
// dispatcher, and always answers (an unexpected failure becomes a plain 500, never a hang).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SandboxState } from './state.js';
import type { IncomingCall, Reply } from './types.js';
import { dispatch } from './dispatch.js';
import { handleWeb, isWebPath } from './web.js';
import { safeDecode } from './codecs/rest.js';

function parseUrlQuery(raw: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    out.push(eq < 0 ? [safeDecode(part), ''] : [safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))]);
  }
  return out;
}

async function readCall(req: IncomingMessage): Promise<IncomingCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  return {
    method: req.method ?? 'GET',
    rawPath: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? [] : parseUrlQuery(url.slice(q + 1)),
    headers,
    body: Buffer.concat(chunks),
  };
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.body === undefined ? undefined : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, 'utf8');
  const headers: Record<string, string> = { date: new Date().toUTCString(), server: 'awsdeck-sandbox', ...reply.headers };
  if (headers['content-length'] === undefined) headers['content-length'] = String(body?.length ?? 0);
  res.writeHead(reply.status, headers);
  if (reply.transport === 'reset') {
    // The whole body is promised by Content-Length; half of it arrives, then the connection dies.
    res.write(body?.subarray(0, Math.floor(body.length / 2)) ?? '', () => res.socket?.destroy());
    return;
  }
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** The sandbox's request handler; `awsdeck --demo` attaches it to a server that is already listening. */
export function sandboxRequestListener(state: SandboxState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      try {
        const call = await readCall(req);
        const reply = isWebPath(call.rawPath) ? handleWeb(state, call) : await dispatch(state, call);
        // A hung server: the connection stays open and silent until the client gives up.
        if (reply.transport === 'hang') return;
        send(res, reply);
      } catch (err) {
        process.env.AWSDECK_SANDBOX_DEBUG && console.error(err);
        if (!res.headersSent) send(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal error' });
        else res.destroy();
      }
    })();
  };
}

export function createSandboxServer(state: SandboxState): Server {
  return createServer({ keepAlive: true }, sandboxRequestListener(state));
}
