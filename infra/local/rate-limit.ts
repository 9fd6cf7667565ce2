/**
 * Growing delays after failed attempts, per key (a username, a client address): what stops a password
 * being guessed on the local host (in AWS: Cognito's own lockout and the WAF rate rule).
 *
 * After `threshold` failures a key must wait `baseMs`, then twice as long after each further
 * failure, up to `maxMs`; attempts made while it waits are refused without being checked (and do
 * not lengthen the wait). A success clears the key; a key with no failure for `forgetMs` is forgotten.
 */
export interface ThrottleOptions {
  threshold: number;
  baseMs: number;
  maxMs: number;
  forgetMs: number;
}

export class FailureThrottle {
  private readonly entries = new Map<string, { failures: number; last: number; until: number }>();

  constructor(private readonly opts: ThrottleOptions) {}

  /** Milliseconds until the key may try again; 0 if it may now. */
  wait(key: string, now = Date.now()): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    if (now - e.last > this.opts.forgetMs) {
      this.entries.delete(key);
      return 0;
    }
    return Math.max(0, e.until - now);
  }

  fail(key: string, now = Date.now()): void {
    const e = this.entries.get(key) ?? { failures: 0, last: now, until: 0 };
    e.failures++;
    e.last = now;
    const over = e.failures - this.opts.threshold;
    e.until = over >= 0 ? now + Math.min(this.opts.maxMs, this.opts.baseMs * 2 ** over) : 0;
    this.entries.delete(key);
    this.entries.set(key, e);
    // Bounded memory: the oldest keys go first.
    while (this.entries.size > 10_000) this.entries.delete(this.entries.keys().next().value as string);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * At most `limit` events per key in any `windowMs` (a sliding log): the local stand-in for the WAF
 * rate rule on public submissions (requests and objections filed without an account).
 */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an event for the key; returns 0 if allowed, else the milliseconds until one is. */
  take(key: string, now = Date.now()): number {
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return recent[0]! + this.windowMs - now;
    }
    recent.push(now);
    this.events.delete(key);
    this.events.set(key, recent);
    while (this.events.size > 10_000) this.events.delete(this.events.keys().next().value as string);
    return 0;
  }
}
