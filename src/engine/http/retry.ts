// Retry policy as the AWS CLI v2 (botocore `standard` and `adaptive` modes, reference §6.6):
// which failures are retried, full-jitter backoff, the per-client retry quota and, in adaptive
// mode, a client-side rate limiter that slows down after throttling.
import { ServiceError, TransportError } from './errors.js';

const TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException',
  'TooManyRequestsException', 'ProvisionedThroughputExceededException', 'TransactionInProgressException',
  'RequestLimitExceeded', 'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled',
  'SlowDown', 'PriorRequestNotComplete', 'EC2ThrottledException',
]);

export type RetryMode = 'standard' | 'adaptive';

export type FailureKind = 'throttling' | 'transient' | 'timeout' | 'none';

export function classifyFailure(err: unknown, service?: string): FailureKind {
  // A 407 to an absolute-form request is an answer, not a broken connection: the CLI tries once.
  if (err instanceof TransportError && err.kind === 'proxy-auth') return 'none';
  if (err instanceof TransportError) return err.kind === 'read-timeout' || err.kind === 'connect-timeout' ? 'timeout' : 'transient';
  if (!(err instanceof ServiceError)) return 'none';
  if (THROTTLING_CODES.has(err.code)) return 'throttling';
  if (TRANSIENT_CODES.has(err.code) || TRANSIENT_STATUS.has(err.statusCode)) return 'transient';
  if (service === 'sts' && err.code === 'IDPCommunicationError') return 'transient';
  return 'none';
}

/** Full jitter: a uniform wait in [0, min(2^(attempt-1), 20)) seconds after attempt `attempt`. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(2 ** (attempt - 1), 20) * 1000;
}

/** The retry token bucket each client owns (500 tokens; retries cost 5, timeouts 10). */
export class RetryQuota {
  private tokens = 500;
  acquire(kind: FailureKind): number | undefined {
    const cost = kind === 'timeout' ? 10 : 5;
    if (this.tokens < cost) return undefined;
    this.tokens -= cost;
    return cost;
  }
  release(cost: number | undefined): void {
    this.tokens = Math.min(500, this.tokens + (cost ?? 1));
  }
  get available(): number {
    return this.tokens;
  }
}

/**
 * Adaptive mode's client-side limiter: a token bucket whose fill rate follows CUBIC
 * (β 0.7, scale 0.4) on throttling and success, measured over 0.5 s buckets with 0.8 smoothing.
 * It only starts limiting after the first throttling response.
 */
export class AdaptiveRateLimiter {
  private enabled = false;
  private fillRate = 0.5;
  private maxCapacity = 0;
  private capacity = 0;
  private lastRefill = 0;
  private lastMaxRate = 0;
  private lastThrottle = 0;
  private timeWindow = 0;
  private measuredRate = 0;
  private bucketStart = 0;
  private requestCount = 0;

  constructor(private readonly now: () => number = () => Date.now() / 1000) {}

  /** Wait, if needed, until a send token is available. */
  async acquire(): Promise<void> {
    if (!this.enabled) return;
    this.refill();
    if (this.capacity < 1) {
      const waitSeconds = (1 - this.capacity) / this.fillRate;
      await new Promise((r) => setTimeout(r, waitSeconds * 1000));
      this.refill();
    }
    this.capacity -= 1;
  }

  /** Record a response: throttled or not. */
  update(throttled: boolean): void {
    const t = this.now();
    this.measureRate(t);
    let rate: number;
    if (throttled) {
      const base = this.enabled ? Math.min(this.measuredRate, this.fillRate) : this.measuredRate;
      this.lastMaxRate = base;
      this.timeWindow = Math.cbrt((this.lastMaxRate * (1 - 0.7)) / 0.4);
      this.lastThrottle = t;
      rate = base * 0.7;
      this.enabled = true;
    } else {
      rate = 0.4 * (t - this.lastThrottle - this.timeWindow) ** 3 + this.lastMaxRate;
    }
    this.setRate(Math.min(rate, 2 * this.measuredRate));
  }

  private setRate(rate: number): void {
    this.refill();
    this.fillRate = Math.max(rate, 0.5);
    this.maxCapacity = Math.max(rate, 1);
    this.capacity = Math.min(this.capacity, this.maxCapacity);
  }

  private refill(): void {
    const t = this.now();
    if (this.lastRefill) this.capacity = Math.min(this.maxCapacity, this.capacity + (t - this.lastRefill) * this.fillRate);
    this.lastRefill = t;
  }

  private measureRate(t: number): void {
    const bucket = Math.floor(t * 2) / 2;
    this.requestCount += 1;
    if (bucket > this.bucketStart) {
      const current = this.requestCount / (bucket - this.bucketStart || 0.5);
      this.measuredRate = current * 0.8 + this.measuredRate * 0.2;
      this.requestCount = 0;
      this.bucketStart = bucket;
    }
  }

  get isLimiting(): boolean {
    return this.enabled;
  }
}
