// awsdeck in a real terminal: a tmux server of its own (socket per test file), keys sent as a person
// types them, and waits for what the screen shows (never for a fixed time).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const bundle = new URL('../../dist/awsdeck.js', import.meta.url).pathname;

export interface TmuxApp {
  pane(): string;
  press(...keys: string[]): void;
  type(text: string): void;
  palette(command: string): void;
  waitForPane(test: (text: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  kill(): void;
}

/** Starts `command` (the app, then `echo EXITED:$?`) in a `width`×`height` tmux session. */
export function startInTmux(name: string, command: string, env: Record<string, string>, size = { width: 120, height: 32 }, cwd?: string): TmuxApp {
  if (!existsSync(bundle)) throw new Error('dist/awsdeck.js is missing: run node scripts/bundle.mjs');
  const socket = `awsdeck-${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', 'app', '-x', String(size.width), '-y', String(size.height), ...(cwd ? ['-c', cwd] : []), ...envArgs,
    `${command}; echo EXITED:$?; sleep 60`);
  const pane = () => tmux('capture-pane', '-p', '-t', 'app');
  const press = (...keys: string[]) => { for (const key of keys) tmux('send-keys', '-t', 'app', key); };
  const type = (text: string) => { tmux('send-keys', '-t', 'app', '-l', text); };
  return {
    pane, press, type,
    palette: (command) => { press(':'); type(command); press('Enter'); },
    async waitForPane(test, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = pane();
        if (test(text)) return text;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${text}`);
        await new Promise((r) => setTimeout(r, 40));
      }
    },
    kill: () => { spawnSync('tmux', ['-L', socket, 'kill-server']); },
  };
}
