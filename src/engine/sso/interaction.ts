// How a login reaches the person: everything goes through these callbacks, so the same engine
// serves the plain CLI (prints), the dashboard (a modal) and tests (which approve on the sandbox).

export interface DeviceCodePrompt {
  verificationUri: string;
  verificationUriComplete: string;
  userCode: string;
  expiresAt: Date;
}

export interface BrowserPrompt {
  /** The authorization URL the browser should open. */
  url: string;
  expiresAt: Date;
}

export interface LoginInteraction {
  /** The device flow needs the person: show the URL and code (always, even when a browser opens). */
  onDeviceCode?(prompt: DeviceCodePrompt): void;
  /** The auth-code flow is waiting for the browser: show the URL to copy. */
  onAuthorizationUrl?(prompt: BrowserPrompt): void;
  /** Open a browser at this URL (the `open` package by default; tests follow the URL themselves). */
  onBrowserOpen?(url: string): void | Promise<void>;
  /** Progress notes such as "waiting for another awsdeck process that is logging in". */
  onNotice?(message: string): void;
  /** Cancels the login (Ctrl-C, the dashboard's Esc). */
  signal?: AbortSignal;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal!.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
