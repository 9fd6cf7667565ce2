/** The local host's limits on guessing passwords and on public submissions (issue 17, finding 6). */
import { describe, expect, it } from 'vitest';
import { FailureThrottle, SlidingWindow } from '../../infra/local/rate-limit.ts';

describe('FailureThrottle', () => {
  it('lets the first failures through, then doubles the wait after each further one, up to the cap', () => {
    const t = new FailureThrottle({ threshold: 3, baseMs: 1000, maxMs: 8000, forgetMs: 60_000 });
    let now = 0;
    for (let i = 0; i < 2; i++) t.fail('u', now);
    expect(t.wait('u', now)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      t.fail('u', now);
      waits.push(t.wait('u', now));
      now += t.wait('u', now);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    t.succeed('u');
    expect(t.wait('u', now)).toBe(0);
  });

  it('forgets a key that has not failed for a while', () => {
    const t = new FailureThrottle({ threshold: 1, baseMs: 1000, maxMs: 1000, forgetMs: 10_000 });
    t.fail('ip', 0);
    expect(t.wait('ip', 500)).toBe(500);
    expect(t.wait('ip', 20_000)).toBe(0);
  });
});

describe('SlidingWindow', () => {
  it('allows `limit` events per key in any window and says when the next one is allowed', () => {
    const w = new SlidingWindow(3, 60_000);
    expect([w.take('a', 0), w.take('a', 10), w.take('a', 20)]).toEqual([0, 0, 0]);
    expect(w.take('a', 30)).toBe(59_970);
    expect(w.take('b', 30)).toBe(0);
    expect(w.take('a', 60_001)).toBe(0);
  });
});
