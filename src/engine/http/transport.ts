// Sends one HTTP request with keep-alive connections, connect and read timeouts, and the user's
// CA bundle. Everything above this file is protocol-agnostic and never touches sockets.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { TransportError } from './errors.js';
import type { HttpResponse } from './types.js';

export interface TransportOptions {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  verifySsl: boolean;
  caBundle?: string;
}

export interface WireRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Hand a 2xx body over as it arrives (event streams: a live tail runs for hours). */
  streamBody?: boolean;
}

const agents = new Map<string, http.Agent>();

function agentFor(url: URL, opts: TransportOptions): http.Agent {
  const key = `${url.protocol}|${opts.verifySsl}|${opts.caBundle ?? ''}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = url.protocol === 'https:'
      ? new https.Agent({
          keepAlive: true,
          rejectUnauthorized: opts.verifySsl,
          ca: opts.caBundle ? readFileSync(opts.caBundle) : undefined,
        })
      : new http.Agent({ keepAlive: true });
    agents.set(key, agent);
  }
  return agent;
}

function flatHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  }
  return headers;
}

export function send(req: WireRequest, opts: TransportOptions): Promise<HttpResponse> {
  const lib = req.url.protocol === 'https:' ? https : http;
  const endpoint = `${req.url.protocol}//${req.url.host}`;
  return new Promise((resolve, reject) => {
    let connectTimer: NodeJS.Timeout | undefined;
    const request = lib.request(req.url, { method: req.method, headers: req.headers, agent: agentFor(req.url, opts) }, (res) => {
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
      if (socket.connecting) {
        connectTimer = setTimeout(() => {
          request.destroy(new TransportError('connect-timeout', `Connect timeout on endpoint URL: "${req.url.href}"`, endpoint));
        }, opts.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
      }
    });
    request.on('error', (err: Error & { code?: string }) => {
      clearTimeout(connectTimer);
      if (err instanceof TransportError) return reject(err);
      const tls = /CERT|SSL|TLS/.test(err.code ?? '') || /certificate/i.test(err.message);
      if (tls) return reject(new TransportError('tls', `SSL validation failed for ${req.url.href} ${err.message}`, endpoint));
      reject(new TransportError('connect', `Could not connect to the endpoint URL: "${req.url.href}"`, endpoint));
    });
    if (req.body !== undefined) request.end(req.body);
    else request.end();
  });
}
