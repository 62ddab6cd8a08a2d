// Sends one HTTP request with keep-alive connections, connect and read timeouts, the user's
// CA bundle and proxy. Everything above this file is protocol-agnostic and never touches sockets.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { ExitCodeError } from '../errors.js';
import { TransportError } from './errors.js';
import { proxyRouteFor, routeKey, type NetworkSettings, type ProxyRoute } from './proxy.js';
import type { HttpResponse } from './types.js';

export interface TransportOptions {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  verifySsl: boolean;
  caBundle?: string;
  /** Proxies and proxy settings; without it, requests go direct. */
  network?: NetworkSettings;
  /** Receives one line per request that goes through a proxy (the URL masked), for --debug. */
  trace?: (line: string) => void;
}

export interface WireRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The path and query exactly as signed. A URL object drops `.` and `..` segments, which are
   *  legal in S3 keys (`a/../b.txt` is its own object), so S3 requests send this instead. */
  rawPath?: string;
  /** Hand a 2xx body over as it arrives (event streams: a live tail runs for hours). */
  streamBody?: boolean;
  /** The body read from its source while sending (then `body` is unset); Content-Length is already set. */
  bodySource?: () => AsyncIterable<Uint8Array>;
  /** Told of body bytes as the socket takes them. */
  onBodySent?: (bytes: number) => void;
}

/** Slices a Buffer body is written in when someone follows its progress (no copies: views). */
const PROGRESS_SLICE = 256 * 1024;

const agents = new Map<string, http.Agent>();

/** A proxy refused or could not be reached; `status` is its answer to CONNECT, if any. */
class ProxyFailure extends Error {
  constructor(readonly status?: number, readonly timedOut = false) {
    super(status ? `proxy answered ${status}` : timedOut ? 'proxy connect timed out' : 'cannot connect to proxy');
  }
}

/** TLS options for the connection to an HTTPS proxy, as urllib3 builds them for botocore. */
function proxyTlsOptions(opts: TransportOptions): tls.ConnectionOptions {
  const settings = opts.network?.proxy ?? {};
  const cert = settings.clientCert;
  const read = (key: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (err) {
      // botocore's InvalidProxiesConfigError, with the setting and file named.
      throw new ExitCodeError(`Invalid configuration value(s) provided for proxies_config. ${key} ${path}: ${(err as Error).message}`, 255);
    }
  };
  const certOpts = typeof cert === 'string'
    ? { cert: read('proxy_client_cert', cert), key: read('proxy_client_cert', cert) }
    : cert ? { cert: read('proxy_client_cert', cert.cert), key: read('proxy_client_cert', cert.key) } : {};
  // With its own bundle or client certificate the proxy is always verified; otherwise it is
  // checked like the endpoint (same bundle, and --no-verify-ssl applies).
  if (settings.caBundle || cert) {
    return { ...certOpts, ca: settings.caBundle ? read('proxy_ca_bundle', settings.caBundle) : undefined, rejectUnauthorized: true };
  }
  return { ca: opts.caBundle ? readFileSync(opts.caBundle) : undefined, rejectUnauthorized: opts.verifySsl };
}

/** The socket to the proxy itself (TCP, or TLS for an https:// proxy). */
function connectToProxy(route: ProxyRoute, opts: TransportOptions): net.Socket {
  const host = route.url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(route.url.port) || (route.url.protocol === 'https:' ? 443 : 80);
  if (route.url.protocol !== 'https:') return net.connect({ host, port });
  return tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, ...proxyTlsOptions(opts) });
}

/** An HTTPS agent whose connections are TLS inside a CONNECT tunnel through the proxy. */
class TunnelAgent extends https.Agent {
  constructor(private readonly route: ProxyRoute, private readonly opts: TransportOptions, agentOpts: https.AgentOptions) {
    super(agentOpts);
  }

