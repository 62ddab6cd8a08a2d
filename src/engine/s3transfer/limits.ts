// The two limits every transfer shares: how many requests are in flight (max_concurrent_requests)
// and how many bytes per second move (max_bandwidth). Both are plain async primitives.

/** A counting semaphore: `use(fn)` runs fn once a slot is free. */
export class RequestSlots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter so a burst cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/**
 * A token bucket shared by all transfers. Bytes are taken before they are sent or written, so
 * the long-run rate stays at the limit; a burst of up to one second's worth is allowed.
 */
export class BandwidthLimiter {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly bytesPerSecond: number) {
    this.tokens = bytesPerSecond;
  }

  /** Resolves when `bytes` may move; callers are served in order. */
  consume(bytes: number): Promise<void> {
    const turn = this.queue.then(() => this.take(bytes));
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async take(bytes: number): Promise<void> {
    this.refill();
    this.tokens -= bytes;
    if (this.tokens >= 0) return;
    const waitMs = (-this.tokens / this.bytesPerSecond) * 1000;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    this.refill();
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.bytesPerSecond, this.tokens + ((now - this.last) / 1000) * this.bytesPerSecond);
    this.last = now;
  }
}
