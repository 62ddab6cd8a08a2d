// Proxy selection as the AWS CLI makes it: NO_PROXY matching (table-driven, checked against
// Python's urllib on the same table), the environment's proxy variables with urllib's case rules,
// Basic credentials from the proxy URL, masking, and the profile's proxy settings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bypassesProxy, maskProxyUrl, proxiesFromEnv, proxyRouteFor, networkFromEnv } from '../../src/engine/http/proxy.js';
import { resolveSettings } from '../../src/engine/config/settings.js';

interface Row { netloc: string; noProxy: string; bypass: boolean; cidrOnly?: boolean }

// cidrOnly: urllib (so the AWS CLI) ignores CIDR entries; awsdeck matches IP-literal hosts in them.
const noProxyTable: Row[] = [
  { netloc: 's3.amazonaws.com', noProxy: '*', bypass: true },
  { netloc: 's3.amazonaws.com', noProxy: ' *', bypass: false },
  { netloc: 's3.amazonaws.com', noProxy: 'a.com,*', bypass: false },
  { netloc: 's3.amazonaws.com', noProxy: 'amazonaws.com', bypass: true },
  { netloc: 's3.amazonaws.com', noProxy: '.amazonaws.com', bypass: true },
  { netloc: 's3.amazonaws.com', noProxy: '..amazonaws.com', bypass: true },
  { netloc: 'amazonaws.com', noProxy: '.amazonaws.com', bypass: true },
  { netloc: 's3.amazonaws.com', noProxy: 'AMAZONAWS.COM', bypass: true },
  { netloc: 'S3.AmazonAWS.com', noProxy: 'amazonaws.com', bypass: true },
  { netloc: 'xamazonaws.com', noProxy: 'amazonaws.com', bypass: false },
  { netloc: 's3.amazonaws.com', noProxy: 's3.amazonaws.com', bypass: true },
  { netloc: 's3.amazonaws.com', noProxy: '  foo.com , s3.amazonaws.com  ', bypass: true },
  { netloc: 's3.amazonaws.com', noProxy: 'foo.com,,bar.com', bypass: false },
  { netloc: 's3.amazonaws.com', noProxy: '', bypass: false },
  { netloc: 'localhost:4566', noProxy: 'localhost:4566', bypass: true },
  { netloc: 'localhost:4566', noProxy: 'localhost', bypass: true },
  { netloc: 'localhost:4567', noProxy: 'localhost:4566', bypass: false },
  { netloc: 'localhost', noProxy: 'localhost:4566', bypass: false },
  { netloc: 'api.local:8080', noProxy: 'local:8080', bypass: true },
  { netloc: 'api.local:9090', noProxy: 'local:8080', bypass: false },
  { netloc: '127.0.0.1:8000', noProxy: '127.0.0.1', bypass: true },
  { netloc: '127.0.0.10:8000', noProxy: '127.0.0.1', bypass: false },
  { netloc: '10.1.2.3', noProxy: '10.1.2.3', bypass: true },
  { netloc: '[::1]:8000', noProxy: '[::1]', bypass: true },
  { netloc: '[::1]:8000', noProxy: '::1', bypass: false },
  { netloc: 'host:', noProxy: 'host', bypass: true },
  { netloc: '10.1.2.3:80', noProxy: '10.0.0.0/8', bypass: true, cidrOnly: true },
  { netloc: '11.1.2.3:80', noProxy: '10.0.0.0/8', bypass: false },
  { netloc: '192.168.4.20', noProxy: 'example.com, 192.168.4.0/24', bypass: true, cidrOnly: true },
  { netloc: '192.168.5.20', noProxy: '192.168.4.0/24', bypass: false },
  { netloc: '[fd00::5]:443', noProxy: 'fd00::/8', bypass: true, cidrOnly: true },
  { netloc: '10.1.2.3', noProxy: '10.0.0.0/33', bypass: false },
  { netloc: 'ten.example', noProxy: '10.0.0.0/8', bypass: false },
];

