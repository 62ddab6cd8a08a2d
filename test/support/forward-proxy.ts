// A real forward proxy on 127.0.0.1 for tests: CONNECT tunnels and absolute-form forwarding,
// optionally over TLS, optionally demanding Proxy-Authorization (answering 407 otherwise). It
// records what it saw, and may send every connection to one upstream whatever host was asked
// for, so names that only the proxy "resolves" never reach DNS.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export interface SeenRequest {
  /** `CONNECT` or the forwarded request's method. */
  method: string;
  /** The request target as sent: `host:port` for CONNECT, the absolute URL otherwise. */
  target: string;
  host?: string;
  proxyAuthorization?: string;
}

export interface ForwardProxyOptions {
  /** `user:password` the proxy demands (Basic); without it any request passes. */
  credentials?: string;
  /** Serve the proxy itself over TLS with this key and certificate. */
  tls?: { key: Buffer; cert: Buffer; ca?: Buffer; requestCert?: boolean };
  /** Connect every request here instead of the host it names. */
  upstream?: { host: string; port: number };
}

export interface ForwardProxy {
  url: string;
  port: number;
  seen: SeenRequest[];
  /** Client certificates' subjects seen on TLS connections (when requestCert is on). */
  clientCerts: string[];
  close(): Promise<void>;
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const seen: SeenRequest[] = [];
  const clientCerts: string[] = [];
  const expected = options.credentials ? `Basic ${Buffer.from(options.credentials).toString('base64')}` : undefined;
  const allowed = (auth: string | undefined) => expected === undefined || auth === expected;
  const where = (host: string, port: number) => options.upstream ?? { host, port };

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: req.method ?? '', target: req.url ?? '', host: req.headers.host, proxyAuthorization: auth });
    if (!allowed(auth)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-type': 'text/plain' });
      res.end('Proxy Authentication Required');
      return;
    }
    const url = new URL(req.url ?? '/');
    const to = where(url.hostname, Number(url.port) || (url.protocol === 'https:' ? 443 : 80));
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const lib = url.protocol === 'https:' ? https : http;
    const upstream = lib.request({
      host: to.host, port: to.port, method: req.method, path: url.pathname + url.search, headers,
      servername: net.isIP(url.hostname) ? undefined : url.hostname, rejectUnauthorized: false,
    }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  };

  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert, ca: options.tls.ca, requestCert: options.tls.requestCert, rejectUnauthorized: false }, onRequest)
    : http.createServer(onRequest);
  if (options.tls?.requestCert) {
    server.on('secureConnection', (socket: import('node:tls').TLSSocket) => {
      const cert = socket.getPeerCertificate();
      if (cert && cert.subject) clientCerts.push(String(cert.subject.CN));
    });
  }
  // Tunnels outlive server.close(): every socket is tracked so close() can end them.
  const sockets = new Set<Duplex>();
  const track = (socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  server.on('connect', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    track(socket);
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: 'CONNECT', target: req.url ?? '', host: req.headers.host, proxyAuthorization: auth });
    socket.on('error', () => {});
    if (!allowed(auth)) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const m = /^(.*):(\d+)$/.exec(req.url ?? '');
    const to = where((m?.[1] ?? '').replace(/^\[(.*)\]$/, '$1'), Number(m?.[2] ?? 443));
    const upstream = net.connect(to.port, to.host, () => {
      track(upstream);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    seen,
    clientCerts,
    close: () => new Promise((r) => {
      server.close(() => r());
      for (const socket of sockets) socket.destroy();
    }),
  };
}