  override createConnection(options: tls.ConnectionOptions, done: (err: Error | null, socket?: Duplex) => void): undefined {
    const raw = connectToProxy(this.route, this.opts);
    let settled = false;
    const finish = (err: Error | null, socket?: Duplex) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      raw.removeAllListeners('data');
      if (err) raw.destroy();
      done(err, socket);
    };
    const timer = setTimeout(() => finish(new ProxyFailure(undefined, true)), this.opts.connectTimeoutMs);
    raw.on('error', (err: Error & { code?: string }) => finish(isTlsError(err) ? err : new ProxyFailure()));
    const target = `${options.host?.includes(':') ? `[${options.host}]` : options.host}:${options.port ?? 443}`;
    raw.once(this.route.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      const auth = this.route.authorization ? `Proxy-Authorization: ${this.route.authorization}\r\n` : '';
      raw.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
    });
    let head = Buffer.alloc(0);
    raw.on('data', (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 64 * 1024) finish(new ProxyFailure());
        return;
      }
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (status !== 200) return finish(new ProxyFailure(status || undefined));
      // The TLS socket reports errors from here on; this only keeps a late one from being unhandled.
      raw.removeAllListeners('error');
      raw.on('error', () => {});
      const rest = head.subarray(end + 4);
      if (rest.length) raw.unshift(rest);
      finish(null, tls.connect({ ...options, socket: raw }));
    });
    return undefined;
  }
}

function agentFor(url: URL, route: ProxyRoute | undefined, opts: TransportOptions): http.Agent {
  const key = `${url.protocol}|${opts.verifySsl}|${opts.caBundle ?? ''}|${routeKey(route, opts.network?.proxy ?? {})}`;
  let agent = agents.get(key);
  if (!agent) {
    const endpointTls = { rejectUnauthorized: opts.verifySsl, ca: opts.caBundle ? readFileSync(opts.caBundle) : undefined };
    if (route && !route.forward) agent = new TunnelAgent(route, opts, { keepAlive: true, ...endpointTls });
    else if (route) {
      // Absolute-form requests: the pool holds connections to the proxy itself.
      agent = route.url.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, ...proxyTlsOptions(opts) })
        : new http.Agent({ keepAlive: true });
    } else {
      agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: true, ...endpointTls }) : new http.Agent({ keepAlive: true });
    }
    agents.set(key, agent);
  }
  return agent;
}

function isTlsError(err: Error & { code?: string }): boolean {
  return /CERT|SSL|TLS/.test(err.code ?? '') || /certificate/i.test(err.message);
}

function flatHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  }
  return headers;
}