describe('NO_PROXY', () => {
  it.each(noProxyTable)('$netloc with NO_PROXY="$noProxy" → bypass $bypass', ({ netloc, noProxy, bypass }) => {
    expect(bypassesProxy(netloc, noProxy || undefined)).toBe(bypass);
  });

  it('agrees with Python urllib (what the AWS CLI uses) on every row but the CIDR extension', () => {
    const script = 'import json,sys,urllib.request as u\nrows=json.load(sys.stdin)\nprint(json.dumps([bool(r["noProxy"]) and u.proxy_bypass_environment(r["netloc"], {"no": r["noProxy"]}) for r in rows]))';
    const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(noProxyTable), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const python = JSON.parse(r.stdout) as boolean[];
    noProxyTable.forEach((row, i) => expect(python[i], JSON.stringify(row)).toBe(row.cidrOnly ? false : row.bypass));
  });
});

describe('proxy environment variables (urllib getproxies_environment)', () => {
  it('takes either case, and the lower-case name wins', () => {
    expect(proxiesFromEnv({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'http://h:3', NO_PROXY: 'a.com' }))
      .toEqual({ https: 'http://lower:2', http: 'http://h:3', no: 'a.com' });
    expect(proxiesFromEnv({ https_proxy: 'http://lower:2', HTTPS_PROXY: 'http://upper:1' }).https).toBe('http://lower:2');
  });

  it('an empty lower-case variable unsets the upper-case one; an empty upper-case one is ignored', () => {
    expect(proxiesFromEnv({ HTTPS_PROXY: 'http://upper:1', https_proxy: '' })).toEqual({});
    expect(proxiesFromEnv({ HTTPS_PROXY: '', https_proxy: 'http://lower:2' })).toEqual({ https: 'http://lower:2' });
  });

  it('ignores HTTP_PROXY (not http_proxy) under CGI, as urllib does', () => {
    expect(proxiesFromEnv({ REQUEST_METHOD: 'GET', HTTP_PROXY: 'http://evil:1' })).toEqual({});
    expect(proxiesFromEnv({ REQUEST_METHOD: 'GET', http_proxy: 'http://ok:1' })).toEqual({ http: 'http://ok:1' });
  });

  it('agrees with Python on the same environments', () => {
    const envs = [
      { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', NO_PROXY: 'x', no_proxy: '' },
      { HTTPS_PROXY: 'http://upper:1', https_proxy: '' },
      { REQUEST_METHOD: 'GET', HTTP_PROXY: 'http://evil:1', https_proxy: 'p:3' },
      { Http_Proxy: 'http://mixed:1' },
    ];
    for (const env of envs) {
      const r = spawnSync('python3', ['-c', 'import json,urllib.request as u;print(json.dumps(u.getproxies_environment()))'], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
      expect(proxiesFromEnv(env), JSON.stringify(env)).toEqual(JSON.parse(r.stdout));
    }
  });
});

describe('routes', () => {
  const route = (url: string, env: Record<string, string>, forwarding?: boolean) =>
    proxyRouteFor(new URL(url), networkFromEnv(env, { useForwardingForHttps: forwarding }));

  it('uses the scheme\'s proxy: HTTPS_PROXY for https endpoints, HTTP_PROXY for http ones', () => {
    const env = { HTTPS_PROXY: 'http://secure:3128', HTTP_PROXY: 'http://plain:8080' };
    expect(route('https://sts.amazonaws.com/', env)?.url.host).toBe('secure:3128');
    expect(route('http://127.0.0.1:5000/', env)?.url.host).toBe('plain:8080');
    expect(route('https://sts.amazonaws.com/', { HTTP_PROXY: 'http://plain:8080' })).toBeUndefined();
  });

  it('CONNECT for https, absolute-form for http, absolute-form for https only through an https proxy with forwarding on', () => {
    expect(route('https://a.example/', { HTTPS_PROXY: 'http://p:1' })?.forward).toBe(false);
    expect(route('http://a.example/', { HTTP_PROXY: 'http://p:1' })?.forward).toBe(true);
    expect(route('https://a.example/', { HTTPS_PROXY: 'http://p:1' }, true)?.forward).toBe(false);
    expect(route('https://a.example/', { HTTPS_PROXY: 'https://p:1' }, true)?.forward).toBe(true);
    expect(route('https://a.example/', { HTTPS_PROXY: 'https://p:1' }, false)?.forward).toBe(false);
  });

  it('a proxy without a scheme is http://, as botocore fixes it', () => {
    expect(route('https://a.example/', { HTTPS_PROXY: 'proxy.corp:3128' })?.url.href).toBe('http://proxy.corp:3128/');
    expect(route('https://a.example/', { HTTPS_PROXY: '//proxy.corp:3128' })?.url.href).toBe('http://proxy.corp:3128/');
  });

  it('sends Basic credentials percent-decoded, only when both user and password are there', () => {
    const r = route('https://a.example/', { HTTPS_PROXY: 'http://us%40er:p%3Ass%20w@p:1' });
    expect(r?.authorization).toBe(`Basic ${Buffer.from('us@er:p:ss w').toString('base64')}`);
    expect(route('https://a.example/', { HTTPS_PROXY: 'http://user@p:1' })?.authorization).toBeUndefined();
    expect(route('https://a.example/', { HTTPS_PROXY: 'http://user:@p:1' })?.authorization).toBeUndefined();
  });

  it('NO_PROXY sends matching hosts direct', () => {
    expect(route('https://s3.amazonaws.com/', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.amazonaws.com' })).toBeUndefined();
    expect(route('https://s3.amazonaws.com/', { HTTPS_PROXY: 'http://p:1', no_proxy: '*' })).toBeUndefined();
    expect(route('http://127.0.0.1:9/', { HTTP_PROXY: 'http://p:1', NO_PROXY: '127.0.0.0/8' })).toBeUndefined();
  });
});

describe('masking (botocore mask_proxy_url)', () => {
  it.each([
    ['http://user:secret@proxy:3128', 'http://***:***@proxy:3128'],
    ['https://us%40er:p%3Ass@proxy', 'https://***:***@proxy'],
    ['http://user@proxy:3128', 'http://***@proxy:3128'],
    ['user:secret@proxy:3128', 'http://***:***@proxy:3128'],
    ['http://proxy:3128', 'http://proxy:3128'],
  ])('%s → %s', (raw, masked) => {
    expect(maskProxyUrl(raw)).toBe(masked);
    expect(maskProxyUrl(raw)).not.toContain('secret');
  });
});

describe('profile proxy settings (botocore proxies_config)', () => {
  const settingsFrom = (config: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-proxy-'));
    writeFileSync(join(dir, 'config'), config);
    return resolveSettings({ env: { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), HTTPS_PROXY: 'http://p:1' } }).network;
  };

  it('reads top-level keys and a nested proxies_config section, top level winning', () => {
    const network = settingsFrom([
      '[default]',
      'proxy_ca_bundle = /top/ca.pem',
      'proxies_config =',
      '  proxy_ca_bundle = /nested/ca.pem',
      '  proxy_client_cert = /nested/client.pem',
      '  proxy_use_forwarding_for_https = TRUE',
      '',
    ].join('\n'));
    expect(network.proxy).toEqual({ caBundle: '/top/ca.pem', clientCert: '/nested/client.pem', useForwardingForHttps: true });
    expect(network.proxies).toEqual({ https: 'http://p:1' });
  });

  it('forwarding is on only for the text true', () => {
    expect(settingsFrom('[default]\nproxy_use_forwarding_for_https = yes\n').proxy.useForwardingForHttps).toBe(false);
    expect(settingsFrom('[default]\n').proxy).toEqual({ caBundle: undefined, clientCert: undefined, useForwardingForHttps: undefined });
  });
});
