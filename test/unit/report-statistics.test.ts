/**
 * The reports' statistics on hand-made cases: working days across weekends and the 2026 holidays
 * (SKB 3 Menteri 2025), medians with odd and even counts, the nearest-rank p90, and the time spent
 * waiting on the requester (clarification) counted apart.
 */
import { describe, expect, it } from 'vitest';
import { type WorkCalendar, workingDaysBetween } from '../../functions/core/calendar.ts';
import { SHIPPED_HOLIDAYS } from '../../functions/core/holidays.ts';
import { clarificationWorkingDays, max, mean, median, p90, percentile, share, summarize } from '../../functions/core/reports/statistics.ts';

const ID: WorkCalendar = { holidays: SHIPPED_HOLIDAYS };
const NONE: WorkCalendar = { holidays: [] };

describe('workingDaysBetween (day 0 = the day of receipt)', () => {
  it('counts nothing on the same day or backwards', () => {
    expect(workingDaysBetween('2026-04-13', '2026-04-13', ID)).toBe(0);
    expect(workingDaysBetween('2026-04-14', '2026-04-13', ID)).toBe(0);
  });

  it('Monday to Wednesday is 2; Friday to Monday skips the weekend', () => {
    expect(workingDaysBetween('2026-04-13', '2026-04-15', ID)).toBe(2);
    // Fri 10 April → Mon 13 April: Sat and Sun are not counted.
    expect(workingDaysBetween('2026-04-10', '2026-04-13', ID)).toBe(1);
    // A request received on a Saturday: Monday is day 1.
    expect(workingDaysBetween('2026-04-11', '2026-04-13', ID)).toBe(1);
  });

  it('skips the Nyepi / Idul Fitri run and Good Friday in 2026', () => {
    // Tue 17 March → Tue 7 April 2026: 18 Mar (cuti bersama), 19 (Nyepi), 20 (cuti bersama), 21–22
    // (Idul Fitri, a weekend), 23–24 (cuti bersama), 28–29 weekend, 3 April (Wafat Yesus Kristus),
    // 4–5 weekend / Paskah are skipped: 25, 26, 27, 30, 31 Mar, 1, 2, 6, 7 Apr = 9 working days.
    expect(workingDaysBetween('2026-03-17', '2026-04-07', ID)).toBe(9);
    // The same dates with no holidays: 15 weekdays.
    expect(workingDaysBetween('2026-03-17', '2026-04-07', NONE)).toBe(15);
  });

  it('crosses the year end with cuti bersama 24 December and Christmas', () => {
    // Tue 22 Dec 2026 → Mon 4 Jan 2027: 23 Dec, 28, 29, 30, 31 Dec, (1 Jan 2027 is a holiday), 4 Jan.
    const n = workingDaysBetween('2026-12-22', '2027-01-04', ID);
    const holidays2027 = SHIPPED_HOLIDAYS.filter((h) => h.date === '2027-01-01');
    expect(holidays2027).toHaveLength(1);
    expect(n).toBe(6);
  });

  it('honours a six-day work week', () => {
    // Fri 10 April → Mon 13 April with Saturdays working: Sat 11 and Mon 13.
    expect(workingDaysBetween('2026-04-10', '2026-04-13', { holidays: [], workWeek: [1, 2, 3, 4, 5, 6] })).toBe(2);
  });
});

describe('median, p90, max, mean', () => {
  it('median of an odd count is the middle sample', () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([5])).toBe(5);
  });

  it('median of an even count is the mean of the two middle samples', () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([2, 2])).toBe(2);
  });

  it('p90 by nearest rank: always a sample, rank ⌈0.9 n⌉', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(p90(ten)).toBe(9);
    // Eleven samples: rank ⌈9.9⌉ = 10.
    expect(p90([...ten, 11])).toBe(10);
    // Under ten samples the p90 is the maximum: ⌈0.9 × 5⌉ = 5.
    expect(p90([3, 9, 1, 4, 2])).toBe(9);
    expect(p90([6])).toBe(6);
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 100)).toBe(10);
    expect(() => percentile(ten, 0)).toThrow(RangeError);
  });

  it('max and the mean to one decimal', () => {
    expect(max([3, 11, 2])).toBe(11);
    expect(mean([1, 2, 2])).toBe(1.7);
  });

  it('an empty list has no statistics but a count of 0', () => {
    expect(summarize([])).toEqual({ count: 0 });
    expect(median([])).toBeUndefined();
    expect(p90([])).toBeUndefined();
    expect(max([])).toBeUndefined();
  });

  it('summarize gives all of them at once', () => {
    expect(summarize([2, 9, 4, 4, 12, 1])).toEqual({ count: 6, median: 4, p90: 12, max: 12, mean: 5.3 });
  });

  it('refuses a sample that is not a number', () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });

  it('share in percent with one decimal', () => {
    expect(share(2, 3)).toBe(66.7);
    expect(share(0, 0)).toBeUndefined();
  });
});

describe('clarification time, counted apart', () => {
  const zone = 'Asia/Jakarta';
  // 09:00 WIB on a date.
  const at = (date: string) => `${date}T02:00:00.000Z`;

  it('counts from the question (day 0) to the answer on the calendar', () => {
    // Asked Thu 2 April 2026, answered Mon 6 April: Fri 3 April is Wafat Yesus Kristus, 4–5 the weekend: 1 working day.
    expect(clarificationWorkingDays([{ askedAt: at('2026-04-02'), answeredAt: at('2026-04-06') }], at('2026-04-10'), zone, ID)).toBe(1);
  });

  it('an unanswered question counts until the notice', () => {
    // Asked Mon 13 April, no answer, the notice on Fri 17 April: 4 working days.
    expect(clarificationWorkingDays([{ askedAt: at('2026-04-13') }], at('2026-04-17'), zone, ID)).toBe(4);
  });

  it('overlapping questions count each working day once; separate ones add up', () => {
    const overlapping = [
      { askedAt: at('2026-04-13'), answeredAt: at('2026-04-16') },
      { askedAt: at('2026-04-14'), answeredAt: at('2026-04-17') },
    ];
    // 13 → 17 April: 4 working days, not 3 + 3.
    expect(clarificationWorkingDays(overlapping, at('2026-04-30'), zone, ID)).toBe(4);
    const apart = [
      { askedAt: at('2026-04-13'), answeredAt: at('2026-04-14') },
      { askedAt: at('2026-04-20'), answeredAt: at('2026-04-22') },
    ];
    expect(clarificationWorkingDays(apart, at('2026-04-30'), zone, ID)).toBe(3);
  });

  it('is separate from the time to the notice: the same request, both numbers', () => {
    // Received Mon 13 April, asked on Tue 14, answered Thu 16, notice on Mon 20 April.
    const toNotice = workingDaysBetween('2026-04-13', '2026-04-20', ID);
    const waiting = clarificationWorkingDays([{ askedAt: at('2026-04-14'), answeredAt: at('2026-04-16') }], at('2026-04-20'), zone, ID);
    expect(toNotice).toBe(5);
    expect(waiting).toBe(2);
  });

  it('a question asked the day the notice went out counts 0', () => {
    expect(clarificationWorkingDays([{ askedAt: at('2026-04-13') }], at('2026-04-13'), zone, ID)).toBe(0);
  });
});
