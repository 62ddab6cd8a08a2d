// Opening the person's browser for `sso login` and `configure sso`: the dashboard's opener
// ($BROWSER split into words and run without a shell, so a URL from the server stays data; else
// the `open` package). Not awaited: the URL is printed as well, and the login goes on either way.
import type { Env } from '../../engine/config/paths.js';
import { createBrowserOpener } from '../../app/open-browser.js';

export type BrowserOpener = (url: string) => Promise<void>;

export function defaultBrowserOpener(env: Env): BrowserOpener {
  const open = createBrowserOpener(env as NodeJS.ProcessEnv);
  return async (url) => {
    void open(url);
  };
}
