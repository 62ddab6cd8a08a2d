// Opening the person's browser: `$BROWSER` when set (as Python's webbrowser does, so SSH users
// and tests can choose), otherwise the `open` package. Failures are quiet: the URL is always
// printed as well.
import { spawn } from 'node:child_process';
import type { Env } from '../../engine/config/paths.js';

export type BrowserOpener = (url: string) => Promise<void>;

export function defaultBrowserOpener(env: Env): BrowserOpener {
  return async (url) => {
    try {
      const custom = env.BROWSER?.split(':').find((c) => c.trim());
      if (custom) {
        const command = custom.includes('%s') ? custom.replace('%s', url) : `${custom} ${shellQuote(url)}`;
        spawn(command, { shell: true, stdio: 'ignore', detached: true, env: env as NodeJS.ProcessEnv }).unref();
        return;
      }
      const { default: open } = await import('open');
      const child = await open(url, { wait: false });
      child.on('error', () => {});
      child.unref();
    } catch {
      // The URL is on screen; a missing opener is not an error.
    }
  };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
