import { describe, expect, it } from 'vitest';
import { nextFire } from '../../infra/local/scheduler.ts';
import { schedules } from '../../infra/system.ts';

describe('local scheduler expressions', () => {
  it('fires the daily calendar check at 07:00 Jakarta time (00:00 UTC)', () => {
    const s = schedules.find((x) => x.id === 'DailyCalendarCheck')!;
    expect(nextFire(s.expression, s.timezone, new Date('2026-11-22T03:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(nextFire(s.expression, s.timezone, new Date('2026-11-22T23:59:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('understands ranges, lists, steps, weekday names and time zones', () => {
    // 08:30 on weekdays in Jayapura (UTC+9): Friday 2026-11-20 10:00 UTC → Monday 2026-11-23 08:30 local.
    expect(nextFire('cron(30 8 ? * MON-FRI *)', 'Asia/Jayapura', new Date('2026-11-20T10:00:00Z')).toISOString()).toBe('2026-11-22T23:30:00.000Z');
    expect(nextFire('cron(0/15 * * * ? *)', 'UTC', new Date('2026-01-01T00:07:00Z')).toISOString()).toBe('2026-01-01T00:15:00.000Z');
    expect(nextFire('cron(0 0 1 1,7 ? *)', 'UTC', new Date('2026-02-01T00:00:00Z')).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(nextFire('rate(5 minutes)', 'UTC', new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T00:05:00.000Z');
  });

  it('refuses what it cannot evaluate instead of guessing', () => {
    expect(() => nextFire('cron(0 0 L * ? *)', 'UTC', new Date())).toThrow(/not supported/);
    expect(() => nextFire('cron(0 0 * *)', 'UTC', new Date())).toThrow(/6 fields/);
    expect(() => nextFire('at(2026-01-01T00:00:00)', 'UTC', new Date())).toThrow(/Unsupported/);
  });
});
