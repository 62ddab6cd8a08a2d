// Which proxy a request goes through, decided as the AWS CLI decides it: the `<scheme>_proxy`
// environment variables read with Python's urllib rules (lower-case names win, an empty
// lower-case name unsets), NO_PROXY matched as urllib matches it, and the proxy URL's user and
// password sent as Basic Proxy-Authorization. Nothing here opens a socket.
import { BlockList, isIP } from 'node:net';
import type { Env } from '../config/paths.js';

/** The profile's proxy settings (botocore's proxies_config). */
export interface ProxySettings {
  /** CA bundle that verifies an HTTPS proxy's certificate (instead of the endpoint's bundle). */
  caBundle?: string;
  /** Client certificate for an HTTPS proxy: one PEM file holding certificate and key, or both paths. */
  clientCert?: string | { cert: string; key: string };
  /** Through an HTTPS proxy, send HTTPS requests in absolute form instead of a CONNECT tunnel. */
  useForwardingForHttps?: boolean;
}

/** Everything the transport needs to pick a route: the scheme → proxy map and the settings. */
export interface NetworkSettings {
  /** urllib's getproxies(): scheme (`http`, `https`, `no`, …) → value. */
  proxies: Record<string, string>;
  proxy: ProxySettings;
}

/** The proxy one request goes through. */
export interface ProxyRoute {
  url: URL;
  /** `Basic …` when the proxy URL carries both a user and a password. */
  authorization?: string;
  /** The proxy URL with user and password replaced by `***`, for messages and --debug. */
  masked: string;
  /** Absolute-form requests to the proxy (plain HTTP, or HTTPS with forwarding) rather than CONNECT. */
  forward: boolean;
}

/** urllib.request.getproxies_environment, over an explicit environment. */
export function proxiesFromEnv(env: Env): Record<string, string> {
  const proxies: Record<string, string> = {};
  // First any case, then the names that end in lower-case `_proxy` again, so those win.
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    if (value && lower.endsWith('_proxy')) proxies[lower.slice(0, -6)] = value;
  }
  // A CGI request's Proxy: header arrives as HTTP_PROXY (CVE-2016-1000110): only http_proxy counts there.
  if (env.REQUEST_METHOD !== undefined) delete proxies.http;
  for (const [name, value] of Object.entries(env)) {
    if (!name.endsWith('_proxy')) continue;
    const scheme = name.toLowerCase().slice(0, -6);
    if (value) proxies[scheme] = value;
    else delete proxies[scheme];
  }
  return proxies;
}

export function networkFromEnv(env: Env, proxy: ProxySettings = {}): NetworkSettings {
  return { proxies: proxiesFromEnv(env), proxy };
}

/** Python's _splitport: `host:digits` → [host, port]; anything else is all host. */
function splitPort(host: string): [string, string | undefined] {
  const m = /^([\s\S]*):([0-9]*)$/.exec(host);
  if (!m) return [host, undefined];
  return m[2] ? [m[1]!, m[2]] : [m[1]!, undefined];
}

/**
 * Whether NO_PROXY sends this host direct. `netloc` is the URL's host[:port]. urllib's rules: `*`
 * alone bypasses everything; each entry (leading dots ignored, any case) matches the host or the
 * host:port exactly, or as a dot-separated suffix. Beyond urllib (which botocore notes it lacks),
 * an entry that is a CIDR block matches an IP-literal host inside it.
 */
export function bypassesProxy(netloc: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  if (noProxy === '*') return true;
  const host = netloc.toLowerCase();
  const [hostOnly] = splitPort(host);
  for (const raw of noProxy.split(',')) {
    const name = raw.trim().replace(/^\.+/, '').toLowerCase();
    if (!name) continue;
    if (hostOnly === name || host === name) return true;
    if (hostOnly.endsWith(`.${name}`) || host.endsWith(`.${name}`)) return true;
    if (name.includes('/') && inCidr(hostOnly, name)) return true;
  }
  return false;
}

function inCidr(host: string, cidr: string): boolean {
  const ip = host.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(ip);
  const [base, bits] = cidr.split('/');
  const baseFamily = isIP(base ?? '');
  if (!family || family !== baseFamily || !/^\d+$/.test(bits ?? '')) return false;
  const prefix = Number(bits);
  if (prefix > (family === 4 ? 32 : 128)) return false;
  const list = new BlockList();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(base!, prefix, type);
  return list.check(ip, type);
}

/** botocore's _fix_proxy_url: a proxy given without a scheme is an http:// proxy. */
function fixProxyUrl(value: string): string {
  return /^https?:/i.test(value) ? value : value.startsWith('//') ? `http:${value}` : `http://${value}`;
}

function proxyUrl(fixed: string): URL | undefined {
  try {
    return new URL(fixed);
  } catch {
    return undefined;
  }
}

/** The proxy URL as the CLI's messages show it: scheme added, user and password as `***`. */
export function maskProxyUrl(raw: string): string {
  const value = fixProxyUrl(raw);
  const url = proxyUrl(value);
  if (!url || (!url.username && !url.password)) return value;
  const user = url.username ? '***' : '';
  const pass = url.password ? ':***' : '';
  const at = value.lastIndexOf('@');
  const schemeEnd = value.indexOf('//');
  const prefix = schemeEnd >= 0 ? value.slice(0, schemeEnd + 2) : '';
  return `${prefix}${user}${pass}${value.slice(at)}`;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The route for a request to `target`, or undefined to go direct. */
export function proxyRouteFor(target: URL, network: NetworkSettings): ProxyRoute | undefined {
  const scheme = target.protocol.replace(/:$/, '');
  const value = network.proxies[scheme];
  if (!value) return undefined;
  if (bypassesProxy(target.host, network.proxies.no)) return undefined;
  const url = proxyUrl(fixProxyUrl(value));
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  const user = decode(url.username);
  const password = decode(url.password);
  const authorization = user && password ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : undefined;
  const forward = scheme === 'http' || (url.protocol === 'https:' && network.proxy.useForwardingForHttps === true);
  return { url, authorization, masked: maskProxyUrl(value), forward };
}

/** The key that tells apart the connection pools of two routes (never holds the password). */
export function routeKey(route: ProxyRoute | undefined, proxy: ProxySettings): string {
  if (!route) return 'direct';
  const cert = typeof proxy.clientCert === 'string' ? proxy.clientCert : proxy.clientCert ? `${proxy.clientCert.cert}+${proxy.clientCert.key}` : '';
  return `${route.masked}|${route.authorization ?? ''}|${route.forward}|${proxy.caBundle ?? ''}|${cert}`;
}
