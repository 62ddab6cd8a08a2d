// What every provider may need, passed in so the engine never reaches for a terminal or globals.
import type { LoadedConfig } from '../config/files.js';
import type { Env } from '../config/paths.js';
import type { Credentials } from '../http/types.js';
import type { NetworkSettings } from '../http/proxy.js';

/** The subset of the request client the providers use (STS, SSO portal). */
export interface StsLikeClient {
  call(operation: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export interface ClientFactoryOptions {
  service: string;
  region?: string;
  credentials?: Credentials | (() => Promise<Credentials>);
  endpointUrl?: string;
  unsigned?: boolean;
}

export type ClientFactory = (opts: ClientFactoryOptions) => StsLikeClient | Promise<StsLikeClient>;

export interface CredentialContext {
  env: Env;
  config: LoadedConfig;
  /** The command's region; each STS hop uses it (regional endpoint). */
  region?: string;
  /** Asks the person for an MFA code (plain CLI: `Enter MFA code for <serial>: `). */
  mfaCode?: (serial: string) => Promise<string>;
  /** Creates AWS clients; defaults to the engine's request pipeline. */
  createClient: ClientFactory;
  /** Endpoint override for internal clients (`sts`, `sso`), from the settings. */
  endpointUrlFor?: (service: string) => string | undefined;
  now: () => Date;
  /** Proxies for the providers' AWS calls (IMDS and container endpoints never use them). */
  network?: NetworkSettings;
  fetch: typeof fetch;
  /** Reports non-fatal problems, e.g. a corrupt cache file that was replaced. */
  warn: (message: string) => void;
  credentialProcessTimeoutMs: number;
  /** Signs in interactively when an SSO token is missing or dead (the dashboard's modal). */
  ssoLogin?: (config: { sessionName?: string; startUrl: string; region: string }) => Promise<void>;
  /** Access keys a service refused as expired: a cache entry holding one is not reused. */
  rejectedKeyIds?: Set<string>;
}
