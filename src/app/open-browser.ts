// Opening a URL in the person's browser, saying whether it worked: `$BROWSER` first (as Python's
// webbrowser reads it, so SSH users and tests choose the program), else the `open` package. Where
// no browser can show a page (an SSH session, Linux without a display) nothing is started, so the
// caller shows the URL instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { splitArgs } from './browse/operation-view.js';

export interface BrowserOpening {
  opened: boolean;
  /** Why not: `this is an SSH session`, `there is no display`, the program's failure. */
  reason?: string;
}

export type BrowserOpener = (url: string) => Promise<BrowserOpening>;

/** A program that fails at once (xdg-open finding no browser) exits within this; one still running has opened. */
const EARLY_EXIT_MS = 1000;

export function createBrowserOpener(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): BrowserOpener {
  return async (url) => {
    const custom = env.BROWSER?.split(':').map((c) => c.trim()).find(Boolean);
    if (custom) {
      // Split into words as a shell would (quotes kept together), then run without one: the URL is data.
      let words: string[];
      try {
        words = splitArgs(custom);
      } catch (error) {
        return { opened: false, reason: `$BROWSER: ${(error as Error).message}` };
      }
      const [command, ...args] = words;
      const withUrl = args.some((a) => a.includes('%s')) ? args.map((a) => a.replace('%s', url)) : [...args, url];
      return watch(spawn(command, withUrl, { stdio: 'ignore', detached: true, env }), `$BROWSER (${command})`);
    }
    if (env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY) return { opened: false, reason: 'this is an SSH session' };
    if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { opened: false, reason: 'there is no display' };
    try {
      const { default: open } = await import('open');
      return await watch(await open(url, { wait: false }), 'the system\'s opener');
    } catch (error) {
      // Only the code: a message could quote the command line, and with it the sign-in URL.
      return { opened: false, reason: `the system's opener: ${(error as NodeJS.ErrnoException).code ?? 'failed'}` };
    }
  };
}

/** Opened unless the program cannot start or exits with a failure at once. */
function watch(child: ChildProcess, what: string): Promise<BrowserOpening> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.unref(); resolve({ opened: true }); }, EARLY_EXIT_MS);
    child.once('error', (error) => { clearTimeout(timer); resolve({ opened: false, reason: `${what}: ${(error as NodeJS.ErrnoException).code ?? 'failed to start'}` }); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { opened: true } : { opened: false, reason: `${what} exited with code ${code}` });
    });
  });
}
