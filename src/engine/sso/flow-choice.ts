// Which login flow to run. PKCE needs the browser to reach 127.0.0.1 on this machine; over SSH,
// on Linux without a display or inside a container it cannot, so awsdeck uses the device code
// there. A person's choice of the device code is remembered per sso-session (aws/aws-cli#9098).
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { acquireLock } from '../config/file-store.js';
import { ensurePrivateDir, replacePrivateFile } from '../private-files.js';
import type { Env } from '../config/paths.js';
import { homeDir } from '../config/paths.js';
import type { FlowKind } from './registration.js';

export interface HostProbe {
  env: Env;
  platform: NodeJS.Platform;
  exists(path: string): boolean;
}

export function hostProbe(env: Env): HostProbe {
  return { env, platform: process.platform, exists: existsSync };
}

/** Why a browser on this machine cannot complete a loopback redirect, or undefined if it can. */
export function loopbackUnreachableReason(probe: HostProbe): string | undefined {
  const { env } = probe;
  if (env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY) return 'this is an SSH session';
  if (env.container || probe.exists('/.dockerenv') || probe.exists('/run/.containerenv') || env.KUBERNETES_SERVICE_HOST) return 'this is a container';
  if (probe.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY && !env.BROWSER) return 'there is no display';
  return undefined;
}

/** `$XDG_STATE_HOME/awsdeck` (or `~/.local/state/awsdeck`): awsdeck's own state, never the CLI's. */
export function awsdeckStateDir(env: Env): string {
  return join(env.XDG_STATE_HOME || join(homeDir(env), '.local', 'state'), 'awsdeck');
}

/** Remembered flow per sso-session, in one small JSON file. */
export class FlowPreferences {
  constructor(readonly path: string) {}

  static forEnv(env: Env): FlowPreferences {
    return new FlowPreferences(join(awsdeckStateDir(env), 'sso-login-flows.json'));
  }

  private read(): Record<string, FlowKind> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, FlowKind>) : {};
    } catch {
      return {};
    }
  }

  get(sessionName: string): FlowKind | undefined {
    const v = this.read()[sessionName];
    return v === 'device-code' || v === 'auth-code' ? v : undefined;
  }

  set(sessionName: string, flow: FlowKind | undefined): void {
    ensurePrivateDir(dirname(this.path));
    // Locked read-modify-write: two logins remembering different sessions keep both.
    const release = acquireLock(this.path);
    try {
      const all = this.read();
      if (flow) all[sessionName] = flow;
      else delete all[sessionName];
      replacePrivateFile(this.path, JSON.stringify(all, null, 2) + '\n');
    } finally {
      release();
    }
  }
}

export interface FlowDecision {
  flow: FlowKind;
  /** Why this flow, for the message the person sees (undefined for the plain default). */
  reason?: string;
}

export interface FlowRequest {
  sessionName?: string;
  /** `--use-device-code` given. */
  useDeviceCode?: boolean;
  /** `--no-use-device-code` given: back to the browser flow, forgetting the remembered choice. */
  forceAuthCode?: boolean;
  probe: HostProbe;
  preferences?: FlowPreferences;
}

export function chooseFlow(req: FlowRequest): FlowDecision {
  if (!req.sessionName) return { flow: 'device-code', reason: 'legacy profiles (without an sso-session) support only the device code' };
  if (req.useDeviceCode) {
    req.preferences?.set(req.sessionName, 'device-code');
    return { flow: 'device-code' };
  }
  if (req.forceAuthCode) {
    req.preferences?.set(req.sessionName, undefined);
    return { flow: 'auth-code' };
  }
  if (req.preferences?.get(req.sessionName) === 'device-code') {
    return { flow: 'device-code', reason: `the device code is remembered for sso-session ${req.sessionName}; pass --no-use-device-code to use the browser redirect again` };
  }
  const unreachable = loopbackUnreachableReason(req.probe);
  if (unreachable) return { flow: 'device-code', reason: `${unreachable}, so a browser cannot return to this machine` };
  return { flow: 'auth-code' };
}
