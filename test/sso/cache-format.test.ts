// Cache file names and contents checked against botocore's own functions, and token files shared
// both ways with botocore (which is what the AWS CLI runs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runSso } from '../../src/cli/sso/index.js';
import { registrationCacheKey, roleCredentialsCacheKey, tokenCacheKey, SsoCache, SsoTokenProvider } from '../../src/engine/sso/index.js';
import { serializeToken } from '../../src/engine/sso/token-cache.js';
import { approvingBrowser, captureIO, desktopProbe, makeHome, sessionConfig, withSandbox, DEMO_START_URL } from './harness.js';
import { awsCli, botocore, botocoreV2 } from './oracle.js';

describe('cache names', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://my-sso-portal.awsapps.com/start', undefined],
    ['https://my-sso-portal.awsapps.com/start', 'my-sso'],
    ['https://d-1234567890.awsapps.com/start#/', 'sessión with spaces'],
  ];
  it('token file names equal botocore SSOTokenLoader keys', async () => {
    const py = await botocore(`import json; from botocore.utils import SSOTokenLoader\nl=SSOTokenLoader()\nprint(json.dumps([l._generate_cache_key(u, s) for u, s in ${JSON.stringify(cases).replace(/null/g, 'None')}]))`);
    expect(cases.map(([u, s]) => tokenCacheKey(u, s))).toEqual(JSON.parse(py));
    expect(tokenCacheKey('', 'my-sso')).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c');
  });

  it('registration file names equal the CLI v2 SSOTokenFetcher keys', async () => {
    const inputs = [
      { startUrl: 'https://my-sso-portal.awsapps.com/start', region: 'us-east-1', scopes: ['sso:account:access'], sessionName: 'my-sso' },
      { startUrl: 'https://my-sso-portal.awsapps.com/start', region: 'eu-west-1' },
      { startUrl: 'https://x.awsapps.com/start', region: 'us-east-1', scopes: [], sessionName: 's' },
    ];
    const py = await botocoreV2(`import json\nfrom awscli.botocore.utils import SSOTokenFetcher\nout=[]\nfor i in json.loads(${JSON.stringify(JSON.stringify(inputs))}):\n  f=SSOTokenFetcher(i['region'], None)\n  out.append(f._registration_cache_key(i['startUrl'], i.get('sessionName'), i.get('scopes')))\nprint(json.dumps(out))`);
    expect(inputs.map((i) => registrationCacheKey(i))).toEqual(JSON.parse(py));
  });

  it('role-credential cache keys equal botocore SSOCredentialFetcher keys', async () => {
    const py = await botocore(`from botocore.credentials import SSOCredentialFetcher as F\nfor s in ['my-sso', None]:\n  f=F('https://my-sso-portal.awsapps.com/start','us-east-1','AdministratorAccess','123456789012',None,sso_session_name=s)\n  print(f._create_cache_key())`);
    expect(py.trim().split('\n')).toEqual([
      roleCredentialsCacheKey('123456789012', 'AdministratorAccess', { sessionName: 'my-sso', startUrl: 'https://my-sso-portal.awsapps.com/start' }),
      roleCredentialsCacheKey('123456789012', 'AdministratorAccess', { startUrl: 'https://my-sso-portal.awsapps.com/start' }),
    ]);
  });

  it('token JSON is byte-for-byte what botocore _sso_json_dumps writes', async () => {
    const token = { startUrl: 'https://a.awsapps.com/start', region: 'us-east-1', accessToken: 'aoa-é', expiresAt: new Date('2030-01-02T03:04:05.678Z'), clientId: 'c', clientSecret: 's', registrationExpiresAt: new Date('2030-03-01T00:00:00Z'), refreshToken: 'r' };
    const py = await botocore(`import datetime, json\nfrom botocore.tokens import _sso_json_dumps\nu=datetime.timezone.utc\nprint(_sso_json_dumps({'startUrl':'https://a.awsapps.com/start','region':'us-east-1','accessToken':'aoa-\\u00e9','expiresAt':datetime.datetime(2030,1,2,3,4,5,678000,tzinfo=u),'clientId':'c','clientSecret':'s','registrationExpiresAt':datetime.datetime(2030,3,1,tzinfo=u),'refreshToken':'r'}), end='')`);
    expect(serializeToken(token)).toBe(py);
  });
});

describe('sharing tokens with botocore', () => {
  let sandbox: Sandbox;
  beforeAll(async () => { sandbox = await withSandbox(); });
  afterAll(async () => { await sandbox.close(); });

  it('botocore refreshes a token awsdeck saved, and awsdeck uses the file botocore wrote', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    expect(await runSso(['login', '--profile', 'dev'], io, { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) })).toBe(0);
    const cache = new SsoCache(join(h.home, '.aws', 'sso', 'cache'));
    const mine = cache.loadToken(DEMO_START_URL, 'my-sso');
    cache.saveToken({ ...mine, expiresAt: new Date(Date.now() + 5 * 60_000) }, 'my-sso');

    // botocore's SSOTokenProvider refreshes near expiry and rewrites the file in its own format.
    const script = `import botocore.session\nfrom botocore.tokens import SSOTokenProvider\nimport os\ns=botocore.session.Session(profile='dev')\nos.path.expanduser('~')\nt=SSOTokenProvider(s, cache=None).load_token().get_frozen_token()\nprint('ok' if t.token else 'none')`;
    expect((await botocore(script.replace('cache=None', `cache=__import__('botocore.utils',fromlist=['x']).JSONFileCache(${JSON.stringify(join(h.home, '.aws', 'sso', 'cache'))}, dumps_func=__import__('botocore.tokens',fromlist=['x'])._sso_json_dumps)`), h.env)).trim()).toBe('ok');
    const theirs = cache.loadToken(DEMO_START_URL, 'my-sso');
    expect(theirs.accessToken).not.toBe(mine.accessToken);
    expect(theirs.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000);

    const provider = new SsoTokenProvider({ config: { sessionName: 'my-sso', startUrl: DEMO_START_URL, region: 'us-east-1' }, env: h.env, oidcEndpointUrl: sandbox.url });
    expect((await provider.token()).accessToken).toBe(theirs.accessToken);
    expect(sandbox.state.sso.validToken(theirs.accessToken)).toBeTruthy();
    h.cleanup();
  });

  it('the AWS CLI (botocore SSO provider) uses a login done in awsdeck', async () => {
    const h = makeHome(sandbox, sessionConfig().replace('111111111111', Object.values((await import('../../src/sandbox/index.js')).DEMO_ACCOUNTS)[0]!.accountId));
    expect(await runSso(['login', '--profile', 'dev'], captureIO(h.env), { openBrowser: approvingBrowser(sandbox), probe: desktopProbe(h.env) })).toBe(0);
    const out = await awsCli(['sts', 'get-caller-identity', '--profile', 'dev', '--output', 'json'], h.env);
    expect(JSON.parse(out).Arn).toMatch(/assumed-role\/AWSReservedSSO_AdministratorAccess_/);
    h.cleanup();
  });
});
