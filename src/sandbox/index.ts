// The built-in sandbox: one local endpoint speaking enough of STS, SSO-OIDC, the SSO portal,
// IAM, EC2, S3, Lambda, CloudFormation and CloudWatch Logs for the AWS CLI and awsdeck.
import type { AddressInfo } from 'node:net';
import { DEFAULT_OPTIONS, SandboxState } from './state.js';
import { createSandboxServer } from './server.js';
import { seedDemoOrganisation, seedEmptyOrganisation } from './seed-org.js';
import { seedDemoResources } from './seed-resources.js';
import { loadSnapshot, saveSnapshot } from './persist.js';
import { resetEc2Ids } from './services/ec2-store.js';

export { totp, verifyTotp } from './totp.js';
export { SandboxState } from './state.js';
export { FaultPlan, FaultSpecError, parseFaultSpec, type FaultRecord } from './fault-plan.js';
export { sandboxRequestListener } from './server.js';
export {
  SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, DEMO_MFA_SEED, DEMO_START_URL, DEMO_USER,
  DEMO_ACCOUNTS, EMPTY_ACCOUNT, PERMISSION_SETS, MFA_ROLE_NAME,
} from './seed-org.js';

export interface SandboxStartOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Loopback only by default; the sandbox is never meant to face a network. */
  host?: string;
  seed: 'demo' | 'empty';
  /** Where state is kept between runs (loaded at start, written at close). */
  dataDir?: string;
  /** SSO access-token lifetime; default 8 h. */
  tokenTtlSeconds?: number;
  /** Device-code lifetime; default 10 min. */
  deviceCodeTtlSeconds?: number;
  /** EC2 state-transition time (pending→running, stopping→stopped); default 4 s. */
  instanceTransitionMs?: number;
  /** A fault-mode spec (see fault-plan.ts), e.g. `ec2@eu-west-1=throttle*5; s3api=503*2`. */
  faults?: string;
}

export interface Sandbox {
  url: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

/** A seeded state (and the snapshot in `dataDir`, if any), not yet served. */
export function createSandboxState(options: SandboxStartOptions): SandboxState {
  const state = new SandboxState({
    ...DEFAULT_OPTIONS,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_OPTIONS.tokenTtlSeconds,
    deviceCodeTtlSeconds: options.deviceCodeTtlSeconds ?? DEFAULT_OPTIONS.deviceCodeTtlSeconds,
    instanceTransitionMs: options.instanceTransitionMs ?? DEFAULT_OPTIONS.instanceTransitionMs,
  });
  resetEc2Ids();
  if (options.seed === 'demo') {
    seedDemoOrganisation(state);
    seedDemoResources(state);
  } else {
    seedEmptyOrganisation(state);
  }
  if (options.dataDir) loadSnapshot(state, options.dataDir);
  if (options.faults) state.faults.set(options.faults);
  return state;
}

export async function startSandbox(options: SandboxStartOptions): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const state = createSandboxState(options);
  const server = createSandboxServer(state);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.options.baseUrl = url;
  let closed = false;
  return {
    url,
    port,
    state,
    async close() {
      if (closed) return;
      closed = true;
      if (options.dataDir) saveSnapshot(state, options.dataDir);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
