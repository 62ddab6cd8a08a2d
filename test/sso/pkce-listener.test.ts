// The PKCE redirect listener of `awsdeck sso login`, probed as a hostile local page would: where it
// listens (127.0.0.1 only, a random port), a wrong `state` (the login fails with the CLI's error),
// and a second answer (nothing is listening any more). The sandbox is the OIDC server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runSso } from '../../src/cli/sso/index.js';
import { LOOPBACK_V4, listeningAddresses } from '../support/listening.js';
import { approve, captureIO, desktopProbe, makeHome, sessionConfig, withSandbox } from './harness.js';

let sandbox: Sandbox;
beforeAll(async () => { sandbox = await withSandbox(); });
afterAll(async () => { await sandbox.close(); });

const redirectOf = (authorizeUrl: string) => new URL(new URL(authorizeUrl).searchParams.get('redirect_uri')!);

/** A GET that reports a refused connection as such instead of throwing. */
async function tryGet(url: string): Promise<number | 'refused'> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'refused';
    throw error;
  }
}

describe('the PKCE redirect listener', () => {
  it('listens on 127.0.0.1 only, on a fresh random port each login', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const h = makeHome(sandbox, sessionConfig());
      const io = captureIO(h.env);
      const code = await runSso(['login', '--profile', 'dev'], io, {
        probe: desktopProbe(h.env),
        openBrowser: async (url) => {
          const redirect = redirectOf(url);
          expect(redirect.hostname).toBe('127.0.0.1');
          const port = Number(redirect.port);
          ports.push(port);
          // 127.0.0.1 alone: not 0.0.0.0, not ::.
          expect(listeningAddresses(port)).toEqual([LOOPBACK_V4]);
          const page = await fetch(url, { headers: { accept: 'application/json' } });
          const { userCode } = (await page.json()) as { userCode: string };
          const { redirect: back } = await approve(sandbox, userCode);
          expect(await tryGet(back!)).toBe(200);
        },
      });
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      h.cleanup();
    }
    expect(ports.every((p) => p > 0)).toBe(true);
    expect(ports[0]).not.toBe(ports[1]);
    // Both listeners are gone once their logins ended.
    for (const port of ports) expect(listeningAddresses(port)).toEqual([]);
  });

  it('a wrong state ends the login with the CLI error, and the listener is closed', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    let redirect!: URL;
    const forged: Array<number | 'refused'> = [];
    const code = await runSso(['login', '--profile', 'dev'], io, {
      probe: desktopProbe(h.env),
      openBrowser: async (url) => {
        redirect = redirectOf(url);
        // A page that does not know the state: a favicon is no answer, a forged callback is.
        expect(await tryGet(`${redirect.origin}/favicon.ico`)).toBe(404);
        forged.push(await tryGet(`${redirect.href}?code=stolen-code&state=not-the-state`));
      },
    });
    expect(code).toBe(255);
    expect(io.err()).toContain('Error loading authorization code: State parameter does not match expected value.');
    expect(forged).toEqual([400]);
    expect(await tryGet(`${redirect.href}?code=again&state=x`)).toBe('refused');
    h.cleanup();
  });

  it('takes exactly one answer: a second one, even with the right state, finds nothing listening', async () => {
    const h = makeHome(sandbox, sessionConfig());
    const io = captureIO(h.env);
    const answers: Array<number | 'refused'> = [];
    const code = await runSso(['login', '--profile', 'dev'], io, {
      probe: desktopProbe(h.env),
      openBrowser: async (url) => {
        const page = await fetch(url, { headers: { accept: 'application/json' } });
        const { userCode } = (await page.json()) as { userCode: string };
        const { redirect: back } = await approve(sandbox, userCode);
        answers.push(await tryGet(back!));
        answers.push(await tryGet(back!));
      },
    });
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(answers).toEqual([200, 'refused']);
    h.cleanup();
  });
});
