// Credentials that expire are refreshed before they do, with botocore's two windows: inside the
// advisory window (15 min) a refresh is attempted and a failure keeps the old credentials; inside
// the mandatory window (10 min) callers wait for the refresh and its errors propagate.
import type { Credentials } from '../http/types.js';
import { CredentialRetrievalError } from './errors.js';

export const ADVISORY_REFRESH_SECONDS = 15 * 60;
export const MANDATORY_REFRESH_SECONDS = 10 * 60;

export type CredentialFetcher = () => Promise<Credentials>;

export class RefreshableCredentials {
  private current?: Credentials;
  private inFlight?: Promise<Credentials>;

  constructor(private readonly fetcher: CredentialFetcher, private readonly now: () => Date = () => new Date(), initial?: Credentials) {
    this.current = initial;
  }

  private secondsLeft(creds: Credentials): number {
    if (!creds.expiration) return Infinity;
    return (creds.expiration.getTime() - this.now().getTime()) / 1000;
  }

  async get(): Promise<Credentials> {
    const creds = this.current;
    if (creds) {
      const left = this.secondsLeft(creds);
      if (left >= ADVISORY_REFRESH_SECONDS) return creds;
      if (left >= MANDATORY_REFRESH_SECONDS) {
        try {
          return await this.refresh();
        } catch {
          return creds; // advisory: keep what we have
        }
      }
    }
    return this.refresh();
  }

  /** Forget the current credentials (e.g. after the service rejected them). */
  invalidate(): void {
    this.current = undefined;
  }

  private refresh(): Promise<Credentials> {
    this.inFlight ??= this.fetcher().then((fresh) => {
      if (this.secondsLeft(fresh) <= 0) {
        throw new CredentialRetrievalError('Credentials were refreshed, but the refreshed credentials are still expired.');
      }
      this.current = fresh;
      return fresh;
    }).finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }
}