export function send(req: WireRequest, opts: TransportOptions): Promise<HttpResponse> {
  const route = opts.network ? proxyRouteFor(req.url, opts.network) : undefined;
  const endpoint = `${req.url.protocol}//${req.url.host}`;
  const proxyError = (retryable: boolean) => new TransportError(retryable ? 'proxy' : 'proxy-auth', `Failed to connect to proxy URL: "${route!.masked}"`, endpoint);
  const agent = agentFor(req.url, route, opts);
  let target: string | URL = req.url;
  let options: https.RequestOptions = { method: req.method, headers: req.headers, agent, ...(req.rawPath && { path: req.rawPath }) };
  let lib: typeof http | typeof https = req.url.protocol === 'https:' ? https : http;
  if (route) opts.trace?.(`proxy ${route.masked} (${route.forward ? 'absolute-form' : 'CONNECT tunnel'})`);
  if (route?.forward) {
    // Absolute-form: the proxy reads the target from the request line and Host.
    lib = route.url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { host: req.url.host, ...req.headers };
    if (route.authorization) headers['proxy-authorization'] = route.authorization;
    target = route.url.origin;
    options = { ...options, headers, path: req.rawPath ? `${req.url.origin}${req.rawPath}` : req.url.href, servername: net.isIP(route.url.hostname) ? undefined : route.url.hostname };
  }
  return new Promise((resolve, reject) => {
    let connectTimer: NodeJS.Timeout | undefined;
    let connected = false;
    const request = lib.request(target, options, (res) => {
      if (route?.forward && res.statusCode === 407) {
        res.resume();
        opts.trace?.('the proxy answered 407 Proxy Authentication Required');
        reject(proxyError(false));
        return;
      }
      if (req.streamBody && (res.statusCode ?? 0) < 300) {
        resolve({ statusCode: res.statusCode ?? 0, statusMessage: res.statusMessage, headers: flatHeaders(res.headers), body: Buffer.alloc(0), bodyStream: res });
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ statusCode: res.statusCode ?? 0, statusMessage: res.statusMessage, headers: flatHeaders(res.headers), body: Buffer.concat(chunks) });
      });
      res.on('error', () => reject(new TransportError('closed', `Connection was closed before we received a valid response from endpoint URL: "${req.url.href}".`, endpoint)));
    });
    // Read timeout: no bytes for readTimeoutMs on an established socket.
    request.setTimeout(opts.readTimeoutMs, () => {
      request.destroy(new TransportError('read-timeout', `Read timeout on endpoint URL: "${req.url.href}"`, endpoint));
    });
    request.on('socket', (socket) => {
      connected = !socket.connecting;
      if (socket.connecting) {
        // Only while connecting: a kept-alive socket never emits it again, so a listener added
        // per request would pile up (MaxListenersExceededWarning after ten reuses).
        socket.once('connect', () => { connected = true; });
        connectTimer = setTimeout(() => {
          request.destroy(new TransportError('connect-timeout', `Connect timeout on endpoint URL: "${req.url.href}"`, endpoint));
        }, opts.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
      }
    });
    request.on('error', (err: Error & { code?: string }) => {
      clearTimeout(connectTimer);
      if (err instanceof TransportError || (err as { fromBodySource?: boolean }).fromBodySource) return reject(err);
      if (err instanceof ProxyFailure) {
        if (err.timedOut) return reject(new TransportError('connect-timeout', `Connect timeout on endpoint URL: "${req.url.href}"`, endpoint));
        if (err.status) opts.trace?.(`the proxy answered CONNECT with ${err.status}`);
        return reject(proxyError(true));
      }
      if (isTlsError(err)) return reject(new TransportError('tls', `SSL validation failed for ${req.url.href} ${err.message}`, endpoint));
      // Not reaching a proxy that forwards is the proxy's failure, not the endpoint's.
      if (route?.forward && !connected) return reject(proxyError(true));
      reject(new TransportError('connect', `Could not connect to the endpoint URL: "${req.url.href}"`, endpoint));
    });
    if (req.bodySource) void writeFromSource(request, req.bodySource(), req.onBodySent);
    else if (req.body !== undefined && req.onBodySent && typeof req.body !== 'string' && req.body.length > PROGRESS_SLICE) {
      const body = req.body;
      for (let at = 0; at < body.length; at += PROGRESS_SLICE) {
        const slice = body.subarray(at, at + PROGRESS_SLICE);
        request.write(slice, () => req.onBodySent!(slice.length));
      }
      request.end();
    } else if (req.body !== undefined) request.end(req.body, () => req.onBodySent?.(Buffer.byteLength(req.body!)));
    else request.end();
  });
}

/** Pipe a body source into the request, waiting for the socket when it is full. */
async function writeFromSource(request: http.ClientRequest, source: AsyncIterable<Uint8Array>, onSent?: (bytes: number) => void): Promise<void> {
  try {
    for await (const chunk of source) {
      if (request.destroyed) return;
      const more = request.write(chunk, () => onSent?.(chunk.length));
      if (!more) await drained(request);
    }
    request.end();
  } catch (err) {
    // A local read failure: not the endpoint's fault, and not worth a retry.
    request.destroy(Object.assign(err as Error, { fromBodySource: true }));
  }
}

function drained(request: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      request.off('drain', done);
      request.off('close', done);
      resolve();
    };
    request.on('drain', done);
    request.on('close', done);
  });
}
